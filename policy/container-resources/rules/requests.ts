// `requests`: every container sets CPU and memory requests, which the scheduler places it by and
// the namespace's quota counts.
import { containerRule, problems, sets } from "./containers";

export const requests = containerRule("requests", () => problems((["cpu", "memory"] as const).map((resource) => ({
    bad: `!${sets("requests", resource)}`, text: `'must set resources.requests.${resource}'`,
}))), true);
