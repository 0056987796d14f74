// What every analyzer gets: the indexed stack, the policy's config, the mesh's host registry and
// a reporter that prefixes the upstream code and names the object the finding is about.
import { ClusterIndex, IndexedObject } from "../lib/clusterIndex";
import { Exemption } from "../lib/exemptions";
import { HostRegistry } from "./hosts";
import { MessageType } from "./messages";

export interface ExternalSecret {
    namespace: string;
    name: string;
    reason: string;
}

export interface MeshAnalysisConfig {
    clusterDomain: string;
    trustDomain: string;
    meshRootNamespace: string;
    /**
     * The annotation that records cross-team calls and accepted callers (JSON): on a team's Namespace
     * (the platform's config), on a service's NetworkPolicy (a team's program).
     */
    crossTeamAnnotation: string;
    externalSecrets: ExternalSecret[];
    exemptions: Exemption[];
}

export interface MeshContext {
    index: ClusterIndex;
    hosts: HostRegistry;
    config: MeshAnalysisConfig;
    report(type: MessageType, object: IndexedObject, text: string): void;
}

export type Analyzer = (ctx: MeshContext) => void;

/** `k1=v1,k2=v2`, sorted, as selectors are shown in messages. */
export function formatLabels(labels: Record<string, string> | undefined): string {
    return Object.entries(labels ?? {}).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}=${v}`).join(",");
}

/** `Kind ns/name` of an indexed object. */
export function nameOf(object: IndexedObject): string {
    return `${object.ref.kind} ${object.ref.namespace}/${object.ref.name}`;
}
