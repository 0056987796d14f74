// Control-plane revisions side by side: which revision each shared chart follows, and the version
// skew Istio supports between them. Used by the component and by config validation.
import type { MeshRevision } from "./settings";

/** The current control plane and one canary. */
export const MAX_REVISIONS = 2;

/** Istio upgrades one minor version at a time; the shared CNI agent works with istiod one minor away. */
export const MAX_MINOR_SKEW = 1;

/** "1.30.3" -> [1, 30, 3]. */
function parts(version: string): number[] {
    return version.split(".").map((p) => Number.parseInt(p, 10));
}

export function compareVersions(a: string, b: string): number {
    const [x, y] = [parts(a), parts(b)];
    for (let i = 0; i < Math.max(x.length, y.length); i++) {
        const d = (x[i] ?? 0) - (y[i] ?? 0);
        if (d !== 0) return d;
    }
    return 0;
}

/** Minor versions between two releases of the same major, e.g. 1.29.6 and 1.30.3 -> 1. */
export function minorSkew(a: string, b: string): number {
    const [x, y] = [parts(a), parts(b)];
    return x[0] !== y[0] ? Infinity : Math.abs(x[1] - y[1]);
}

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
    return revisions.map((r) => r.version).reduce((a, b) => (compareVersions(b, a) > 0 ? b : a));
}
