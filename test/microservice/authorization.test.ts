// Zero trust on the sample shop: each tenant namespace admits nothing in the mesh, and each
// service admits exactly the ServiceAccounts of its declared callers (plus the ingress gateway
// for the public frontend, and plaintext GET /metrics for Prometheus).
import { strict as assert } from "assert";
import { ofType, RunResult } from "../harness";
import { chartUrn, kindOf, ok, onlyKind, SHOP_NAMESPACE, TYPES } from "./support";

// Independent of the code: the shop's call graph as its README draws it.
const CALLERS: Record<string, string[]> = { frontend: [], catalog: ["frontend"], orders: ["frontend"], payments: ["orders"] };
const GATEWAY_PRINCIPAL = "cluster.local/ns/istio-ingress/sa/istio-ingressgateway";
const PODINFO = { http: "9898", metrics: "9797" };

/** The ServiceAccount each caller's pods actually run as (read from its Deployment). */
function callerPrincipals(run: RunResult, service: string): string[] {
    return CALLERS[service].map((caller) => {
        const [deployment] = kindOf(run, caller, TYPES.deployment);
        const account = deployment.inputs.spec.template.spec.serviceAccountName;
        assert.equal(onlyKind(run, caller, TYPES.serviceAccount).inputs.metadata.name, account);
        return `cluster.local/ns/${SHOP_NAMESPACE}/sa/${account}`;
    });
}

const policyOf = (run: RunResult, service: string) => onlyKind(run, service, TYPES.authorizationPolicy).inputs.spec;

describe("zero-trust authorization", () => {
    for (const stack of ["dev", "staging", "prod"]) {
        describe(stack, () => {
            it("denies all mesh traffic in every tenant namespace by default", () => {
                const run = ok(stack);
                const allowNothing = ofType(run, TYPES.authorizationPolicy).filter((p) => p.inputs.metadata.name === "allow-nothing");
                assert.deepEqual(allowNothing.map((p) => p.inputs.metadata.namespace).sort(), ["data", "shop"]);
                const base = chartUrn(run, "istio-base");
                for (const p of allowNothing) {
                    // An ALLOW policy with no rules matches nothing, for every workload in the namespace.
                    assert.deepEqual(p.inputs.spec, {});
                    assert.ok(p.dependencies.includes(base), "waits for the Istio CRDs");
                }
            });

            for (const service of Object.keys(CALLERS)) {
                it(`${service}: allows on its http port only ${CALLERS[service].join(", ") || "nobody inside the mesh"}${service === "frontend" ? " and the ingress gateway" : ""}`, () => {
                    const run = ok(stack);
                    const spec = policyOf(run, service);
                    assert.equal(spec.action, "ALLOW");
                    assert.deepEqual(spec.selector.matchLabels["app.kubernetes.io/name"], service);
                    const expected = [...callerPrincipals(run, service), ...(service === "frontend" ? [GATEWAY_PRINCIPAL] : [])];
                    const withPrincipals = spec.rules.filter((r: any) => r.from);
                    const allowed = withPrincipals.flatMap((r: any) => r.from.flatMap((f: any) => f.source.principals ?? []));
                    assert.deepEqual(allowed.sort(), expected.sort());
                    for (const rule of withPrincipals) assert.deepEqual(rule.to.map((t: any) => t.operation.ports), [[PODINFO.http]]);
                });

                it(`${service}: lets Prometheus GET /metrics on the metrics port and nothing else without an identity`, () => {
                    const run = ok(stack);
                    const anonymous = policyOf(run, service).rules.filter((r: any) => !r.from);
                    assert.deepEqual(anonymous, [{ to: [{ operation: { ports: [PODINFO.metrics], methods: ["GET"], paths: ["/metrics"] } }] }]);
                    // Plaintext scrapes are accepted on that port alone; every other port keeps the mesh's mTLS mode.
                    const peer = onlyKind(run, service, TYPES.peerAuthentication).inputs.spec;
                    assert.deepEqual(peer.portLevelMtls, { [PODINFO.metrics]: { mode: "PERMISSIVE" } });
                    assert.equal(peer.mtls, undefined);
                    assert.equal(peer.selector.matchLabels["app.kubernetes.io/name"], service);
                });
            }
        });
    }

    it("follows the trust domain the mesh is configured with", () => {
        const run = ok("staging", { chartValues: { istiod: { meshConfig: { trustDomain: "corp.example" } } } });
        const principals = policyOf(run, "payments").rules.flatMap((r: any) => r.from?.[0].source.principals ?? []);
        assert.deepEqual(principals, ["corp.example/ns/shop/sa/orders"]);
    });

    it("opens no scrape path when monitoring is off", () => {
        const run = ok("staging", { monitoring: { enabled: false } });
        for (const service of Object.keys(CALLERS)) {
            assert.ok(policyOf(run, service).rules.every((r: any) => r.from), `${service}: every rule names principals`);
            assert.equal(kindOf(run, service, TYPES.peerAuthentication).length, 0);
        }
    });

    it("creates no AuthorizationPolicy, not even allow-nothing, without the mesh", () => {
        const run = ok("prod", { mesh: { enabled: false } });
        assert.equal(ofType(run, TYPES.authorizationPolicy).length, 0);
        assert.equal(ofType(run, TYPES.peerAuthentication).length, 0);
    });
});
