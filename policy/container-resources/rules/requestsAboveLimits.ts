// `requestsAboveLimits`: no container requests more CPU or memory than its limit (quantities
// compared by value, "1.5" and "1500m" alike, with Kubernetes' CEL quantity library).
import { containerRule, problems, sets, valueText } from "./containers";

export const requestsAboveLimits = containerRule("requestsAboveLimits", () => problems((["cpu", "memory"] as const).map((resource) => {
    const request = valueText("requests", resource);
    const limit = valueText("limits", resource);
    return {
        bad: `${sets("requests", resource)} && ${sets("limits", resource)} && isQuantity(${request}) && isQuantity(${limit}) && ` +
            `quantity(${request}).isGreaterThan(quantity(${limit}))`,
        text: `'requests ${resource} ' + ${request} + ' above its limit ' + ${limit}`,
    };
})));
