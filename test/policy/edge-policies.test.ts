// The edge policies over a compliant baseline (a Gateway, a public frontend, an orders API that
// needs a token, the gateway's rate limit, RequestAuthentication and DENY policy), each case
// changing one field and asserting the message.
import * as assert from "assert";
import { edgeJwtAuthorization, edgeRateLimit } from "../../policy/policies";
import { resource } from "./fixtures/pods";
import { HarnessResource } from "./harness";
import { stackMessages } from "./policyCall";

const GATEWAY_NS = "istio-ingress";
const POD_LABELS = { istio: "ingressgateway" };
const HOST = "shop.example.com";
const LIMITER = "envoy.filters.http.local_ratelimit";
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v));

const gateway = () => resource("kubernetes:networking.istio.io/v1:Gateway", "gw", {
    metadata: { name: "public-gateway", namespace: GATEWAY_NS },
    spec: { selector: POD_LABELS, servers: [{ port: { number: 443 }, hosts: [HOST] }, { port: { number: 80 }, hosts: [HOST] }] },
});
const virtualService = (name: string, match?: any[], annotations?: Record<string, string>) => resource("kubernetes:networking.istio.io/v1:VirtualService", name, {
    metadata: { name, namespace: "shop", ...(annotations ? { annotations } : {}) },
    spec: { hosts: [HOST], gateways: [`${GATEWAY_NS}/public-gateway`], http: [{ ...(match ? { match } : {}), route: [{ destination: { host: name } }] }] },
});
const bucket = { max_tokens: 100, tokens_per_fill: 50, fill_interval: "60s" };
const rateLimit = () => resource("kubernetes:networking.istio.io/v1alpha3:EnvoyFilter", "rl", {
    metadata: { name: "edge-local-rate-limit", namespace: GATEWAY_NS },
    spec: {
        workloadSelector: { labels: POD_LABELS },
        configPatches: [
            { applyTo: "HTTP_FILTER", patch: { operation: "INSERT_BEFORE", value: { name: LIMITER } } },
            ...[443, 80].map((port) => ({
                applyTo: "VIRTUAL_HOST",
                match: { context: "GATEWAY", routeConfiguration: { portNumber: port, vhost: { name: `${HOST}:${port}` } } },
                patch: { operation: "MERGE", value: { typed_per_filter_config: { [LIMITER]: { token_bucket: { ...bucket } } } } },
            })),
        ],
    },
});
const requestAuthentication = () => resource("kubernetes:security.istio.io/v1:RequestAuthentication", "ra", {
    metadata: { name: "edge-jwt", namespace: GATEWAY_NS },
    spec: { selector: { matchLabels: POD_LABELS }, jwtRules: [{ issuer: "https://idp.test/", jwksUri: "https://idp.test/certs" }] },
});
const denyWithoutToken = () => resource("kubernetes:security.istio.io/v1:AuthorizationPolicy", "deny", {
    metadata: { name: "shop-orders-require-jwt", namespace: GATEWAY_NS },
    spec: {
        selector: { matchLabels: POD_LABELS }, action: "DENY",
        rules: [{ from: [{ source: { notRequestPrincipals: ["*"] } }], to: [{ operation: { hosts: [HOST, `${HOST}:*`], paths: ["/api/orders", "/api/orders/*"] } }] }],
    },
});
const ordersMatch = [{ uri: { exact: "/api/orders" } }, { uri: { prefix: "/api/orders/" } }];

function baseline(): HarnessResource[] {
    return [
        gateway(),
        virtualService("frontend-public"),
        virtualService("orders-public", ordersMatch, { "platform.example.com/require-jwt": "true" }),
        rateLimit(), requestAuthentication(), denyWithoutToken(),
    ];
}
const replace = (resources: HarnessResource[], name: string, change: (props: any) => void) =>
    resources.map((r) => { if (r.name !== name) return r; const c = clone(r); change(c.props); return c; });

