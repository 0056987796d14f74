// Containers must be required to run as non-root: explicitly, or by inheriting the pod's setting.
import { describeContainer } from "../../lib/containers";
import { containerSecurityContext, podSecurityContext, usesUserNamespace } from "./helpers";
import { Control, Finding } from "./types";

export const runAsNonRoot: Control = {
    id: "runAsNonRoot",
    level: "restricted",
    sinceMinor: 0,
    check({ spec, containers }, minor) {
        if (minor >= 35 && usesUserNamespace(spec)) return [];
        const findings: Finding[] = [];
        const podValue = podSecurityContext(spec).runAsNonRoot;
        if (podValue === false) findings.push({ subject: "pod", message: "sets securityContext.runAsNonRoot=false" });
        for (const c of containers) {
            const value = containerSecurityContext(c).runAsNonRoot;
            if (value === false) {
                findings.push({ subject: describeContainer(c), message: "sets securityContext.runAsNonRoot=false" });
            } else if (value === undefined || value === null) {
                if (podValue !== true) {
                    findings.push({
                        subject: describeContainer(c),
                        message: "must set securityContext.runAsNonRoot=true (neither the container nor the pod does)",
                        unset: true,
                    });
                }
            }
        }
        return findings;
    },
};
