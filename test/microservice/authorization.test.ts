// Zero trust on the sample shop: each tenant namespace admits nothing in the mesh, and each
// service admits exactly the ServiceAccounts of its declared callers (plus the ingress gateway
// for the public services: frontend, and the orders and payments APIs), and GET /metrics on the metrics port for Prometheus: by its mesh
// identity under STRICT mTLS, in plaintext only where the mesh is PERMISSIVE (dev). No port of
// any service is ever opened below the mesh's mTLS mode.
import { strict as assert } from "assert";
import { MESH_OFF, MONITORING_OFF, one, ofType, RunResult } from "../harness";
import { chartUrn, kindOf, ok, onlyKind, SHOP_NAMESPACE, TYPES, workloadPolicy } from "./support";

// Independent of the code: the shop's call graph as its README draws it.
const CALLERS: Record<string, string[]> = { frontend: [], catalog: ["frontend"], orders: ["frontend"], payments: ["orders"] };
// Reachable through the ingress gateway, as the README's edge section lists them.
const PUBLIC = ["frontend", "orders", "payments"];
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

const policyOf = (run: RunResult, service: string) => workloadPolicy(run, service).inputs.spec;
const rulesOnPort = (run: RunResult, service: string, port: string) =>
    policyOf(run, service).rules.filter((r: any) => r.to.some((t: any) => t.operation.ports.includes(port)));

/**
 * The identity Prometheus scrapes with: the ServiceAccount kube-prometheus-stack names
 * "<fullname>-prometheus" (prometheus.serviceAccount.create with no name), in the chart's namespace.
 */
