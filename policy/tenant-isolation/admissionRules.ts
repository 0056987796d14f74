// `tenant-isolation`'s rules and config: each a CEL admission rule (policy/admission/rule.ts), in
// the order of the message table.
import { AdmissionRuleSet } from "../admission/rule";
import { configSpec } from "../lib/config";
import { TENANT_LABEL_SETTING } from "../lib/tenants";
import { envoyFilter } from "./rules/envoyFilter";
import { gateway } from "./rules/gateway";
import { ingress } from "./rules/ingress";
import { monitorFiles } from "./rules/monitorFiles";
import { monitorHonorLabels } from "./rules/monitorHonorLabels";
import { monitorNamespaces } from "./rules/monitorNamespaces";
import { priorityClass } from "./rules/priorityClass";
import { routeExport } from "./rules/routeExport";
import { serviceEntryExport } from "./rules/serviceEntryExport";

const rules = [gateway, ingress, routeExport, serviceEntryExport, envoyFilter, monitorFiles, monitorNamespaces, monitorHonorLabels, priorityClass];

export const TENANT_ISOLATION: AdmissionRuleSet = {
    spec: configSpec("tenant-isolation", rules.map((r) => r.control), {
        tenantLabel: TENANT_LABEL_SETTING,
        gatewayNamespaces: {
            type: "array",
            items: { type: "string" },
            default: ["istio-ingress"],
            description: "Namespaces of the ingress gateways: a tenant's public routes and their DestinationRules may be exported there.",
        },
    }),
    rules,
};
