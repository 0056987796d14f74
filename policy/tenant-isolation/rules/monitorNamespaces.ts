// TEN008: a tenant monitor selects targets in its own namespace only.
import { tenantRule } from "../tenantRule";
import { MONITOR_TARGETS } from "./monitorEndpoints";

export const monitorNamespaces = tenantRule("MonitorNamespaces", MONITOR_TARGETS, () => ({
    variables: [
        { name: "selector", expression: "has(object.spec.namespaceSelector) ? object.spec.namespaceSelector : {}" },
        { name: "any", expression: "has(variables.selector.any) && variables.selector.any == true" },
        { name: "others", expression: "(has(variables.selector.matchNames) ? variables.selector.matchNames : []).filter(n, n != object.metadata.namespace)" },
    ],
    expression: "!variables.any && size(variables.others) == 0",
    args: ["variables.any ? 'every namespace (any: true)' : variables.others.join(', ')"],
}));
