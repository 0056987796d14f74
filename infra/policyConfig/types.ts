// The shape of a `--policy-pack-config` file as this platform writes it: every policy of the pack
// by name, each with its enforcement level and its configSchema properties. The pack's configSchemas
// are the authority; test/policy/stack-config.test.ts validates every generated file against them.
import { PodSecurityLevel } from "../../components/tenancy/settings";

/**
 * One exemption as the platform writes it. The pack (policy/lib/exemptions.ts) reads it; infra/
 * cannot import the pack, so test/policy/exemption-shape.test.ts fails to compile when the two
 * shapes drift apart.
 */
export interface Exemption {
    chart?: string;
    namespace?: string;
    kind?: string;
    /** Exact name, or a pattern where `*` matches any run of characters. */
    name?: string;
    controls: string[];
    reason: string;
    /** YYYY-MM-DD: the exemption holds through the end of that day (UTC). */
    expires?: string;
}

export type EnforcementLevel = "advisory" | "mandatory" | "remediate" | "disabled";

interface WithExemptions {
    exemptions: Exemption[];
}

/** Each policy's properties, keyed by policy name in the pack's order. */
export interface PolicySettings {
    "pod-security-standards": WithExemptions & {
        level: Exclude<PodSecurityLevel, "privileged">;
        namespaceLevels: Record<string, PodSecurityLevel>;
        kubernetesVersion: string;
    };
    "container-resources": WithExemptions & { requireCpuLimit: boolean; maxCpu: string; maxMemory: string };
    "rbac-least-privilege": WithExemptions & { privilegedNamespaces: string[] };
    "image-provenance": WithExemptions & { allowedRegistries: string[]; requireDigest: boolean };
    "service-exposure": WithExemptions & { allowed: Array<{ namespace: string; type: string }> };
    "mesh-mtls": WithExemptions & { minimumMode: "PERMISSIVE" | "STRICT"; clusterDomain: string };
    "helm-chart-pinned": WithExemptions;
    "pod-disruption-budget": WithExemptions & { minReplicas: number };
    "tenant-namespace-guardrails": WithExemptions & { tenantLabel: string; defaultDenyName: string };
    "workload-service-account": WithExemptions;
    "custom-resource-chart-dependency": WithExemptions;
    "mesh-analysis": WithExemptions & { crossTeamAnnotation: string; externalSecrets: Array<{ namespace: string; name: string; reason: string }> };
    "mesh-analysis-warnings": WithExemptions & { crossTeamAnnotation: string; externalSecrets: Array<{ namespace: string; name: string; reason: string }> };
    "capacity": WithExemptions;
    "edge-rate-limit": WithExemptions;
    "edge-jwt-authorization": WithExemptions;
    "tenant-isolation": WithExemptions & { tenantLabel: string; gatewayNamespaces: string[] };
    "mesh-sidecar": WithExemptions;
    "secret-hygiene": WithExemptions & { tenantLabel: string; requireDeclaredSecretEnv: boolean; secretEnvAnnotation: string };
    "autoscaling-metrics-source": WithExemptions & { clusterServesMetricsApi: boolean };
}

export type PolicyName = keyof PolicySettings;

/** One stack's `--policy-pack-config` file. */
export type PolicyConfigFile = { [P in PolicyName]: { enforcementLevel: EnforcementLevel } & PolicySettings[P] };

/** What one stack sets differently from the base (infra/policyConfig/base.ts). */
export interface StackPolicyDifferences {
    /** The level of every policy not named in `levels`. */
    enforcementLevel: EnforcementLevel;
    levels?: Partial<Record<PolicyName, EnforcementLevel>>;
    /** Properties that replace the base's (a list replaces the base's list). */
    settings?: { [P in PolicyName]?: Partial<Omit<PolicySettings[P], "exemptions">> };
    /** Exemptions only this stack has, added after the base's. */
    exemptions?: Partial<Record<PolicyName, Exemption[]>>;
}
