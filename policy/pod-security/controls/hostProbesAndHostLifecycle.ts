// Probes and lifecycle handlers may not aim at another host (a way to reach node-local services).
import { describeContainer } from "../../lib/containers";
import { Control, Finding } from "./types";

const PROBES = ["livenessProbe", "readinessProbe", "startupProbe"] as const;
const HANDLERS = ["postStart", "preStop"] as const;
const ACTIONS = ["httpGet", "tcpSocket"] as const;

function hostsOf(handler: Record<string, any> | undefined | null, path: string): string[] {
    if (handler == null) return [];
    const found: string[] = [];
    for (const action of ACTIONS) {
        const host = handler[action]?.host;
        if (typeof host === "string" && host !== "") found.push(`${path}.${action}.host="${host}"`);
    }
    return found;
}

export const hostProbesAndHostLifecycle: Control = {
    id: "hostProbesAndHostLifecycle",
    level: "baseline",
    sinceMinor: 34,
    check({ containers }) {
        const findings: Finding[] = [];
        for (const c of containers) {
            const found = [
                ...PROBES.flatMap((probe) => hostsOf(c.container[probe], probe)),
                ...HANDLERS.flatMap((h) => hostsOf(c.container.lifecycle?.[h], `lifecycle.${h}`)),
            ];
            if (found.length > 0) findings.push({ subject: describeContainer(c), message: `sets ${found.join(", ")}` });
        }
        return findings;
    },
};
