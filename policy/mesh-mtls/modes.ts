// Istio mTLS strength, and which DestinationRule hosts are inside the mesh, as the CEL of
// `mesh-mtls`' rules reads them. The stack's settings (minimum mode, cluster domain, mesh root)
// are carried into the CEL as literals.
import { celString } from "../admission/rule";

export const MTLS_MODES = ["DISABLE", "PERMISSIVE", "STRICT"] as const;
export type MtlsMode = (typeof MTLS_MODES)[number];

export interface MeshMtlsSettings {
    minimumMode: MtlsMode;
    rootNamespace: string;
    clusterDomain: string;
}

/** The modes weaker than `minimum`; UNSET (or absent) inherits and is never weaker itself. */
export const weakerModes = (minimum: MtlsMode): MtlsMode[] => MTLS_MODES.slice(0, MTLS_MODES.indexOf(minimum));

/** Client TLS settings that replace the mesh's mutual TLS to a mesh service. */
export const WEAKENING_TLS_MODES = ["DISABLE", "SIMPLE"] as const;

/** The message's ending for a mode weaker than the stack's: the minimum as a literal. */
export const weakerThanMinimum = (minimum: MtlsMode): string => celString(`, weaker than this stack's minimum ${minimum}`);

/**
 * CEL true when `host` (a CEL string) is in the mesh: a short name (resolved in the rule's
 * namespace), a cluster service name, or a wildcard that covers cluster services.
 */
export function meshHostCel(host: string, clusterDomain: string): string {
    const serviceName = (name: string) => `(${name}.endsWith('.svc') || ${name}.endsWith(${celString(`.svc.${clusterDomain}`)}))`;
    const suffix = `${host}.substring(2)`;
    return `(${host} == '*' || !${host}.contains('.') || (!${host}.startsWith('*.') ? ${serviceName(host)} : ` +
        `(${serviceName(`('name.' + ${suffix})`)} || ${celString(`namespace.svc.${clusterDomain}`)}.endsWith('.' + ${suffix}))))`;
}
