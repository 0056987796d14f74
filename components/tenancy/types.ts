import { PodSecurityLevel } from "./settings";

/** A namespace the platform's own add-ons run in. */
export interface PlatformNamespaceSpec {
    name: string;
    podSecurityLevel: PodSecurityLevel;
    /** Why a level below restricted is needed; required for baseline and privileged. */
    reason?: string;
    /** Whether workloads here get Istio sidecars. */
    meshInjection: boolean;
    /**
     * Whether its volume claims hold data the stack may protect (Elasticsearch, Prometheus).
     * Deleting a namespace deletes its claims, so where the stack protects stateful data this
     * namespace is protected and retained on delete too.
     */
    holdsStatefulData?: boolean;
}
