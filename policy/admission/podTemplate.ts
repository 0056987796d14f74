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

export const POD_TEMPLATE_VARIABLES = [
    // A Pod is its own template.
    {
        name: "podTemplate",
        expression: "object.kind == 'Pod' ? object : (object.kind == 'CronJob' ? object.spec.jobTemplate.spec.template : object.spec.template)",
    },
    { name: "podSpec", expression: "variables.podTemplate.spec" },
    { name: "podMeta", expression: "has(variables.podTemplate.metadata) ? variables.podTemplate.metadata : {}" },
    { name: "podAnnotations", expression: "has(variables.podMeta.annotations) ? variables.podMeta.annotations : {}" },
    { name: "podLabels", expression: "has(variables.podMeta.labels) ? variables.podMeta.labels : {}" },
] as const;
