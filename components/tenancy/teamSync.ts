// What Argo CD may sync for a team: the kinds its Applications may hold (the AppProject's
// allow-list) and the namespaced identity the sync runs as (sync impersonation), whose Role grants
// exactly those kinds in the team's own namespace. One table serves both, so the AppProject and the
// Role cannot disagree. Absent on purpose: Gateways, Ingresses, ServiceEntries, EnvoyFilters,
// Sidecars, PeerAuthentications, RequestAuthentications, Telemetry (mesh-wide or edge effects);
// NetworkPolicies, ResourceQuotas, LimitRanges and RBAC (the platform's guardrails); Alertmanager
// configs (the platform's routes); bare Pods and ReplicaSets (the workloads' controllers make them).

/** One kind a team's Applications may sync, with the plural its RBAC rule names. */
export interface TeamSyncKind {
    group: string;
    kind: string;
    resource: string;
}

export const TEAM_SYNC_KINDS: readonly TeamSyncKind[] = [
    { group: "", kind: "ConfigMap", resource: "configmaps" },
    { group: "", kind: "Secret", resource: "secrets" },
    { group: "", kind: "Service", resource: "services" },
    { group: "", kind: "ServiceAccount", resource: "serviceaccounts" },
    { group: "", kind: "PersistentVolumeClaim", resource: "persistentvolumeclaims" },
    { group: "apps", kind: "Deployment", resource: "deployments" },
    { group: "apps", kind: "StatefulSet", resource: "statefulsets" },
    { group: "batch", kind: "Job", resource: "jobs" },
    { group: "batch", kind: "CronJob", resource: "cronjobs" },
    { group: "autoscaling", kind: "HorizontalPodAutoscaler", resource: "horizontalpodautoscalers" },
    { group: "policy", kind: "PodDisruptionBudget", resource: "poddisruptionbudgets" },
    { group: "monitoring.coreos.com", kind: "ServiceMonitor", resource: "servicemonitors" },
    { group: "monitoring.coreos.com", kind: "PodMonitor", resource: "podmonitors" },
    { group: "monitoring.coreos.com", kind: "PrometheusRule", resource: "prometheusrules" },
    { group: "networking.istio.io", kind: "VirtualService", resource: "virtualservices" },
    { group: "networking.istio.io", kind: "DestinationRule", resource: "destinationrules" },
    { group: "security.istio.io", kind: "AuthorizationPolicy", resource: "authorizationpolicies" },
];

/** The ServiceAccount (and its Role and RoleBinding) in each team namespace that Argo CD syncs as. */
export const TEAM_SYNC_IDENTITY = "argocd-sync";

const SYNC_VERBS = ["get", "list", "watch", "create", "update", "patch", "delete"];

/** The sync identity's Role: every allowed kind, one rule per API group, no wildcards. */
export function teamSyncRoleRules(kinds: readonly TeamSyncKind[] = TEAM_SYNC_KINDS): { apiGroups: string[]; resources: string[]; verbs: string[] }[] {
    const groups = [...new Set(kinds.map((k) => k.group))];
    return groups.map((group) => ({
        apiGroups: [group],
        resources: kinds.filter((k) => k.group === group).map((k) => k.resource),
        verbs: [...SYNC_VERBS],
    }));
}