describe("edge-rate-limit", () => {
    it("accepts a bucket for every public host on every gateway port", async () => {
        assert.deepStrictEqual(await stackMessages(edgeRateLimit, baseline()), []);
    });

    const cases: Array<[string, (r: HarnessResource[]) => HarnessResource[], string]> = [
        ["no EnvoyFilter", (r) => r.filter((x) => x.name !== "rl"),
            `VirtualService shop/frontend-public: is public but no EnvoyFilter in ${GATEWAY_NS} adds ${LIMITER} to the gateway ${GATEWAY_NS}/public-gateway pods`],
        ["a filter for other pods", (r) => replace(r, "rl", (p) => { p.spec.workloadSelector.labels = { app: "other" }; }), "no EnvoyFilter in istio-ingress adds"],
        ["a filter in another namespace", (r) => replace(r, "rl", (p) => { p.metadata.namespace = "shop"; }), "no EnvoyFilter in istio-ingress adds"],
        ["no bucket on the HTTP port", (r) => replace(r, "rl", (p) => { p.spec.configPatches.pop(); }),
            `VirtualService shop/frontend-public: is public but has no token bucket at the gateway ${GATEWAY_NS}/public-gateway for ${HOST}:80`],
        ["an empty bucket", (r) => replace(r, "rl", (p) => { p.spec.configPatches[1].patch.value.typed_per_filter_config[LIMITER].token_bucket.tokens_per_fill = 0; }),
            `has no token bucket at the gateway ${GATEWAY_NS}/public-gateway for ${HOST}:443`],
        ["a bucket for a misspelt host", (r) => replace(r, "rl", (p) => { p.spec.configPatches[1].match.routeConfiguration.vhost.name = "shop.exmple.com:443"; }),
            `for ${HOST}:443`],
    ];
    for (const [name, mutate, expected] of cases) {
        it(`reports ${name}`, async () => {
            const messages = await stackMessages(edgeRateLimit, mutate(baseline()));
            assert.ok(messages.some((m) => m.includes(expected)), messages.join("\n"));
        });
    }

    it("ignores VirtualServices for the mesh only", async () => {
        const internal = replace(baseline(), "frontend-public", (p) => { p.spec.gateways = ["mesh"]; }).filter((x) => x.name !== "rl" && x.name !== "orders-public");
        assert.deepStrictEqual(await stackMessages(edgeRateLimit, internal), []);
    });

    // The egress gateway's routes pass TLS through by SNI: no HTTP request reaches a rate limit or a token check.
    const passthroughOnly = (r: HarnessResource[]) => replace(r, "frontend-public", (p) => {
        delete p.spec.http;
        p.spec.tls = [{ match: [{ port: 443, sniHosts: [HOST] }], route: [{ destination: { host: HOST, port: { number: 443 } } }] }];
    }).filter((x) => x.name !== "rl" && x.name !== "orders-public");
    it("ignores a VirtualService with TLS passthrough routes only", async () => {
        assert.deepStrictEqual(await stackMessages(edgeRateLimit, passthroughOnly(baseline())), []);
    });
    it("still reports the same VirtualService once it has an HTTP route", async () => {
        const withHttp = replace(passthroughOnly(baseline()), "frontend-public", (p) => { p.spec.http = [{ route: [{ destination: { host: "frontend" } }] }]; });
        const messages = await stackMessages(edgeRateLimit, withHttp);
        assert.ok(messages.some((m) => m.includes("VirtualService shop/frontend-public: is public but no EnvoyFilter")), messages.join("\n"));
    });
});

describe("edge-jwt-authorization", () => {
    it("accepts a marked route denied without a token at its gateway, and ignores unmarked routes", async () => {
        assert.deepStrictEqual(await stackMessages(edgeJwtAuthorization, baseline()), []);
    });

    const cases: Array<[string, (r: HarnessResource[]) => HarnessResource[], string]> = [
        ["no gateway policy", (r) => r.filter((x) => x.name !== "deny"),
            `VirtualService shop/orders-public: requires a token but no DENY AuthorizationPolicy with notRequestPrincipals ["*"] in ${GATEWAY_NS} selects the gateway ${GATEWAY_NS}/public-gateway pods`],
        ["an ALLOW policy instead", (r) => replace(r, "deny", (p) => { p.spec.action = "ALLOW"; }), "no DENY AuthorizationPolicy"],
        ["a policy on other pods", (r) => replace(r, "deny", (p) => { p.spec.selector.matchLabels = { app: "frontend" }; }), "no DENY AuthorizationPolicy"],
        ["a policy in the service's namespace", (r) => replace(r, "deny", (p) => { p.metadata.namespace = "shop"; }), "no DENY AuthorizationPolicy"],
        ["a rule that only checks a claim", (r) => replace(r, "deny", (p) => { p.spec.rules[0].when = [{ key: "request.auth.claims[roles]", notValues: ["x"] }]; }), "no DENY AuthorizationPolicy"],
        ["a policy for another path", (r) => replace(r, "deny", (p) => { p.spec.rules[0].to[0].operation.paths = ["/api/payments", "/api/payments/*"]; }),
            `requires a token but the gateway ${GATEWAY_NS}/public-gateway policies leave open: ${HOST} /api/orders, ${HOST} /api/orders/*`],
        ["a host with a port left open", (r) => replace(r, "deny", (p) => { p.spec.rules[0].to[0].operation.hosts = [HOST]; }), `leave open: ${HOST}:* /api/orders`],
        ["no RequestAuthentication", (r) => r.filter((x) => x.name !== "ra"),
            `VirtualService shop/orders-public: requires a token but no RequestAuthentication in ${GATEWAY_NS} validates tokens on the gateway ${GATEWAY_NS}/public-gateway pods`],
        ["a route that grows past the policy", (r) => replace(r, "orders-public", (p) => { p.spec.http[0].match.push({ uri: { prefix: "/api/order-history" } }); }),
            "leave open: shop.example.com /api/order-history*"],
        ["a marked route on every path with a path-scoped policy", (r) => replace(r, "orders-public", (p) => { delete p.spec.http[0].match; }),
            `leave open: ${HOST}, ${HOST}:*`],
    ];
    for (const [name, mutate, expected] of cases) {
        it(`reports ${name}`, async () => {
            const messages = await stackMessages(edgeJwtAuthorization, mutate(baseline()));
            assert.ok(messages.some((m) => m.includes(expected)), messages.join("\n"));
        });
    }

    it("accepts a broader policy: every path of the host", async () => {
        const broad = replace(baseline(), "deny", (p) => { delete p.spec.rules[0].to[0].operation.paths; });
        assert.deepStrictEqual(await stackMessages(edgeJwtAuthorization, broad), []);
    });
});
