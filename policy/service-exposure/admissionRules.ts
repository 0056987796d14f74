// `service-exposure`'s rules and config: each a CEL admission rule (policy/admission/rule.ts), in
// the order the policy reports them.
import { AdmissionRuleSet } from "../admission/rule";
import { configSpec } from "../lib/config";
import { ALLOWED_TYPES } from "./allowance";
import { exposedType } from "./rules/exposedType";
import { externalIPs } from "./rules/externalIPs";
import { externalName } from "./rules/externalName";
import { gateway } from "./rules/gateway";
import { ingressTls } from "./rules/ingressTls";

const rules = [exposedType, externalIPs, externalName, ingressTls, gateway];

export const SERVICE_EXPOSURE: AdmissionRuleSet = {
    spec: configSpec("service-exposure", rules.map((r) => r.control), {
        allowed: {
            type: "array",
            default: [],
            description: "Where a Service may be exposed outside the cluster (NodePort, LoadBalancer), or a Gateway API Gateway " +
                "declared (type Gateway): namespace, optional name, and type.",
            items: {
                type: "object",
                additionalProperties: false,
                required: ["namespace", "type"],
                properties: {
                    namespace: { type: "string", minLength: 1 },
                    name: { type: "string", minLength: 1 },
                    type: { type: "string", enum: [...ALLOWED_TYPES] },
                },
            },
        },
        externalNameNamespaces: {
            type: "array",
            items: { type: "string", minLength: 1 },
            uniqueItems: true,
            default: [],
            description: "Namespaces (platform ones, never a tenant's) where ExternalName Services are allowed.",
        },
    }),
    rules,
};
