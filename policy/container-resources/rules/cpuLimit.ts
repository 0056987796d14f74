// `cpuLimit`: every container sets a CPU limit, where the stack requires one (`requireCpuLimit`);
// elsewhere CPU is left to requests and throttling, and no admission policy is made for it.
import { containerRule, problems, sets } from "./containers";

export const cpuLimit = containerRule("cpuLimit", (config) => (config.requireCpuLimit
    ? problems([{ bad: `!${sets("limits", "cpu")}`, text: "'must set resources.limits.cpu'" }])
    : undefined), true);
