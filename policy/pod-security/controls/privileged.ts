import { describeContainer } from "../../lib/containers";
import { containerSecurityContext } from "./helpers";
import { Control } from "./types";

export const privileged: Control = {
    id: "privileged",
    level: "baseline",
    sinceMinor: 0,
    check({ containers }) {
        return containers
            .filter((c) => containerSecurityContext(c).privileged === true)
            .map((c) => ({ subject: describeContainer(c), message: "sets securityContext.privileged=true" }));
    },
};
