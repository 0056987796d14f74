// `maximum`: no container requests or is limited to more CPU or memory than the stack's
// per-container maximum (`maxCpu`, `maxMemory`): a bigger one fits no node of the profile.
import { celString } from "../../admission/rule";
import { containerRule, problems, Resource, sets, valueText } from "./containers";

export const maximum = containerRule("maximum", (config) => {
    const maxima: Array<[Resource, string | undefined]> = [["cpu", config.maxCpu], ["memory", config.maxMemory]];
    const checks = maxima.filter((m): m is [Resource, string] => m[1] !== undefined).flatMap(([resource, max]) =>
        ([["requests", "request"], ["limits", "limit"]] as const).map(([field, word]) => {
            const value = valueText(field, resource);
            return {
                bad: `${sets(field, resource)} && isQuantity(${value}) && quantity(${value}).isGreaterThan(quantity(${celString(max)}))`,
                text: `'${resource} ${word} ' + ${value} + ' exceeds the per-container maximum ' + ${celString(max)}`,
            };
        }));
    return checks.length > 0 ? problems(checks) : undefined;
});
