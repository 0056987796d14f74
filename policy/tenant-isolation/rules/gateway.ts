// TEN001: no Gateway (Istio's or the Gateway API's) in a tenant namespace.
import { tenantRule } from "../tenantRule";

export const gateway = tenantRule("Gateway", [
    { group: "networking.istio.io", kind: "Gateway", resource: "gateways" },
    { group: "gateway.networking.k8s.io", kind: "Gateway", resource: "gateways" },
], () => ({ expression: "false" }));
