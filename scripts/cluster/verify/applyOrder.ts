// The order objects are applied in. The engine applies along dependencies: a namespace before what
// lives in it, a CRD (established) before its custom resources, and the rest in parallel. This
// suite goes in phases that respect the same edges, and within the last phase by kind, the way
// Helm installs (identities and policy before the workloads that need them), so a Pod is never
// judged before the quota, LimitRange and ServiceAccount it depends on exist.
import { KubernetesObject } from "../../plan/objects";

/** Applied first and waited for: what every other object may depend on. */
export const FOUNDATION_KINDS = ["Namespace", "CustomResourceDefinition"];

const KIND_ORDER = [
    "PriorityClass", "ResourceQuota", "LimitRange", "PodSecurityPolicy", "NetworkPolicy", "ServiceAccount", "Secret",
    "ConfigMap", "StorageClass", "PersistentVolume", "PersistentVolumeClaim", "ClusterRole", "ClusterRoleBinding", "Role",
    "RoleBinding", "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding", "Service", "DaemonSet", "Pod",
    "ReplicaSet", "Deployment", "HorizontalPodAutoscaler", "StatefulSet", "Job", "CronJob", "PodDisruptionBudget",
];
/** Webhook configurations last: a webhook is called only once its backend could exist. */
const LAST_KINDS = ["APIService", "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"];

const rank = (kind: string): number => {
    if (FOUNDATION_KINDS.includes(kind)) return FOUNDATION_KINDS.indexOf(kind) - 100;
    if (LAST_KINDS.includes(kind)) return 1000 + LAST_KINDS.indexOf(kind);
    const i = KIND_ORDER.indexOf(kind);
    return i >= 0 ? i : KIND_ORDER.length; // custom resources and the rest, after the built-in kinds
};

export function applyPhases(objects: readonly KubernetesObject[]): { foundation: KubernetesObject[]; rest: KubernetesObject[] } {
    const sorted = [...objects].sort((a, b) => rank(a.kind) - rank(b.kind));
    return {
        foundation: sorted.filter((o) => FOUNDATION_KINDS.includes(o.kind)),
        rest: sorted.filter((o) => !FOUNDATION_KINDS.includes(o.kind)),
    };
}
