// The pod template of every workload kind, as CEL variables: `podSpec` and `podMeta` (a map, empty
// when the template has no metadata), read the same way for a Pod, a CronJob and the controllers
// with `spec.template`, like policy/lib/podTemplate.ts does for the pack's TypeScript checks.
import { RuleTarget } from "./rule";

export const WORKLOAD_TARGETS: readonly RuleTarget[] = [
    { group: "", kind: "Pod", resource: "pods" },
    { group: "apps", kind: "Deployment", resource: "deployments" },
    { group: "apps", kind: "StatefulSet", resource: "statefulsets" },
    { group: "apps", kind: "DaemonSet", resource: "daemonsets" },
    { group: "apps", kind: "ReplicaSet", resource: "replicasets" },
    { group: "batch", kind: "Job", resource: "jobs" },
    { group: "batch", kind: "CronJob", resource: "cronjobs" },
];

/**
 * Every kind that carries a pod template, as policy/lib/podTemplate.ts lists them in the groups
 * served today: the workloads, plus ReplicationControllers and bare PodTemplates.
 */
export const POD_TEMPLATE_TARGETS: readonly RuleTarget[] = [
    ...WORKLOAD_TARGETS,
    { group: "", kind: "ReplicationController", resource: "replicationcontrollers" },
    { group: "", kind: "PodTemplate", resource: "podtemplates" },
];

export const POD_TEMPLATE_VARIABLES = [
    // A Pod is its own template.
    {
        name: "podTemplate",
        expression: "object.kind == 'Pod' ? object : (object.kind == 'PodTemplate' ? object.template : " +
            "(object.kind == 'CronJob' ? object.spec.jobTemplate.spec.template : object.spec.template))",
    },
    { name: "podSpec", expression: "variables.podTemplate.spec" },
    { name: "podMeta", expression: "has(variables.podTemplate.metadata) ? variables.podTemplate.metadata : {}" },
    { name: "podAnnotations", expression: "has(variables.podMeta.annotations) ? variables.podMeta.annotations : {}" },
    { name: "podLabels", expression: "has(variables.podMeta.labels) ? variables.podMeta.labels : {}" },
] as const;

const specAt = (path: string): string => {
    const steps = path.split(".");
    const guards = steps.map((_, i) => `has(object.${steps.slice(0, i + 1).join(".")})`);
    return `(${guards.join(" && ")} ? object.${path} : {})`;
};

/**
 * The pod spec, or an empty map where the object sets none: what a rule judged on a Pulumi patch
 * (a DeploymentPatch that sets only labels, say) reads, since a patch may leave the template out.
 */
export const POD_SPEC_IF_SET = {
    name: "podSpec",
    expression: `object.kind == 'Pod' ? ${specAt("spec")} : (object.kind == 'PodTemplate' ? ${specAt("template.spec")} : ` +
        `(object.kind == 'CronJob' ? ${specAt("spec.jobTemplate.spec.template.spec")} : ${specAt("spec.template.spec")}))`,
} as const;
