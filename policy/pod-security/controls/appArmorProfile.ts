// AppArmor: through the securityContext.appArmorProfile field (pod and containers) and through
// the deprecated per-container annotations. Only RuntimeDefault and Localhost profiles are allowed.
import { describeContainer } from "../../lib/containers";
import { containerSecurityContext, podSecurityContext } from "./helpers";
import { Control, Finding } from "./types";

const ANNOTATION_PREFIX = "container.apparmor.security.beta.kubernetes.io/";
const ALLOWED_TYPES: readonly string[] = ["RuntimeDefault", "Localhost"];

function annotationAllowed(value: string): boolean {
    return value === "" || value === "runtime/default" || value.startsWith("localhost/");
}

function badFieldType(profile: Record<string, any> | undefined | null): string | undefined {
    if (profile == null) return undefined;
    const type = String(profile.type ?? "");
    return ALLOWED_TYPES.includes(type) ? undefined : type;
}

export const appArmorProfile: Control = {
    id: "appArmorProfile",
    level: "baseline",
    sinceMinor: 0,
    check({ metadata, spec, containers }) {
        const findings: Finding[] = [];
        const message = (type: string) => `sets securityContext.appArmorProfile.type to "${type}"; only RuntimeDefault or Localhost are allowed`;
        const podType = badFieldType(podSecurityContext(spec).appArmorProfile);
        if (podType !== undefined) findings.push({ subject: "pod", message: message(podType) });
        for (const c of containers) {
            const type = badFieldType(containerSecurityContext(c).appArmorProfile);
            if (type !== undefined) findings.push({ subject: describeContainer(c), message: message(type) });
        }
        for (const [key, value] of Object.entries(metadata?.annotations ?? {})) {
            if (key.startsWith(ANNOTATION_PREFIX) && !annotationAllowed(String(value))) {
                findings.push({
                    subject: `annotation "${key}"`,
                    message: `sets AppArmor profile "${value}"; only runtime/default or localhost/* are allowed`,
                });
            }
        }
        return findings;
    },
};
