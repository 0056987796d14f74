// The policy config is strict on both paths: the configSchema each policy declares (all that
// `pulumi preview --policy-pack-config` checks) and the pack's own check in code, which also
// rejects keys no schema lists, so a typo never widens an exemption or drops a setting.
import * as assert from "assert";
import { ResourceValidationPolicy } from "@pulumi/policy";
import { containerResources, podSecurityStandards, policies } from "../../policy/policies";
import { resolveConfig } from "./harness";
import { validatePolicyConfig } from "../../policy/lib/validateConfig";
import { schemaErrors } from "../../scripts/policy-run/config";
import { restrictedPod, workload } from "./fixtures/pods";

const EXEMPTION = { namespace: "node-exporter", kind: "DaemonSet", name: "node-exporter", controls: ["hostNamespaces"], reason: "node metrics", expires: "2027-05-31" };

/** What the CLI checks: the policy's declared schema, nothing else. */
function cliErrors(policy: ResourceValidationPolicy, properties: Record<string, unknown>): string[] {
    return schemaErrors({ type: "object", properties: policy.configSchema!.properties }, properties, policy.name);
}

/** What the pack itself does with a config the CLI let through (or never checked). */
function packRun(policy: ResourceValidationPolicy, config: Record<string, unknown>): () => void {
    const object = workload("DaemonSet", restrictedPod(), "node-exporter", "node-exporter");
    const args = {
        type: object.type, name: object.name, urn: object.urn, props: object.props, opts: { parent: undefined } as any,
        getConfig: () => structuredClone(config), notApplicable: () => { throw new Error("not applicable"); },
    } as any;
    return () => (policy.validateResource as any)(args, () => undefined);
}

const badExemptions: Array<[string, Record<string, unknown>, RegExp]> = [
    ["a mistyped selector (namesapce)", { ...EXEMPTION, namespace: undefined, namesapce: "node-exporter" }, /namesapce: unknown key; accepted: chart, namespace, kind, name, controls, reason, expires/],
    ["no reason", { ...EXEMPTION, reason: undefined }, /reason is required/],
    ["an empty reason", { ...EXEMPTION, reason: "" }, /reason: must not be empty/],
    ["no controls", { ...EXEMPTION, controls: undefined }, /controls is required/],
    ["an unknown control", { ...EXEMPTION, controls: ["hostNamespace"] }, /controls\[0\]: "hostNamespace" is not accepted; expected one of .*"hostNamespaces"/],
    ["no selector", { controls: ["privileged"], reason: "switch it off", expires: "2027-05-31" }, /too few keys; An exemption needs controls, a reason and at least one selector/],
    ["an impossible date", { ...EXEMPTION, expires: "2027-13-45" }, /expires: "2027-13-45" is not a real date; expected YYYY-MM-DD/],
    ["a day that does not exist", { ...EXEMPTION, expires: "2027-02-30" }, /expires: "2027-02-30" is not a real date/],
];

