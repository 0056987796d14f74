// Shared by the baseline and restricted procMount controls: only the Default /proc mount.
import { describeContainer } from "../../lib/containers";
import { containerSecurityContext } from "./helpers";
import { Finding, PodView } from "./types";

export function nonDefaultProcMounts({ containers }: PodView): Finding[] {
    const findings: Finding[] = [];
    for (const c of containers) {
        const procMount = containerSecurityContext(c).procMount;
        if (procMount !== undefined && procMount !== null && procMount !== "Default") {
            findings.push({ subject: describeContainer(c), message: `sets securityContext.procMount to "${procMount}"` });
        }
    }
    return findings;
}
