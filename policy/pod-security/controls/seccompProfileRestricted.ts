// Restricted seccomp: every container must end up with RuntimeDefault or Localhost, set on the
// container or inherited from the pod.
import { describeContainer } from "../../lib/containers";
import { containerSecurityContext, isWindowsPod, podSecurityContext } from "./helpers";
import { badSeccompType, seccompMessage } from "./seccompProfileBaseline";
import { Control, Finding } from "./types";

export const seccompProfileRestricted: Control = {
    id: "seccompProfile_restricted",
    level: "restricted",
    sinceMinor: 0,
    overrides: ["seccompProfile_baseline"],
    check({ spec, containers }) {
        if (isWindowsPod(spec)) return [];
        const findings: Finding[] = [];
        const podProfile = podSecurityContext(spec).seccompProfile;
        const podType = badSeccompType(podProfile);
        if (podType !== undefined) findings.push({ subject: "pod", message: seccompMessage(podType) });
        const podSetsValid = podProfile != null && podType === undefined;
        for (const c of containers) {
            const profile = containerSecurityContext(c).seccompProfile;
            if (profile != null) {
                const type = badSeccompType(profile);
                if (type !== undefined) findings.push({ subject: describeContainer(c), message: seccompMessage(type) });
            } else if (!podSetsValid) {
                findings.push({
                    subject: describeContainer(c),
                    message: "must set securityContext.seccompProfile.type to RuntimeDefault or Localhost (neither the container nor the pod does)",
                    unset: true,
                });
            }
        }
        return findings;
    },
};
