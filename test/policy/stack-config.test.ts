// Each stack's policy-config.json: valid against the pack's configSchemas, with the enforcement
// levels of the stack, and Pod Security levels and exemptions that match the platform's namespaces.
import * as assert from "assert";
import { POD_SECURITY_KUBERNETES_RELEASE } from "../../components/tenancy/podSecurity";
import { policies } from "../../policy/policies";
import { LATEST_KUBERNETES_RELEASE } from "../../policy/pod-security/version";
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

/** The chart releases the program installs (their Chart resource names). */
const CHART_RELEASES = /^(istio-cni|istio-base|istiod-1-\d+|istiod-\*|istio-ingressgateway|kube-prometheus-stack|eck-operator|fluent-bit|jaeger|argocd|kiali)$/;

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

describe("the Kubernetes release of Pod Security", () => {
    it("is one release: the program's namespace labels, the pack's default and every stack's policy config", () => {
        assert.strictEqual(LATEST_KUBERNETES_RELEASE, POD_SECURITY_KUBERNETES_RELEASE);
        for (const stack of ["dev", "staging", "prod"]) {
            const pss = loadStackPolicyConfig(stack)["pod-security-standards"] as Record<string, unknown>;
            assert.strictEqual(pss.kubernetesVersion, POD_SECURITY_KUBERNETES_RELEASE, stack);
        }
    });
});

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

        it("exempts host access only for chart-rendered objects in privileged namespaces, by chart, namespace, kind and name", () => {
            const exemptions: Array<Record<string, any>> = resolved.get("pod-security-standards")!.properties.exemptions;
            for (const e of exemptions) {
                assert.match(e.chart, CHART_RELEASES);
                assert.strictEqual(PLATFORM_NAMESPACE_LEVELS[e.namespace], "privileged", `${e.namespace} is not a privileged namespace`);
                assert.ok(e.kind && e.name && !e.name.includes("*"), `${e.namespace}: names one object`);
                assert.ok(!e.controls.some((c: string) => c.endsWith("_restricted")), "a privileged namespace is checked at baseline only");
            }
        });

        it("scopes every exemption to named controls and one object (or a chart's pattern), with a reason and a future expiry", () => {
            for (const [name, config] of resolved) {
                for (const e of config.properties.exemptions as Array<Record<string, any>>) {
                    const what = `${name}: ${e.chart ?? e.namespace}/${e.kind}/${e.name}`;
                    assert.ok(e.kind && e.name, `${what}: names kind and name`);
                    assert.ok(e.chart !== undefined || (e.namespace !== undefined && !e.name.includes("*")),
                        `${what}: a name pattern only with the chart that renders it`);
                    if (e.chart !== undefined) assert.match(e.chart, CHART_RELEASES, what);
                    assert.ok(Array.isArray(e.controls) && e.controls.length > 0, `${what}: names its controls`);
                    assert.ok(e.reason.length > 20, `${what}: explains why`);
                    assert.ok(e.expires && Date.parse(e.expires) > Date.now(), `${what}: has a future expiry`);
                }
            }
        });

        it("allows a LoadBalancer only for the ingress gateway and sets the stack's mTLS mode", () => {
            assert.deepStrictEqual(resolved.get("service-exposure")!.properties.allowed, [{ namespace: "istio-ingress", type: "LoadBalancer" }]);
            assert.strictEqual(resolved.get("mesh-mtls")!.properties.minimumMode, MTLS_MODE[stack]);
        });
    });
}
