import { PodSecurityLevel } from "./settings";

/** A namespace the platform's own add-ons run in. */
export interface PlatformNamespaceSpec {
    name: string;
    podSecurityLevel: PodSecurityLevel;
    /** Why a level below restricted is needed; required for baseline and privileged. */
    reason?: string;
    /** Whether workloads here get Istio sidecars. */
    meshInjection: boolean;
}
