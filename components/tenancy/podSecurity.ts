import { PodSecurityLevel } from "../../infra/config/types";

/** Pod Security Admission labels: enforce, and audit/warn at the same level so nothing is silent. */
export function podSecurityLabels(level: PodSecurityLevel): Record<string, string> {
    const labels: Record<string, string> = {};
    for (const mode of ["enforce", "audit", "warn"]) {
        labels[`pod-security.kubernetes.io/${mode}`] = level;
        labels[`pod-security.kubernetes.io/${mode}-version`] = "latest";
    }
    return labels;
}

/** Sidecar injection by revision, so a control-plane upgrade can be canaried namespace by namespace. */
export function meshInjectionLabels(mesh: { enabled: boolean; revision: string }): Record<string, string> {
    return mesh.enabled ? { "istio.io/rev": mesh.revision } : {};
}
