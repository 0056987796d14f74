// Baseline seccomp: an explicitly Unconfined (or empty) profile is forbidden; unset is fine.
import { describeContainer } from "../../lib/containers";
import { containerSecurityContext, podSecurityContext, SECCOMP_ALLOWED_TYPES } from "./helpers";
import { Control, Finding } from "./types";

export function badSeccompType(profile: Record<string, any> | undefined | null): string | undefined {
    if (profile == null) return undefined;
    const type = String(profile.type ?? "");
    return SECCOMP_ALLOWED_TYPES.includes(type) ? undefined : type;
}

export const seccompMessage = (type: string) =>
    `sets securityContext.seccompProfile.type to "${type}"; only RuntimeDefault or Localhost are allowed`;

export const seccompProfileBaseline: Control = {
    id: "seccompProfile_baseline",
    level: "baseline",
    sinceMinor: 0,
    check({ spec, containers }) {
        const findings: Finding[] = [];
        const podType = badSeccompType(podSecurityContext(spec).seccompProfile);
        if (podType !== undefined) findings.push({ subject: "pod", message: seccompMessage(podType) });
        for (const c of containers) {
            const type = badSeccompType(containerSecurityContext(c).seccompProfile);
            if (type !== undefined) findings.push({ subject: describeContainer(c), message: seccompMessage(type) });
        }
        return findings;
    },
};
