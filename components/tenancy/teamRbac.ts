// What a team's group may do in its own namespace: operate workloads, read their logs and
// events. Deliberately absent: wildcards, Secrets, pods/exec and pods/attach, RBAC itself.
import * as k8s from "@pulumi/kubernetes";

export const TEAM_ROLE_RULES: k8s.types.input.rbac.v1.PolicyRule[] = [
    {
        apiGroups: [""],
        resources: ["pods", "pods/log", "services", "endpoints", "configmaps", "events", "persistentvolumeclaims", "serviceaccounts"],
        verbs: ["get", "list", "watch"],
    },
    { apiGroups: [""], resources: ["configmaps", "services"], verbs: ["create", "update", "patch", "delete"] },
    {
        apiGroups: ["apps"],
        resources: ["deployments", "statefulsets", "replicasets"],
        verbs: ["get", "list", "watch", "create", "update", "patch", "delete"],
    },
    { apiGroups: ["apps"], resources: ["deployments/scale"], verbs: ["get", "update", "patch"] },
    { apiGroups: ["batch"], resources: ["jobs", "cronjobs"], verbs: ["get", "list", "watch", "create", "update", "patch", "delete"] },
    { apiGroups: ["autoscaling"], resources: ["horizontalpodautoscalers"], verbs: ["get", "list", "watch", "create", "update", "patch", "delete"] },
    { apiGroups: ["policy"], resources: ["poddisruptionbudgets"], verbs: ["get", "list", "watch", "create", "update", "patch", "delete"] },
    { apiGroups: ["networking.k8s.io"], resources: ["networkpolicies"], verbs: ["get", "list", "watch"] },
];
