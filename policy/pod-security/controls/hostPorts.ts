import { describeContainer } from "../../lib/containers";
import { Control, Finding } from "./types";

export const hostPorts: Control = {
    id: "hostPorts",
    level: "baseline",
    sinceMinor: 0,
    check({ containers }) {
        const findings: Finding[] = [];
        for (const c of containers) {
            const ports = (c.container.ports ?? [])
                .map((p: Record<string, any>) => p?.hostPort)
                .filter((hostPort: unknown) => hostPort !== undefined && hostPort !== null && Number(hostPort) !== 0);
            if (ports.length > 0) {
                findings.push({ subject: describeContainer(c), message: `uses hostPort ${ports.join(", ")}` });
            }
        }
        return findings;
    },
};
