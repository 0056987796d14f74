// TEN002: no Ingress in a tenant namespace.
import { tenantRule } from "../tenantRule";

export const ingress = tenantRule("Ingress", [{ group: "networking.k8s.io", kind: "Ingress", resource: "ingresses" }], () => ({ expression: "false" }));
