// TEN003: a tenant's VirtualService or DestinationRule is exported only to its own namespace ("."
// or its name) and the ingress gateways' namespaces.
import { celList } from "../../admission/rule";
import { tenantRule } from "../tenantRule";

export const routeExport = tenantRule("RouteExport", [
    { group: "networking.istio.io", kind: "VirtualService", resource: "virtualservices" },
    { group: "networking.istio.io", kind: "DestinationRule", resource: "destinationrules" },
], (settings) => ({
    variables: [{
        name: "beyond",
        // No list literal mixes a literal with a field: the API server's type checker refuses it.
        expression: "(has(object.spec.exportTo) ? object.spec.exportTo : []).filter(n, n != '.' && n != object.metadata.namespace && " +
            `!(n in ${celList(settings.gatewayNamespaces)}))`,
    }],
    expression: "size(variables.beyond) == 0",
    args: ["variables.beyond.join(', ')"],
}));
