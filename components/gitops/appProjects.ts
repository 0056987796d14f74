// AppProjects: one per tenant team, confined to the team's repositories, namespace, allowed kinds
// and sync identity; one for the platform's root app, which may only create Applications in the
// Argo CD namespace; and the built-in `default`, emptied.
import type { IAppProjectSpec } from "@kubernetes-models/argo-cd/argoproj.io/v1alpha1/AppProjectSpec";
import { TeamSettings } from "../tenancy/settings";

/** The cluster Argo CD runs in, as Argo CD names it. */
export const IN_CLUSTER_SERVER = "https://kubernetes.default.svc";

export const PLATFORM_PROJECT = "platform";
/** Argo CD's built-in project, which the platform declares empty. */
export const DEFAULT_PROJECT = "default";
/** Argo CD's built-in project and ours: no team may take these names. */
export const RESERVED_PROJECT_NAMES = [DEFAULT_PROJECT, PLATFORM_PROJECT];

/** What a team's Applications may sync: the allow-list of kinds, and the identity the sync runs as. */
export interface TeamSync {
    kinds: readonly { group: string; kind: string }[];
    /** The ServiceAccount in the team's namespace Argo CD impersonates for the team's syncs. */
    serviceAccount: string;
}

/**
 * An allow-list, not a blacklist: a kind nobody thought of (a Gateway, an EnvoyFilter, the next
 * CRD) is refused until it is added on purpose. Syncs run as the team's own ServiceAccount, so even
 * a kind on the list reaches only what that account's Role grants in the team's namespace.
 */
export function teamProjectSpec(team: Pick<TeamSettings, "name" | "sourceRepos">, namespace: string, sync: TeamSync): IAppProjectSpec {
    return {
        description: `Applications of team ${team.name}: its repositories, its namespace only, synced as ${namespace}/${sync.serviceAccount}`,
        sourceRepos: [...team.sourceRepos],
        destinations: [{ server: IN_CLUSTER_SERVER, namespace }],
        destinationServiceAccounts: [{ server: IN_CLUSTER_SERVER, namespace, defaultServiceAccount: sync.serviceAccount }],
        clusterResourceWhitelist: [],
        namespaceResourceWhitelist: sync.kinds.map((k) => ({ group: k.group, kind: k.kind })),
        roles: [],
    };
}

/**
 * Argo CD's built-in project admits any repository, destination and kind. Declared by the
 * platform with nothing allowed, so an Application that names it (or names no project) syncs nothing.
 */
export function defaultProjectSpec(): IAppProjectSpec {
    return {
        description: "Argo CD's built-in project, emptied by the platform: every Application belongs to a team's project or the platform's",
        sourceRepos: [],
        destinations: [],
        clusterResourceWhitelist: [],
        namespaceResourceWhitelist: [],
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
