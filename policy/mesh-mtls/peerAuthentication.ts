import { MtlsMode, weakerThan } from "./modes";

export function peerAuthenticationProblems(props: Record<string, any>, minimum: MtlsMode): string[] {
    const problems: string[] = [];
    const mode = props.spec?.mtls?.mode;
    if (weakerThan(mode, minimum)) problems.push(`sets mtls.mode ${mode}, weaker than this stack's minimum ${minimum}`);
    for (const [port, setting] of Object.entries<Record<string, any>>(props.spec?.portLevelMtls ?? {})) {
        if (weakerThan(setting?.mode, minimum)) {
            problems.push(`sets portLevelMtls[${port}].mode ${setting.mode}, weaker than this stack's minimum ${minimum}`);
        }
    }
    return problems;
}
