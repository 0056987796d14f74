// A public service's edge rules become gateway AuthorizationPolicies for exactly the routes that
// need a token: orders and payments in the shop, payments also needing the payment-processor
// role; the frontend stays public. Stack config can tighten or relax them; bad rules are refused
// before any resource is registered.
import { strict as assert } from "assert";
import { MicroserviceArgs, REQUIRE_JWT_ANNOTATION } from "@reference-platform/consumer/microservice";
import { gatewayAuthorizationSpec } from "../../packages/platform-consumer/src/microservice/edge/gatewayAuthorization";
import { resolveMicroservice } from "../../packages/platform-consumer/src/microservice/resolve";
import { ConfigError, resolvePlatformConfig } from "../../infra/config";
import { REQUIRE_JWT_ANNOTATION as POLICY_ANNOTATION } from "../../policy/edge-jwt-authorization/policy";
import { devProfile } from "../../stacks/dev/profile";
import { MESH_OFF, ofType, RecordedResource, runOk, runStack, RunResult, StackOverrides } from "../harness";
import { kindOf, TYPES } from "./support";

const GATEWAY_NAMESPACE = "istio-ingress";
const GATEWAY_POD_LABELS = { istio: "ingressgateway" };
const HOSTS: Record<string, string> = { dev: "shop.localtest.me", staging: "shop.staging.example.com", prod: "shop.example.com" };
// The shop's edge, as the README describes it.
const PROTECTED: Record<string, { prefix: string; claims: Record<string, string[]> }> = {
    orders: { prefix: "/api/orders", claims: {} },
    payments: { prefix: "/api/payments", claims: { roles: ["payment-processor"] } },
};

const edgePolicies = (run: RunResult): RecordedResource[] =>
    ofType(run, TYPES.authorizationPolicy).filter((p) => p.inputs.metadata.namespace === GATEWAY_NAMESPACE);
const serviceOf = (run: RunResult, policy: RecordedResource) =>
    ["frontend", "catalog", "orders", "payments"].find((s) => kindOf(run, s, TYPES.authorizationPolicy).some((p) => p.urn === policy.urn));

function assertProtects(policy: RecordedResource, host: string, prefix: string, claims: Record<string, string[]>): void {
    const spec = policy.inputs.spec;
    assert.equal(spec.action, "DENY", "DENY: an ALLOW policy on the gateway would close every other route");
    assert.deepEqual(spec.selector.matchLabels, GATEWAY_POD_LABELS);
    const to = [{ operation: { hosts: [host, `${host}:*`], paths: [prefix, `${prefix}/*`] } }];
    assert.deepEqual(spec.rules[0], { from: [{ source: { notRequestPrincipals: ["*"] } }], to });
    assert.deepEqual(spec.rules.slice(1), Object.entries(claims).map(([claim, values]) =>
        ({ to, when: [{ key: `request.auth.claims[${claim}]`, notValues: values }] })));
}

for (const stack of ["dev", "staging", "prod"]) {
    describe(`edge authorization (${stack})`, () => {
        it("has a gateway policy for exactly the routes that need a token, with their hosts, paths and claims", () => {
            const run = runOk(stack);
            const policies = edgePolicies(run);
            assert.deepEqual(policies.map((p) => serviceOf(run, p)).sort(), Object.keys(PROTECTED));
            for (const policy of policies) {
                const service = serviceOf(run, policy)!;
                assertProtects(policy, HOSTS[stack], PROTECTED[service].prefix, PROTECTED[service].claims);
            }
        });

        it("exports each public service's routes and subsets to its own namespace and the gateway's, nothing else mesh-wide", () => {
            const run = runOk(stack);
            for (const service of ["frontend", "catalog", "orders", "payments"]) {
                const isPublic = service !== "catalog";
                const [rule] = kindOf(run, service, TYPES.destinationRule);
                assert.deepEqual(rule.inputs.spec.exportTo, isPublic ? [".", GATEWAY_NAMESPACE] : undefined, `${service}: DestinationRule`);
                for (const vs of kindOf(run, service, TYPES.virtualService)) {
                    const bound = (vs.inputs.spec.gateways ?? []).length > 0;
                    assert.deepEqual(vs.inputs.spec.exportTo, bound ? [".", GATEWAY_NAMESPACE] : undefined, `${service}: ${vs.inputs.metadata.name}`);
                }
            }
        });

        it("marks the protected routes for the policy pack, and only them", () => {
            const run = runOk(stack);
            const marked = ofType(run, TYPES.virtualService).filter((v) => v.inputs.metadata.annotations?.[REQUIRE_JWT_ANNOTATION] === "true");
            assert.deepEqual(marked.map((v) => v.inputs.metadata.name).sort(), ["orders-public", "payments-public"]);
            assert.equal(REQUIRE_JWT_ANNOTATION, POLICY_ANNOTATION, "the pack reads the annotation the component writes");
        });
    });
}

