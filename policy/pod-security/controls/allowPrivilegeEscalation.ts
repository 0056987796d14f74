import { describeContainer } from "../../lib/containers";
import { containerSecurityContext, isWindowsPod } from "./helpers";
import { Control } from "./types";

export const allowPrivilegeEscalation: Control = {
    id: "allowPrivilegeEscalation",
    level: "restricted",
    sinceMinor: 0,
    check({ spec, containers }) {
        if (isWindowsPod(spec)) return [];
        return containers
            .filter((c) => containerSecurityContext(c).allowPrivilegeEscalation !== false)
            .map((c) => ({
                subject: describeContainer(c),
                message: "must set securityContext.allowPrivilegeEscalation=false",
                unset: containerSecurityContext(c).allowPrivilegeEscalation == null,
            }));
    },
};
