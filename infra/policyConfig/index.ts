// stacks/<stack>/policy-config.json, generated: the base settings, the stack's differences and the
// facts the stack's profile owns. `npm run policy-config` writes the files; the CLI reads them.
import * as path from "path";
import { PROFILES } from "../../stacks/profiles";
import { PROFILE_NAMES, ProfileName } from "../config/types";
import { NAMESPACES, platformNamespaceSpecs } from "../namespaces";
import { basePolicySettings, egressGatewayExemptions, progressiveDeliveryExemptions, requestScalingExemptions } from "./base";
import { STACK_POLICY_DIFFERENCES } from "./stacks";
import { Exemption, PolicyConfigFile, PolicyName, PolicySettings } from "./types";

export * from "./types";

/** The stacks that have a policy config: one per profile. */
export const POLICY_CONFIG_STACKS: readonly ProfileName[] = PROFILE_NAMES;

/** The file's path relative to the repository root, as `--policy-pack-config` takes it. */
export const policyConfigPath = (stack: ProfileName): string => path.posix.join("stacks", stack, "policy-config.json");

/** Facts the stack's profile owns. */
function fromProfile(stack: ProfileName): Partial<{ [P in PolicyName]: Partial<PolicySettings[P]> }> {
    const gatewaySecret = {
        externalSecrets: [{
            namespace: NAMESPACES.ingressGateway,
            name: PROFILES[stack].mesh.gatewayTlsSecretName,
            reason: "The shop's TLS certificate is loaded by the operator (kubectl create secret tls), never by the program: " +
                "see README, Service mesh",
        }],
    };
    // The namespaces the profile's add-ons create (the dev store's only with the Kubernetes provider store).
    const namespaceLevels = Object.fromEntries(platformNamespaceSpecs(PROFILES[stack]).map((ns) => [ns.name, ns.podSecurityLevel]));
    return {
        "mesh-analysis": gatewaySecret,
        "mesh-analysis-warnings": structuredClone(gatewaySecret),
        "pod-security-standards": { namespaceLevels },
        "autoscaling-metrics-source": { clusterServesMetricsApi: PROFILES[stack].resourceMetrics.source === "cluster" },
    };
}

/** Exemptions for what the stack's profile turns on. */
function profileExemptions(stack: ProfileName): Partial<Record<PolicyName, readonly Exemption[]>> {
    const profile = PROFILES[stack];
    const turnedOn: Partial<Record<PolicyName, readonly Exemption[]>>[] = [
        profile.mesh.egressGateway.enabled ? egressGatewayExemptions : {},
        profile.requestScaling.enabled ? requestScalingExemptions : {},
        profile.progressiveDelivery.enabled ? progressiveDeliveryExemptions : {},
    ];
    const merged: Partial<Record<PolicyName, Exemption[]>> = {};
    for (const set of turnedOn) {
        for (const [policy, exemptions] of Object.entries(set) as [PolicyName, readonly Exemption[]][]) {
            merged[policy] = [...(merged[policy] ?? []), ...exemptions];
        }
    }
    return merged;
}

/** One stack's policy config: every policy of the base, in the base's order, enforcement level first. */
export function stackPolicyConfig(stack: ProfileName): PolicyConfigFile {
    const differences = STACK_POLICY_DIFFERENCES[stack];
    const profileFacts = fromProfile(stack);
    const onByProfile = profileExemptions(stack);
    const file: Record<string, unknown> = {};
    for (const policy of Object.keys(basePolicySettings) as PolicyName[]) {
        const base = basePolicySettings[policy];
        file[policy] = {
            enforcementLevel: differences.levels?.[policy] ?? differences.enforcementLevel,
            ...structuredClone(base),
            ...profileFacts[policy],
            ...differences.settings?.[policy],
            exemptions: [...base.exemptions, ...(onByProfile[policy] ?? []), ...(differences.exemptions?.[policy] ?? [])].map((e) => structuredClone(e)),
        };
    }
    return file as PolicyConfigFile;
}

/** The file's text: two-space JSON and a final newline. */
export function renderStackPolicyConfig(stack: ProfileName): string {
    return `${JSON.stringify(stackPolicyConfig(stack), null, 2)}\n`;
}