describe("edge rules from stack config", () => {
    const run = (overrides: StackOverrides) => runOk("staging", overrides);

    it("adds a claim rule to orders and drops the token on payments", () => {
        const r = run({ shop: { services: { orders: { edge: { claims: { scope: ["orders:read", "orders:write"] } } }, payments: { edge: { requireJwt: false } } } } });
        const policies = edgePolicies(r);
        assert.deepEqual(policies.map((p) => serviceOf(r, p)), ["orders"]);
        assertProtects(policies[0], HOSTS.staging, "/api/orders", { scope: ["orders:read", "orders:write"] });
    });

    it("protects every path of the frontend when asked", () => {
        const r = run({ shop: { services: { frontend: { edge: { requireJwt: true } } } } });
        const frontend = edgePolicies(r).find((p) => serviceOf(r, p) === "frontend")!;
        // No paths: the whole host needs a token.
        assert.deepEqual(frontend.inputs.spec.rules, [{ from: [{ source: { notRequestPrincipals: ["*"] } }],
            to: [{ operation: { hosts: [HOSTS.staging, `${HOSTS.staging}:*`] } }] }]);
    });

    it("creates no gateway policy without the mesh", () => {
        assert.deepEqual(edgePolicies(run(MESH_OFF)), []);
    });
});

describe("edge rules: bad input", () => {
    const refuses = (values: Record<string, unknown>, ...expected: RegExp[]) => {
        assert.throws(() => resolvePlatformConfig({
            stack: "staging", values: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, JSON.stringify(v)])), secretKeys: new Set(),
        }), (e: unknown) => {
            assert.ok(e instanceof ConfigError, `expected a ConfigError, got ${e}`);
            for (const pattern of expected) assert.match(e.message, pattern);
            return true;
        });
    };

    it("refuses a claims rule on a service that is not public, naming the key and the public services", () => {
        refuses({ shop: { services: { catalog: { edge: { claims: { roles: ["admin"] } } } } } },
            /platform:shop\.services\.catalog\.edge\.claims: "catalog" is not public, .*public services: frontend, orders, payments/);
        refuses({ shop: { services: { catalog: { edge: { requireJwt: true } } } } }, /platform:shop\.services\.catalog\.edge\.requireJwt: "catalog" is not public/);
    });

    it("refuses claims with requireJwt false, an empty value list, a misspelt key", () => {
        refuses({ shop: { services: { payments: { edge: { requireJwt: false, claims: { roles: ["x"] } } } } } },
            /platform:shop\.services\.payments\.edge\.claims: claims are read from a token/);
        refuses({ shop: { services: { payments: { edge: { claims: { roles: [] } } } } } },
            /platform:shop\.services\.payments\.edge\.claims\.roles: must list at least one accepted value/);
        refuses({ shop: { services: { payments: { edge: { requireJWT: true } } } } },
            /platform:shop\.services\.payments\.edge\.requireJWT: unknown key; accepted: requireJwt, claims/);
    });

    it("refuses a route needing a token when no issuer is trusted", () => {
        refuses({ mesh: { edgeAuth: { localIssuer: false, issuers: [] } } },
            /platform:mesh\.edgeAuth\.issuers: a shop route requires a token but no issuer is trusted/);
    });

    it("fails the program before registering any resource", () => {
        const run = runStack("staging", { shop: { services: { catalog: { edge: { claims: { roles: ["admin"] } } } } } });
        assert.match(run.error ?? "", /shop\.services\.catalog\.edge\.claims/);
        assert.deepEqual(run.resources.filter((r) => r.custom), []);
    });

    describe("the Microservice itself", () => {
        const base: MicroserviceArgs = {
            namespace: "shop", team: "shop", environment: "dev", image: "ghcr.io/stefanprodan/podinfo:6.9.2",
            ports: { http: 9898 }, defaults: devProfile.workloads,
            platformNamespaces: { ingressGateway: "istio-ingress", monitoring: "monitoring" },
        };
        const mesh = { gatewayRef: "istio-ingress/public-gateway", gatewayHosts: ["shop.test"], ingressGatewayPrincipal: "p" };
        const invalid = (overrides: Partial<MicroserviceArgs>, pattern: RegExp) =>
            assert.throws(() => resolveMicroservice("svc", { ...base, ...overrides }), pattern);

        it("refuses edge rules on a service that is not public", () => {
            invalid({ edge: { claims: { roles: ["a"] } } }, /Microservice "svc" is invalid:\n {2}- edge: the service is not public/);
        });
        it("refuses path prefixes that are not prefixes", () => {
            invalid({ public: true, edge: { paths: ["api/orders"] } }, /edge\.paths\[0\]: must be a path prefix such as \/api\/orders .*\(got "api\/orders"\)/);
            invalid({ public: true, edge: { paths: ["/api/orders/"] } }, /edge\.paths\[0\]: must be a path prefix .*\(got "\/api\/orders\/"\)/);
            invalid({ public: true, edge: { paths: ["/api/*"] } }, /must be a path prefix/);
        });
        it("refuses an empty claim and a token rule without the gateway's pod labels", () => {
            invalid({ public: true, edge: { claims: { roles: [] } } }, /edge\.claims\.roles: must list at least one accepted value \(got \[\]\)/);
            invalid({ public: true, mesh, edge: { requireJwt: true } }, /mesh\.gatewayWorkloadSelector: edge\.requireJwt needs the ingress gateway pods' labels/);
        });
        it("treats claims as requiring a token", () => {
            assert.equal(resolveMicroservice("svc", { ...base, public: true, edge: { claims: { roles: ["a"] } } }).edge?.requireJwt, true);
        });
    });

    it("scopes every DENY rule to the route's paths, so other routes stay open", () => {
        const spec = gatewayAuthorizationSpec(GATEWAY_POD_LABELS, ["a.test"], { paths: ["/x"], requireJwt: true, claims: {} });
        assert.equal(spec.action, "DENY");
        assert.ok(spec.rules!.every((r) => r.to!.every((t) => t.operation!.paths!.every((p) => p.startsWith("/x")))));
    });
});
