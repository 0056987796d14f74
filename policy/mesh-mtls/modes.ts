// Istio mTLS strength, and which DestinationRule hosts are inside the mesh.

export const MTLS_MODES = ["DISABLE", "PERMISSIVE", "STRICT"] as const;
export type MtlsMode = (typeof MTLS_MODES)[number];

/** True when `mode` is weaker than `minimum`; UNSET (or absent) inherits and is never weaker itself. */
export function weakerThan(mode: unknown, minimum: MtlsMode): boolean {
    const rank = MTLS_MODES.indexOf(mode as MtlsMode);
    return rank >= 0 && rank < MTLS_MODES.indexOf(minimum);
}

/** Client TLS settings that replace the mesh's mutual TLS to a mesh service. */
export const WEAKENING_TLS_MODES = ["DISABLE", "SIMPLE"];

/**
 * A host is in the mesh when it is a short name (resolved in the rule's namespace), a cluster
 * service name, or a wildcard that covers cluster services.
 */
export function isMeshHost(host: string, clusterDomain: string): boolean {
    if (host === "*" || !host.includes(".")) return true;
    const isServiceName = (name: string) => name.endsWith(".svc") || name.endsWith(`.svc.${clusterDomain}`);
    if (!host.startsWith("*.")) return isServiceName(host);
    const suffix = host.slice(2);
    return isServiceName(`name.${suffix}`) || `namespace.svc.${clusterDomain}`.endsWith(`.${suffix}`);
}
