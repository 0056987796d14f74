import { PodSecurityLevel } from "./settings";

/**
 * The Kubernetes release whose Pod Security Standards admission enforces, pinned so a cluster
 * upgrade does not change the rules silently. The policy pack judges the same release: its
 * `kubernetesVersion` default (policy/pod-security/version.ts) and every stack's policy config must
 * equal it (test/policy/stack-config.test.ts), and the pack flags namespaces labelled otherwise.
 */
export const POD_SECURITY_KUBERNETES_RELEASE = "1.36";

/** Pod Security Admission labels: enforce, and audit/warn at the same level so nothing is silent. */
export function podSecurityLabels(level: PodSecurityLevel): Record<string, string> {
    const labels: Record<string, string> = {};
    for (const mode of ["enforce", "audit", "warn"]) {
        labels[`pod-security.kubernetes.io/${mode}`] = level;
        labels[`pod-security.kubernetes.io/${mode}-version`] = `v${POD_SECURITY_KUBERNETES_RELEASE}`;
    }
    return labels;
}

/** Sidecar injection by revision, so a control-plane upgrade can be canaried namespace by namespace. */
export function meshInjectionLabels(mesh: { enabled: boolean; revision: string }): Record<string, string> {
    return mesh.enabled ? { "istio.io/rev": mesh.revision } : {};
}
