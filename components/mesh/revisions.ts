// Control-plane revisions side by side: which revision each shared chart follows, and the version
// skew Istio supports between them (its limits, MAX_REVISIONS and MAX_MINOR_SKEW, live with the
// rules that enforce them in ./settings). Used by the component and by config validation.
import type { MeshRevision } from "./settings";
import { newestVersion } from "@reference-platform/grammar";

/** The revision namespaces, the gateway and Istio objects use unless told otherwise. */
export function defaultRevisionOf(revisions: readonly MeshRevision[], name: string): MeshRevision {
    const found = revisions.find((r) => r.name === name);
    if (!found) throw new Error(`mesh: default revision "${name}" is not installed (${revisions.map((r) => r.name).join(", ")})`);
    return found;
}

/**
 * The version of the `base` chart (Istio's CRDs and cluster-wide resources): the newest installed.
 * Istio's canary upgrade upgrades base before installing the canary istiod, which may rely on new
 * CRD fields; CRDs stay compatible with the previous control plane.
 */
export function crdVersionOf(revisions: readonly MeshRevision[]): string {
    return newestVersion(revisions.map((r) => r.version));
}
