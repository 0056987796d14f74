// Restricted capabilities: drop ALL, and add back nothing but NET_BIND_SERVICE.
import { describeContainer } from "../../lib/containers";
import { containerSecurityContext, isWindowsPod, quoteList } from "./helpers";
import { Control, Finding } from "./types";

export const capabilitiesRestricted: Control = {
    id: "capabilities_restricted",
    level: "restricted",
    sinceMinor: 0,
    overrides: ["capabilities_baseline"],
    check({ spec, containers }) {
        if (isWindowsPod(spec)) return [];
        const findings: Finding[] = [];
        for (const c of containers) {
            const capabilities = containerSecurityContext(c).capabilities;
            const dropped: string[] = (capabilities?.drop ?? []).map(String);
            if (!dropped.includes("ALL")) {
                findings.push({ subject: describeContainer(c), message: 'must set securityContext.capabilities.drop=["ALL"]', unset: capabilities?.drop == null });
            }
            const added: string[] = (capabilities?.add ?? []).map(String);
            const forbidden = [...new Set(added.filter((cap) => cap !== "NET_BIND_SERVICE"))].sort();
            if (forbidden.length > 0) {
                findings.push({
                    subject: describeContainer(c),
                    message: `adds ${quoteList(forbidden)} to securityContext.capabilities.add; only NET_BIND_SERVICE is allowed`,
                });
            }
        }
        return findings;
    },
};
