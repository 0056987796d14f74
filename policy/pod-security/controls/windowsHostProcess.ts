import { describeContainer } from "../../lib/containers";
import { containerSecurityContext, podSecurityContext } from "./helpers";
import { Control, Finding } from "./types";

const MESSAGE = "sets securityContext.windowsOptions.hostProcess=true";

export const windowsHostProcess: Control = {
    id: "windowsHostProcess",
    level: "baseline",
    sinceMinor: 0,
    check({ spec, containers }) {
        const findings: Finding[] = [];
        if (podSecurityContext(spec).windowsOptions?.hostProcess === true) findings.push({ subject: "pod", message: MESSAGE });
        for (const c of containers) {
            if (containerSecurityContext(c).windowsOptions?.hostProcess === true) {
                findings.push({ subject: describeContainer(c), message: MESSAGE });
            }
        }
        return findings;
    },
};
