import { usesUserNamespace } from "./helpers";
import { nonDefaultProcMounts } from "./procMountCheck";
import { Control } from "./types";

export const procMount: Control = {
    id: "procMount",
    level: "baseline",
    sinceMinor: 0,
    check(pod, minor) {
        if (minor >= 35 && usesUserNamespace(pod.spec)) return [];
        return nonDefaultProcMounts(pod);
    },
};
