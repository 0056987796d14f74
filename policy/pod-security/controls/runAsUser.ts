import { describeContainer } from "../../lib/containers";
import { containerSecurityContext, podSecurityContext, usesUserNamespace } from "./helpers";
import { Control, Finding } from "./types";

const MESSAGE = "sets securityContext.runAsUser=0";

export const runAsUser: Control = {
    id: "runAsUser",
    level: "restricted",
    sinceMinor: 0,
    check({ spec, containers }, minor) {
        if (minor >= 35 && usesUserNamespace(spec)) return [];
        const findings: Finding[] = [];
        if (Number(podSecurityContext(spec).runAsUser ?? -1) === 0) findings.push({ subject: "pod", message: MESSAGE });
        for (const c of containers) {
            if (Number(containerSecurityContext(c).runAsUser ?? -1) === 0) findings.push({ subject: describeContainer(c), message: MESSAGE });
        }
        return findings;
    },
};