function prometheusPrincipal(run: RunResult, trustDomain = "cluster.local"): string {
    const chart = one(run, TYPES.chart, "kube-prometheus-stack").inputs;
    return `${trustDomain}/ns/${chart.namespace}/sa/${chart.values.fullnameOverride}-prometheus`;
}
const MTLS_MODE: Record<string, string> = { dev: "PERMISSIVE", staging: "STRICT", prod: "STRICT" };
const PEER_AUTHENTICATION = TYPES.peerAuthentication;

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
                it(`${service}: allows on its http port only ${CALLERS[service].join(", ") || "nobody inside the mesh"}${PUBLIC.includes(service) ? " and the ingress gateway" : ""}`, () => {
                    const run = ok(stack);
                    const spec = policyOf(run, service);
                    assert.equal(spec.action, "ALLOW");
                    assert.deepEqual(spec.selector.matchLabels["app.kubernetes.io/name"], service);
                    const expected = [...callerPrincipals(run, service), ...(PUBLIC.includes(service) ? [GATEWAY_PRINCIPAL] : [])];
                    const httpRules = rulesOnPort(run, service, PODINFO.http);
                    const allowed = httpRules.flatMap((r: any) => r.from.flatMap((f: any) => f.source.principals ?? []));
                    assert.deepEqual(allowed.sort(), expected.sort());
                    for (const rule of httpRules) assert.deepEqual(rule.to.map((t: any) => t.operation.ports), [[PODINFO.http]]);
                    // Every rule is about the http port or the metrics port, nothing else.
                    assert.equal(spec.rules.length, httpRules.length + rulesOnPort(run, service, PODINFO.metrics).length);
                });

                if (MTLS_MODE[stack] === "STRICT") {
                    it(`${service}: lets only Prometheus's mesh identity GET /metrics on the metrics port`, () => {
                        const run = ok(stack);
                        assert.deepEqual(rulesOnPort(run, service, PODINFO.metrics), [{
                            from: [{ source: { principals: [prometheusPrincipal(run)] } }],
                            to: [{ operation: { ports: [PODINFO.metrics], methods: ["GET"], paths: ["/metrics"] } }],
                        }]);
                        assert.equal(kindOf(run, service, PEER_AUTHENTICATION).length, 0, "the metrics port stays STRICT");
                    });
                } else {
                    it(`${service}: takes Prometheus's plaintext GET /metrics on the metrics port, which the PERMISSIVE mesh accepts`, () => {
                        const run = ok(stack);
                        assert.deepEqual(rulesOnPort(run, service, PODINFO.metrics),
                            [{ to: [{ operation: { ports: [PODINFO.metrics], methods: ["GET"], paths: ["/metrics"] } }] }]);
                        assert.equal(kindOf(run, service, PEER_AUTHENTICATION).length, 0, "nothing needs loosening");
                    });
                }
            }

            it("requires a valid token at orders and payments themselves for requests through the gateway, with payments' role", () => {
                const run = ok(stack);
                const gatewayRule = (service: string) => {
                    const rules = rulesOnPort(run, service, PODINFO.http)
                        .filter((r: any) => r.from.some((f: any) => (f.source.principals ?? []).includes(GATEWAY_PRINCIPAL)));
                    assert.equal(rules.length, 1, `${service}: one rule for the gateway`);
                    assert.deepEqual(rules[0].from[0].source.principals, [GATEWAY_PRINCIPAL], "the gateway's rule admits no caller");
                    return rules[0];
                };
                for (const service of ["orders", "payments"]) {
                    assert.deepEqual(gatewayRule(service).from[0].source.requestPrincipals, ["*"], `${service}: a request principal`);
                }
                assert.deepEqual(gatewayRule("payments").when, [{ key: "request.auth.claims[roles]", values: ["payment-processor"] }]);
                assert.equal(gatewayRule("orders").when, undefined);
                // The public frontend needs no token, and its callers' rules never do.
                assert.equal(gatewayRule("frontend").from[0].source.requestPrincipals, undefined);
                const orders = policyOf(run, "orders").rules.find((r: any) => r.from[0].source.principals?.some((p: string) => p.endsWith("/sa/frontend")));
                assert.equal(orders.from[0].source.requestPrincipals, undefined, "frontend calls orders inside the mesh without a token");
            });

            it("validates the edge's tokens in every tenant namespace, so the services' requestPrincipals can be met", () => {
                const run = ok(stack);
                const gateway = ofType(run, TYPES.requestAuthentication).find((r) => r.inputs.metadata.name === "edge-jwt")!;
                const workloads = ofType(run, TYPES.requestAuthentication).filter((r) => r.inputs.metadata.name === "workload-jwt");
                assert.deepEqual(workloads.map((r) => r.inputs.metadata.namespace).sort(), ["data", "shop"]);
                const issuers = (r: any) => r.inputs.spec.jwtRules.map((j: any) => j.issuer);
                for (const r of workloads) {
                    assert.equal(r.inputs.spec.selector, undefined, "every workload of the namespace");
                    assert.deepEqual(issuers(r), issuers(gateway));
                }
                for (const rule of gateway.inputs.spec.jwtRules) assert.equal(rule.forwardOriginalToken, true, "the gateway passes the token on");
            });

            it("weakens mTLS nowhere: the only PeerAuthentication is the mesh-wide one, with no port exceptions", () => {
                const run = ok(stack);
                const peers = ofType(run, PEER_AUTHENTICATION);
                assert.deepEqual(peers.map((p) => `${p.inputs.metadata.namespace}/${p.inputs.metadata.name}`), ["istio-system/default"]);
                assert.equal(peers[0].inputs.spec.mtls.mode, MTLS_MODE[stack]);
                for (const p of peers) assert.equal(p.inputs.spec.portLevelMtls, undefined);
            });
        });
    }

    it("follows the trust domain the mesh is configured with", () => {
        const run = ok("staging", { chartValues: { istiod: { meshConfig: { trustDomain: "corp.example" } } } });
        const principals = (port: string) => rulesOnPort(run, "payments", port).flatMap((r: any) => r.from?.[0].source.principals ?? []);
        // payments is public (its API at the gateway), so the gateway's identity follows the trust domain too.
        assert.deepEqual(principals(PODINFO.http).sort(), ["corp.example/ns/istio-ingress/sa/istio-ingressgateway", "corp.example/ns/shop/sa/orders"]);
        assert.deepEqual(principals(PODINFO.metrics), [prometheusPrincipal(run, "corp.example")]);
    });

    it("scrapes by identity as soon as a PERMISSIVE stack turns STRICT", () => {
        const run = ok("dev", { mesh: { mtlsMode: "STRICT" } });
        for (const service of Object.keys(CALLERS)) {
            assert.deepEqual(rulesOnPort(run, service, PODINFO.metrics)[0].from, [{ source: { principals: [prometheusPrincipal(run)] } }]);
        }
        assert.ok(ofType(run, PEER_AUTHENTICATION).every((p) => p.inputs.spec.portLevelMtls === undefined));
    });

    it("opens no scrape path when monitoring is off", () => {
        const run = ok("staging", MONITORING_OFF);
        for (const service of Object.keys(CALLERS)) {
            assert.deepEqual(rulesOnPort(run, service, PODINFO.metrics), [], `${service}: nothing on the metrics port`);
            assert.ok(policyOf(run, service).rules.every((r: any) => r.from), `${service}: every rule names principals`);
            assert.equal(kindOf(run, service, PEER_AUTHENTICATION).length, 0);
        }
    });

    it("creates no AuthorizationPolicy, not even allow-nothing, without the mesh", () => {
        const run = ok("prod", MESH_OFF);
        assert.equal(ofType(run, TYPES.authorizationPolicy).length, 0);
        assert.equal(ofType(run, TYPES.peerAuthentication).length, 0);
    });
});
