// TEN004: a tenant's ServiceEntry says exportTo and names only its own namespace: without exportTo
// it follows the mesh's default for services, every namespace.
import { tenantRule } from "../tenantRule";

export const serviceEntryExport = tenantRule("ServiceEntryExport", [{ group: "networking.istio.io", kind: "ServiceEntry", resource: "serviceentries" }],
    () => ({
        variables: [
            { name: "exportTo", expression: "has(object.spec.exportTo) ? object.spec.exportTo : []" },
            { name: "beyond", expression: "variables.exportTo.filter(n, n != '.' && n != object.metadata.namespace)" },
        ],
        expression: "size(variables.exportTo) > 0 && size(variables.beyond) == 0",
        args: ["size(variables.exportTo) == 0 ? 'every namespace (no exportTo)' : variables.beyond.join(', ')"],
    }));