describe("strict policy config", () => {
    for (const [name, exemption, message] of badExemptions) {
        const clean = Object.fromEntries(Object.entries(exemption).filter(([, v]) => v !== undefined));
        it(`rejects an exemption with ${name}, in the declared schema and in the pack`, () => {
            assert.notDeepStrictEqual(cliErrors(podSecurityStandards, { exemptions: [clean] }), []);
            assert.throws(packRun(podSecurityStandards, { exemptions: [clean] }), message);
        });
    }

    it("accepts a well-formed exemption on both paths", () => {
        assert.deepStrictEqual(cliErrors(podSecurityStandards, { exemptions: [EXEMPTION] }), []);
        assert.doesNotThrow(packRun(podSecurityStandards, { exemptions: [EXEMPTION] }));
    });

    it("rejects in the pack a top-level key no schema lists, which the CLI cannot", () => {
        assert.deepStrictEqual(cliErrors(containerResources, { maxCpus: "4" }), []);
        assert.throws(packRun(containerResources, { maxCpus: "4" }), /container-resources\.maxCpus: unknown key; accepted: requireCpuLimit, maxCpu, maxMemory, exemptions/);
    });

    it("reports every problem at once, one line each", () => {
        assert.throws(packRun(podSecurityStandards, { level: "strict", exemptions: [{ ...EXEMPTION, expires: "2027-13-45", reason: "" }] }), (e: Error) => {
            assert.strictEqual(e.message.split("\n").length, 4, e.message);
            return true;
        });
    });

    it("refuses a schema with a keyword the validator does not know, instead of ignoring the rule", () => {
        const misspelt = { properties: { reason: { type: "string", minLenght: 1 } } } as any;
        assert.throws(() => validatePolicyConfig("misspelt", misspelt, { reason: "" }), /unknown keyword: "minLenght"/);
        const unknownFormat = { properties: { when: { type: "string", format: "calendar-day" } } } as any;
        assert.throws(() => validatePolicyConfig("unknown-format", unknownFormat, { when: "2027-01-01" }), /unknown format "calendar-day"/);
    });

    it("applies every keyword the pack's schemas use, nested ones included", () => {
        const schema = {
            properties: {
                limits: { type: "object", additionalProperties: { type: "integer", minimum: 1, maximum: 9 } },
                hosts: { type: "array", items: { type: "string", pattern: "^[a-z.]+$" }, uniqueItems: true },
            },
        } as any;
        assert.deepStrictEqual(validatePolicyConfig("p", schema, { limits: { a: 0, b: 10, c: 1.5 }, hosts: ["a.b", "A", "a.b"] }), [
            "p.limits.a: 0 is below the minimum 1",
            "p.limits.b: 10 is above the maximum 9",
            "p.limits.c: expected integer, got number 1.5",
            'p.hosts[1]: "A" does not match ^[a-z.]+$',
            "p.hosts: has duplicate items",
        ]);
    });

    for (const level of ["mandatroy", "warn", "Mandatory"]) {
        it(`rejects the enforcement level "${level}"`, () => {
            assert.throws(() => resolveConfig({ "container-resources": { enforcementLevel: level as any } }, policies),
                new RegExp(`container-resources.enforcementLevel: "${level}" is not one of advisory, mandatory, remediate, disabled`));
        });
    }

    it("gives every policy an exemptions schema naming its own controls, and only those", () => {
        // Each policy's controls, stated here so that adding or dropping one is a deliberate change:
        // the Pod Security Standards' checks (upstream's IDs) and Istio's analyzer codes included.
        const CONTROLS: Record<string, string[]> = {
            "pod-security-standards": ["hostNamespaces", "privileged", "capabilities_baseline", "hostPathVolumes", "hostPorts", "appArmorProfile",
                "seLinuxOptions", "procMount", "seccompProfile_baseline", "sysctls", "windowsHostProcess", "hostProbesAndHostLifecycle",
                "restrictedVolumes", "allowPrivilegeEscalation", "runAsNonRoot", "runAsUser", "seccompProfile_restricted", "capabilities_restricted",
                "procMount_restricted", "namespaceLabel", "enforceVersion"],
            "container-resources": ["requests", "memoryLimit", "cpuLimit", "requestsAboveLimits", "maximum"],
            "rbac-least-privilege": ["wildcard", "escalate", "bind", "impersonate", "secretsRead", "podExec", "ephemeralContainers", "nodesProxy",
                "serviceAccountToken", "csrApproval", "admissionWebhooks", "persistentVolumeCreate", "namespaceUpdate", "privilegedNamespaceWrite",
                "aggregation", "nonResourceURLs", "broadSubject", "clusterAdmin", "adminRole"],
            "image-provenance": ["malformed", "unpinned", "digest", "registry"],
            "service-exposure": ["exposedType", "externalIPs", "externalName", "ingressTls", "gateway"],
            "mesh-mtls": ["peerAuthentication", "meshRootUnset", "destinationRule", "authorizationPolicyAllowAll"],
            "helm-chart-pinned": ["version"],
            "pod-disruption-budget": ["missingBudget", "blockingBudget"],
            "tenant-namespace-guardrails": ["resourceQuota", "limitRange", "defaultDeny", "allowAllNetworkPolicy"],
            "workload-service-account": ["undeclared", "legacyTokenSecret", "defaultServiceAccount", "tokenAutomount"],
            "custom-resource-chart-dependency": ["dependency"],
            // Istio's analyzers split by their own level: Errors (mandatory where the stack says) and Warnings (advisory).
            "mesh-analysis": ["IST0101", "IST0109", "IST0110", "IST0111", "IST0112", "IST0145", "IST0149", "IST0159", "IST0160", "IST0173"],
            "mesh-analysis-warnings": ["IST0116", "IST0117", "IST0118", "IST0127", "IST0128", "IST0129", "IST0132", "IST0137", "IST0144",
                "IST0162", "IST0174", "PLT0001"],
            "mesh-sidecar": ["injectDisabled", "trafficExclusion"],
            "capacity": ["quota", "limitRange", "disruptionBudget"],
            "edge-rate-limit": ["rateLimitFilter", "tokenBucket"],
            "edge-jwt-authorization": ["requestAuthentication", "denyWithoutToken"],
            "tenant-isolation": ["gateway", "ingress", "routeExport", "serviceEntryExport", "envoyFilter", "monitorFiles",
                "monitorNamespaces", "monitorHonorLabels", "priorityClass"],
            "secret-hygiene": ["credentialLiteral", "undeclaredSecretEnv"],
            "autoscaling-metrics-source": ["noMetricsSource"],
        };
        assert.deepStrictEqual(policies.map((p) => p.name).sort(), Object.keys(CONTROLS).sort());
        for (const policy of policies) {
            const controls = (policy.configSchema!.properties.exemptions as any).items.properties.controls.items.enum;
            assert.deepStrictEqual([...controls].sort(), [...CONTROLS[policy.name]].sort(), policy.name);
        }
    });
});
