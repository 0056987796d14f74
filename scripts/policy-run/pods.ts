// Generators of resources as the engine hands them to the pack: a pod that meets the restricted
// level with several containers of every kind, the nine objects that carry a pod, built around it,
// and any other resource. For bench:policy's synthetic stacks and the policy tests' baselines.
import type { AnalyzedResource } from "./index";

export interface Pod {
    metadata: Record<string, any>;
    spec: Record<string, any>;
}

export const IMAGE = "ghcr.io/stefanprodan/podinfo:6.9.2";

export function compliantContainer(name: string): Record<string, any> {
    return {
        name,
        image: IMAGE,
        securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } },
        resources: { requests: { cpu: "50m", memory: "64Mi" }, limits: { memory: "128Mi" } },
    };
}

/**
 * Restricted-compliant: init container "init", containers "app" and "sidecar", ephemeral container
 * "debugger"; no ServiceAccount token (it says so, as workload-service-account asks).
 */
export function restrictedPod(): Pod {
    return {
        metadata: { labels: { app: "shop" }, annotations: {} },
        spec: {
            securityContext: { runAsNonRoot: true, runAsUser: 1000, seccompProfile: { type: "RuntimeDefault" } },
            automountServiceAccountToken: false,
            initContainers: [compliantContainer("init")],
            containers: [compliantContainer("app"), compliantContainer("sidecar")],
            ephemeralContainers: [{ ...compliantContainer("debugger"), resources: undefined }],
            volumes: [{ name: "tmp", emptyDir: {} }, { name: "config", configMap: { name: "shop" } }],
        },
    };
}

export const POD_KINDS = [
    "Pod", "PodTemplate", "ReplicationController", "ReplicaSet", "Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob",
] as const;
export type PodKind = (typeof POD_KINDS)[number];

const TYPES: Record<PodKind, string> = {
    Pod: "kubernetes:core/v1:Pod",
    PodTemplate: "kubernetes:core/v1:PodTemplate",
    ReplicationController: "kubernetes:core/v1:ReplicationController",
    ReplicaSet: "kubernetes:apps/v1:ReplicaSet",
    Deployment: "kubernetes:apps/v1:Deployment",
    StatefulSet: "kubernetes:apps/v1:StatefulSet",
    DaemonSet: "kubernetes:apps/v1:DaemonSet",
    Job: "kubernetes:batch/v1:Job",
    CronJob: "kubernetes:batch/v1:CronJob",
};

export function urnOf(type: string, name: string): string {
    return `urn:pulumi:test::platform::${type}::${name}`;
}

/** The object of `kind` named `name` in `namespace` whose pod is `pod`. */
export function workload(kind: PodKind, pod: Pod, namespace = "shop", name = "cart"): AnalyzedResource {
    const metadata = { name, namespace };
    const template = { metadata: pod.metadata, spec: pod.spec };
    const selector = { matchLabels: pod.metadata.labels ?? {} };
    const props: Record<PodKind, Record<string, any>> = {
        Pod: { metadata: { ...metadata, ...pod.metadata }, spec: pod.spec },
        PodTemplate: { metadata, template },
        ReplicationController: { metadata, spec: { selector: selector.matchLabels, template } },
        ReplicaSet: { metadata, spec: { selector, template } },
        Deployment: { metadata, spec: { replicas: 1, selector, template } },
        StatefulSet: { metadata, spec: { serviceName: name, selector, template } },
        DaemonSet: { metadata, spec: { selector, template } },
        Job: { metadata, spec: { template } },
        CronJob: { metadata, spec: { schedule: "0 * * * *", jobTemplate: { spec: { template } } } },
    };
    const type = TYPES[kind];
    return { type, name, urn: urnOf(type, name), props: JSON.parse(JSON.stringify(props[kind])) };
}

export function resource(type: string, name: string, props: Record<string, any>, extra: Partial<AnalyzedResource> = {}): AnalyzedResource {
    return { type, name, urn: urnOf(type, name), props, ...extra };
}
