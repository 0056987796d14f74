// A DestinationRule weakens mTLS when, for a mesh host, any of its traffic policies (top level,
// per port, per subset and the subsets' ports) sets client TLS to DISABLE or SIMPLE.
import { isMeshHost, WEAKENING_TLS_MODES } from "./modes";

function weakeningSettings(trafficPolicy: Record<string, any> | undefined, path: string): string[] {
    if (!trafficPolicy) return [];
    const found: string[] = [];
    const mode = trafficPolicy.tls?.mode;
    if (WEAKENING_TLS_MODES.includes(mode)) found.push(`${path}.tls.mode ${mode}`);
    for (const setting of trafficPolicy.portLevelSettings ?? []) {
        const portMode = setting?.tls?.mode;
        if (WEAKENING_TLS_MODES.includes(portMode)) found.push(`${path}.portLevelSettings[port ${setting.port?.number}].tls.mode ${portMode}`);
    }
    return found;
}

export function destinationRuleProblems(props: Record<string, any>, clusterDomain: string): string[] {
    const host = String(props.spec?.host ?? "");
    if (!isMeshHost(host, clusterDomain)) return [];
    const settings = [
        ...weakeningSettings(props.spec?.trafficPolicy, "trafficPolicy"),
        ...(props.spec?.subsets ?? []).flatMap((subset: Record<string, any>) =>
            weakeningSettings(subset?.trafficPolicy, `subsets[${subset?.name}].trafficPolicy`)),
    ];
    return settings.map((s) => `sets ${s} for mesh host "${host}", replacing mutual TLS (use ISTIO_MUTUAL)`);
}
