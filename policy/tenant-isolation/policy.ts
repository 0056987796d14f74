// `tenant-isolation`: what a team puts in its own namespace stays there. In a tenant namespace
// (`platform.example.com/tenant: "true"`) no Gateway or Ingress, no routing exported to other
// namespaces (VirtualService, DestinationRule beyond the ingress gateway's; ServiceEntry beyond its
// own), no EnvoyFilter, no pods at a system priority, no monitor that names Prometheus's files,
// selects other namespaces or honours its targets' labels. Each rule is CEL (rules/), judged here
// at `pulumi up` and by the API server at admission from the same text (policy/admission).
import { StackValidationPolicy } from "@pulumi/policy";
import { judgeRules } from "../admission/judge";
import { readConfig, WithExemptions } from "../lib/config";
import { TENANT_ISOLATION } from "./admissionRules";
import { TenantSettings } from "./tenantRule";

export const tenantIsolation: StackValidationPolicy = {
    name: "tenant-isolation",
    description: "What a team declares in its namespace cannot publish, reroute, unmesh or scrape anything outside it.",
    enforcementLevel: "advisory",
    severity: "critical",
    configSchema: TENANT_ISOLATION.spec.schema,
    validateStack: (args, report) => {
        const config = readConfig<WithExemptions & TenantSettings>(args, TENANT_ISOLATION.spec);
        judgeRules(TENANT_ISOLATION.rules, config, config.exemptions, args.resources, report);
    },
};
