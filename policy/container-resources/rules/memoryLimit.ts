// `memoryLimit`: every container sets a memory limit: memory cannot be throttled, so a container
// without one can take a node's memory from every other pod on it.
import { containerRule, problems, sets } from "./containers";

export const memoryLimit = containerRule("memoryLimit", () => problems([{ bad: `!${sets("limits", "memory")}`, text: "'must set resources.limits.memory'" }]), true);
