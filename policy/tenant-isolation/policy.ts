// `tenant-isolation`: what a team puts in its own namespace stays there. In a tenant namespace
// (`platform.example.com/tenant: "true"`) no Gateway or Ingress, no routing exported to other
// namespaces (VirtualService, DestinationRule beyond the ingress gateway's; ServiceEntry beyond its
// own), no EnvoyFilter, no pods opted out of the mesh or at a system priority, no monitor that
// names Prometheus's files, selects other namespaces or honours its targets' labels. The same
// rules the AppProject's allow-list and Prometheus's settings hold in the cluster, at `pulumi up`.
import { StackValidationPolicy } from "@pulumi/policy";
import { configSpec, readConfig, WithExemptions } from "../lib/config";
import { kubeType } from "../lib/kubeType";
import { reporterFor } from "../lib/report";
import { refOf } from "../lib/stackResources";
import { TENANT_LABEL_SETTING, tenantNamespaceNames } from "../lib/tenants";
import { CHECKS } from "./checks";
import { CONTROLS, formatMessage, MESSAGES } from "./messages";

interface TenantIsolationConfig extends WithExemptions {
    tenantLabel: string;
    gatewayNamespaces: string[];
}

const spec = configSpec("tenant-isolation", CONTROLS, {
    tenantLabel: TENANT_LABEL_SETTING,
    gatewayNamespaces: {
        type: "array",
        items: { type: "string" },
        default: ["istio-ingress"],
        description: "Namespaces of the ingress gateways: a tenant's public routes and their DestinationRules may be exported there.",
    },
});

export const tenantIsolation: StackValidationPolicy = {
    name: "tenant-isolation",
    description: "What a team declares in its namespace cannot publish, reroute, unmesh or scrape anything outside it.",
    enforcementLevel: "advisory",
    severity: "critical",
    configSchema: spec.schema,
    validateStack: (args, report) => {
        const config = readConfig<TenantIsolationConfig>(args, spec);
        const tenants = tenantNamespaceNames(args.resources, config.tenantLabel);
        if (tenants.size === 0) return;
        for (const resource of args.resources) {
            const t = kubeType(resource.type);
            const check = t && CHECKS[`${t.group}/${t.kind}`];
            if (!check) continue;
            const ref = refOf(resource);
            if (ref.namespace === undefined || !tenants.has(ref.namespace)) continue;
            const findings = check(resource.props, { namespace: ref.namespace, gatewayNamespaces: config.gatewayNamespaces }, resource.type);
            const reportObject = reporterFor(report, ref, config.exemptions, resource.urn);
            for (const f of findings) reportObject(MESSAGES[f.message].control, formatMessage(f.message, ...(f.args ?? [])));
        }
    },
};
