// `tenant-namespace-guardrails`: every tenant namespace has a ResourceQuota, a LimitRange and a
// default-deny NetworkPolicy (empty podSelector, Ingress and Egress, no allow rules), and no
// NetworkPolicy there allows all traffic in a direction, which would cancel that default-deny.
import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { configSpec, readConfig, WithExemptions } from "../lib/config";
import { isEmptySelector } from "../lib/labelSelector";
import { reporterFor } from "../lib/report";
import { byNamespace, ofKind, refOf } from "../lib/stackResources";
import { TENANT_LABEL_SETTING, tenantNamespaces } from "../lib/tenants";

interface TenantGuardrailsConfig extends WithExemptions {
    tenantLabel: string;
    defaultDenyName: string;
}

const spec = configSpec("tenant-namespace-guardrails", ["resourceQuota", "limitRange", "defaultDeny", "allowAllNetworkPolicy"], {
    tenantLabel: TENANT_LABEL_SETTING,
    defaultDenyName: {
        type: "string",
        default: "default-deny",
        description: "Name of the NetworkPolicy that denies all ingress and egress in a tenant namespace.",
    },
});

const OPEN_CIDRS = ["0.0.0.0/0", "::/0"];

/** A peer that matches everything: any namespace's pods (an empty namespaceSelector alone), or any address. */
const isOpenPeer = (peer: Record<string, any>): boolean =>
    (isEmptySelector(peer?.namespaceSelector) && (peer.podSelector === undefined || isEmptySelector(peer.podSelector))) ||
    (OPEN_CIDRS.includes(peer?.ipBlock?.cidr) && (peer.ipBlock.except ?? []).length === 0);

/** The directions in which a NetworkPolicy rule allows all traffic on every port, which cancels default-deny. */
function allowAllDirections(policy: PolicyResource): string[] {
    const spec = policy.props.spec ?? {};
    const directions: string[] = [];
    for (const [field, peers] of [["ingress", "from"], ["egress", "to"]] as const) {
        const rules: Array<Record<string, any>> = spec[field] ?? [];
        const open = rules.some((rule) => (rule?.ports ?? []).length === 0 &&
            ((rule?.[peers] ?? []).length === 0 || (rule[peers] as Array<Record<string, any>>).some(isOpenPeer)));
        if (open) directions.push(field);
    }
    return directions;
}

function isDefaultDeny(policy: PolicyResource, name: string): boolean {
    const spec = policy.props.spec ?? {};
    const types: string[] = spec.policyTypes ?? [];
    return refOf(policy).name === name && isEmptySelector(spec.podSelector) &&
        types.includes("Ingress") && types.includes("Egress") &&
        (spec.ingress ?? []).length === 0 && (spec.egress ?? []).length === 0;
}

export const tenantNamespaceGuardrails: StackValidationPolicy = {
    name: "tenant-namespace-guardrails",
    description: "Every tenant namespace has a ResourceQuota, a LimitRange and a default-deny NetworkPolicy.",
    enforcementLevel: "advisory",
    severity: "high",
    configSchema: spec.schema,
    validateStack: (args, report) => {
        const config = readConfig<TenantGuardrailsConfig>(args, spec);
        const quotas = byNamespace(ofKind(args.resources, [""], "ResourceQuota"));
        const limitRanges = byNamespace(ofKind(args.resources, [""], "LimitRange"));
        const networkPolicies = byNamespace(ofKind(args.resources, ["networking.k8s.io"], "NetworkPolicy"));
        for (const namespace of tenantNamespaces(args.resources, config.tenantLabel)) {
            const ref = refOf(namespace);
            const reportNamespace = reporterFor(report, { ...ref, namespace: ref.name }, config.exemptions, namespace.urn);
            if (!quotas.has(ref.name)) reportNamespace("resourceQuota", "is a tenant namespace without a ResourceQuota");
            if (!limitRanges.has(ref.name)) reportNamespace("limitRange", "is a tenant namespace without a LimitRange");
            for (const policy of networkPolicies.get(ref.name) ?? []) {
                const open = allowAllDirections(policy);
                if (open.length > 0) {
                    reporterFor(report, refOf(policy), config.exemptions, policy.urn)("allowAllNetworkPolicy",
                        `allows all ${open.join(" and ")} traffic (a rule with no peers or an open peer, on every port), which cancels ` +
                        `the tenant namespace's default-deny`);
                }
            }
            if (!(networkPolicies.get(ref.name) ?? []).some((p) => isDefaultDeny(p, config.defaultDenyName))) {
                reportNamespace("defaultDeny", `is a tenant namespace without a NetworkPolicy "${config.defaultDenyName}" ` +
                    "(empty podSelector, policyTypes Ingress and Egress, no allow rules)");
            }
        }
    },
};
