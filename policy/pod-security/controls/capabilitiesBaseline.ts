import { describeContainer } from "../../lib/containers";
import { containerSecurityContext, quoteList } from "./helpers";
import { Control, Finding } from "./types";

/** The capabilities container runtimes grant by default; adding any other is forbidden. */
export const BASELINE_CAPABILITIES: ReadonlySet<string> = new Set([
    "AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD",
    "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
]);

export const capabilitiesBaseline: Control = {
    id: "capabilities_baseline",
    level: "baseline",
    sinceMinor: 0,
    check({ containers }) {
        const findings: Finding[] = [];
        for (const c of containers) {
            const added: unknown[] = containerSecurityContext(c).capabilities?.add ?? [];
            const forbidden = [...new Set(added.map(String).filter((cap) => !BASELINE_CAPABILITIES.has(cap)))].sort();
            if (forbidden.length > 0) {
                findings.push({
                    subject: describeContainer(c),
                    message: `adds ${quoteList(forbidden)} to securityContext.capabilities.add, outside the baseline allow-list`,
                });
            }
        }
        return findings;
    },
};
