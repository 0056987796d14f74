// From 1.35 the baseline control relaxes for user-namespaced pods; restricted does not.
import { nonDefaultProcMounts } from "./procMountCheck";
import { Control } from "./types";

export const procMountRestricted: Control = {
    id: "procMount_restricted",
    level: "restricted",
    sinceMinor: 35,
    overrides: ["procMount"],
    check: (pod) => nonDefaultProcMounts(pod),
};
