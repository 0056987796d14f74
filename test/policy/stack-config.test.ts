// Each stack's policy-config.json: valid against the pack's configSchemas, with the enforcement
// levels of the stack, and Pod Security levels and exemptions that match the platform's namespaces.
import * as assert from "assert";
import { policies } from "../../policy/policies";
import { loadStackPolicyConfig, resolveConfig } from "./harness";

/** The platform's namespaces and their Pod Security Admission level, stated independently of the program. */
const PLATFORM_NAMESPACE_LEVELS: Record<string, string> = {
    "istio-system": "restricted",
    "istio-cni": "privileged",
    "istio-ingress": "restricted",
    monitoring: "restricted",
    "node-exporter": "privileged",
    tracing: "restricted",
    logging: "restricted",
    "elastic-system": "restricted",
    "fluent-bit": "privileged",
    argocd: "restricted",
};

/** Host-access add-ons, exempted by namespace and kind. */
const HOST_ACCESS_EXEMPTIONS = [
    { namespace: "istio-cni", kind: "DaemonSet" },
    { namespace: "node-exporter", kind: "DaemonSet" },
    { namespace: "fluent-bit", kind: "DaemonSet" },
];

const TENANT_LEVEL: Record<string, string> = { dev: "baseline", staging: "restricted", prod: "restricted" };
const SECURITY_POLICIES = ["pod-security-standards", "rbac-least-privilege", "image-provenance", "mesh-mtls"];
/** Mandatory in staging too: a broken mesh reference or an impossible quota fails on the cluster. */
const CONNECTIVITY_POLICIES = ["mesh-analysis", "capacity"];
const MTLS_MODE: Record<string, string> = { dev: "PERMISSIVE", staging: "STRICT", prod: "STRICT" };

function expectedLevel(stack: string, policy: string): string {
    if (stack === "dev") return "advisory";
    if (stack === "prod") return "mandatory";
    return SECURITY_POLICIES.includes(policy) || CONNECTIVITY_POLICIES.includes(policy) ? "mandatory" : "advisory";
}

for (const stack of ["dev", "staging", "prod"]) {
    describe(`stacks/${stack}/policy-config.json`, () => {
        const file = loadStackPolicyConfig(stack);
        const resolved = resolveConfig(file);

        it("configures every policy of the pack and validates against their configSchemas", () => {
            assert.deepStrictEqual(Object.keys(file).sort(), policies.map((p) => p.name).sort());
        });

        it("sets each policy's enforcement level for the stack", () => {
            for (const policy of policies) assert.strictEqual(resolved.get(policy.name)!.level, expectedLevel(stack, policy.name), policy.name);
        });

        it("matches the platform namespaces' Pod Security levels exactly, tenants at the stack's level", () => {
            const pss = resolved.get("pod-security-standards")!.properties;
            assert.deepStrictEqual(pss.namespaceLevels, PLATFORM_NAMESPACE_LEVELS);
            assert.strictEqual(pss.level, TENANT_LEVEL[stack]);
        });

        it("exempts exactly the host-access add-ons, by namespace and kind, with a reason and a future expiry", () => {
            const exemptions: Array<Record<string, string>> = resolved.get("pod-security-standards")!.properties.exemptions;
            assert.deepStrictEqual(exemptions.map((e) => ({ namespace: e.namespace, kind: e.kind })), HOST_ACCESS_EXEMPTIONS);
            for (const e of exemptions) {
                assert.strictEqual(e.name, undefined);
                assert.ok(e.reason.length > 20, e.reason);
                assert.ok(Date.parse(e.expires) > Date.now(), `${e.namespace} exemption expired ${e.expires}`);
                assert.strictEqual(PLATFORM_NAMESPACE_LEVELS[e.namespace], "privileged");
            }
        });

        it("gives every exemption of every policy a selector, a reason and a future expiry", () => {
            for (const [name, config] of resolved) {
                for (const e of config.properties.exemptions as Array<Record<string, string>>) {
                    assert.ok(e.namespace || e.kind || e.name, `${name}: exemption without selector`);
                    assert.ok(e.reason, `${name}: exemption without reason`);
                    assert.ok(e.expires && Date.parse(e.expires) > Date.now(), `${name}: exemption without a future expiry`);
                }
            }
        });

        it("allows a LoadBalancer only for the ingress gateway and sets the stack's mTLS mode", () => {
            assert.deepStrictEqual(resolved.get("service-exposure")!.properties.allowed, [{ namespace: "istio-ingress", type: "LoadBalancer" }]);
            assert.strictEqual(resolved.get("mesh-mtls")!.properties.minimumMode, MTLS_MODE[stack]);
        });
    });
}
