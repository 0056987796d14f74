// AppProjects: one per tenant team, confined to the team's repositories and namespace, and one
// for the platform's root app, which may only create Applications in the Argo CD namespace.
import type { IAppProjectSpec } from "@kubernetes-models/argo-cd/argoproj.io/v1alpha1/AppProjectSpec";
import { TeamSettings } from "../tenancy/settings";

/** The cluster Argo CD runs in, as Argo CD names it. */
export const IN_CLUSTER_SERVER = "https://kubernetes.default.svc";

export const PLATFORM_PROJECT = "platform";
/** Argo CD's built-in project (unrestricted) and ours: no team may take these names. */
export const RESERVED_PROJECT_NAMES = ["default", PLATFORM_PROJECT];

/**
 * Namespaced kinds the platform owns in a team namespace (quota, container defaults, network
 * isolation, RBAC, mesh mTLS); a team's Applications may not create or change them.
 */
export const PLATFORM_OWNED_KINDS: { group: string; kind: string }[] = [
    { group: "", kind: "ResourceQuota" },
    { group: "", kind: "LimitRange" },
    { group: "networking.k8s.io", kind: "NetworkPolicy" },
    { group: "rbac.authorization.k8s.io", kind: "Role" },
    { group: "rbac.authorization.k8s.io", kind: "RoleBinding" },
    { group: "security.istio.io", kind: "PeerAuthentication" },
];

export function teamProjectSpec(team: Pick<TeamSettings, "name" | "sourceRepos">, namespace: string): IAppProjectSpec {
    return {
        description: `Applications of team ${team.name}: its repositories, its namespace only`,
        sourceRepos: [...team.sourceRepos],
        destinations: [{ server: IN_CLUSTER_SERVER, namespace }],
        clusterResourceWhitelist: [],
        namespaceResourceBlacklist: PLATFORM_OWNED_KINDS.map((k) => ({ ...k })),
        roles: [],
    };
}

export function platformProjectSpec(rootRepoURL: string, argocdNamespace: string): IAppProjectSpec {
    return {
        description: "The platform's app-of-apps: Applications in the Argo CD namespace, from the root repository",
        sourceRepos: [rootRepoURL],
        destinations: [{ server: IN_CLUSTER_SERVER, namespace: argocdNamespace }],
        clusterResourceWhitelist: [],
        namespaceResourceWhitelist: [{ group: "argoproj.io", kind: "Application" }],
        roles: [],
    };
}
