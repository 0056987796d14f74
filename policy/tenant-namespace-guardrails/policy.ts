// `tenant-namespace-guardrails`: every tenant namespace has a ResourceQuota, a LimitRange and a
// default-deny NetworkPolicy (empty podSelector, Ingress and Egress, no allow rules).
import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { configSpec, readConfig, WithExemptions } from "../lib/config";
import { isEmptySelector } from "../lib/labelSelector";
import { reporterFor } from "../lib/report";
import { byNamespace, ofKind, refOf } from "../lib/stackResources";

interface TenantGuardrailsConfig extends WithExemptions {
    tenantLabel: string;
    defaultDenyName: string;
}

const spec = configSpec("tenant-namespace-guardrails", ["resourceQuota", "limitRange", "defaultDeny", "allowAllNetworkPolicy"], {
    tenantLabel: {
        type: "string",
        default: "platform.example.com/tenant",
        description: "Label whose value \"true\" marks a tenant namespace.",
    },
    defaultDenyName: {
        type: "string",
        default: "default-deny",
        description: "Name of the NetworkPolicy that denies all ingress and egress in a tenant namespace.",
    },
});

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
        for (const namespace of ofKind(args.resources, [""], "Namespace")) {
            if (namespace.props.metadata?.labels?.[config.tenantLabel] !== "true") continue;
            const ref = refOf(namespace);
            const reportNamespace = reporterFor(report, { ...ref, namespace: ref.name }, config.exemptions, namespace.urn);
            if (!quotas.has(ref.name)) reportNamespace("resourceQuota", "is a tenant namespace without a ResourceQuota");
            if (!limitRanges.has(ref.name)) reportNamespace("limitRange", "is a tenant namespace without a LimitRange");
            if (!(networkPolicies.get(ref.name) ?? []).some((p) => isDefaultDeny(p, config.defaultDenyName))) {
                reportNamespace("defaultDeny", `is a tenant namespace without a NetworkPolicy "${config.defaultDenyName}" ` +
                    "(empty podSelector, policyTypes Ingress and Egress, no allow rules)");
            }
        }
    },
};
