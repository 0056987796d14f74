import { MtlsMode, weakerThan } from "./modes";

export function peerAuthenticationProblems(props: Record<string, any>, minimum: MtlsMode, meshRoot = false): string[] {
    const problems: string[] = [];
    const mode = props.spec?.mtls?.mode;
    // At the mesh root, with no selector, UNSET (or no mtls) has no parent to inherit from: Istio treats it as PERMISSIVE.
    if (meshRoot && props.spec?.selector === undefined && (mode === undefined || mode === "UNSET") && weakerThan("PERMISSIVE", minimum)) {
        problems.push(`leaves mtls.mode ${mode ?? "unset"} at the mesh root, which Istio treats as PERMISSIVE, weaker than this stack's minimum ${minimum}`);
    }
    if (weakerThan(mode, minimum)) problems.push(`sets mtls.mode ${mode}, weaker than this stack's minimum ${minimum}`);
    for (const [port, setting] of Object.entries<Record<string, any>>(props.spec?.portLevelMtls ?? {})) {
        if (weakerThan(setting?.mode, minimum)) {
            problems.push(`sets portLevelMtls[${port}].mode ${setting.mode}, weaker than this stack's minimum ${minimum}`);
        }
    }
    return problems;
}
