// SELinux: only the container types may be chosen, and user and role may not be set.
import { describeContainer } from "../../lib/containers";
import { containerSecurityContext, podSecurityContext } from "./helpers";
import { Control, Finding } from "./types";

const ALLOWED_TYPES = ["", "container_t", "container_init_t", "container_kvm_t"];
/** container_engine_t is allowed from Kubernetes 1.31. */
const ALLOWED_TYPES_1_31 = [...ALLOWED_TYPES, "container_engine_t"];

function problems(options: Record<string, any> | undefined | null, allowed: readonly string[]): string[] {
    if (options == null) return [];
    const found: string[] = [];
    const type = String(options.type ?? "");
    if (!allowed.includes(type)) found.push(`type "${type}" is not allowed`);
    if (options.user) found.push("user may not be set");
    if (options.role) found.push("role may not be set");
    return found;
}

export const seLinuxOptions: Control = {
    id: "seLinuxOptions",
    level: "baseline",
    sinceMinor: 0,
    check({ spec, containers }, minor) {
        const allowed = minor >= 31 ? ALLOWED_TYPES_1_31 : ALLOWED_TYPES;
        const findings: Finding[] = [];
        const add = (subject: string, found: string[]) => {
            if (found.length > 0) findings.push({ subject, message: `sets forbidden securityContext.seLinuxOptions: ${found.join("; ")}` });
        };
        add("pod", problems(podSecurityContext(spec).seLinuxOptions, allowed));
        for (const c of containers) add(describeContainer(c), problems(containerSecurityContext(c).seLinuxOptions, allowed));
        return findings;
    },
};
