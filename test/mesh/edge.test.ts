// Edge security on the ingress gateway, per stack: one RequestAuthentication with the stack's
// issuers, a local rate limit for every public host on every gateway port with the stack's
// numbers, and dev's generated issuer, whose key signs tokens the published JWKS verifies.
// With the mesh off, none of it.
import { strict as assert } from "assert";
import { createLocalJWKSet, exportPKCS8, generateKeyPair, jwtVerify } from "jose";
import { issuerKeyFrom, mintDevToken } from "../../scripts/dev-token/mint";
import { MESH_OFF, ofType, RecordedResource, ResolvedValue, runOk, RunResult } from "../harness";
import { isWrappedSecret, unwrapSecrets } from "../harness/wire";

const TYPES = {
    requestAuthentication: "kubernetes:security.istio.io/v1:RequestAuthentication",
    envoyFilter: "kubernetes:networking.istio.io/v1alpha3:EnvoyFilter",
    gateway: "kubernetes:networking.istio.io/v1:Gateway",
    secret: "kubernetes:core/v1:Secret",
    privateKey: "tls:index/privateKey:PrivateKey",
};
const GATEWAY_NAMESPACE = "istio-ingress";
const GATEWAY_POD_LABELS = { istio: "ingressgateway" };
const LOCAL_RATE_LIMIT = "envoy.filters.http.local_ratelimit";

// Restated from the profiles on purpose: what each stack trusts and how fast its hosts may be called.
const EXPECTED: Record<string, { issuers: string[]; host: string; bucket: { tokens: number; fill: string; burst: number } }> = {
    dev: { issuers: ["https://local-issuer.platform.invalid"], host: "shop.localtest.me", bucket: { tokens: 50, fill: "60s", burst: 50 } },
    staging: { issuers: ["https://login.example.com/realms/shop-staging"], host: "shop.staging.example.com", bucket: { tokens: 300, fill: "60s", burst: 600 } },
    prod: { issuers: ["https://login.example.com/realms/shop"], host: "shop.example.com", bucket: { tokens: 1200, fill: "60s", burst: 2400 } },
};

/** The one object of `type` (in `namespace`, when given: tenant namespaces validate tokens too). */
const only = (run: RunResult, type: string, namespace?: string): RecordedResource => {
    const found = ofType(run, type).filter((r) => namespace === undefined || r.inputs.metadata?.namespace === namespace);
    assert.equal(found.length, 1, `one ${type}, found ${found.length}`);
    return found[0];
};
const unwrap = (v: ResolvedValue): any => unwrapSecrets(v);

for (const stack of Object.keys(EXPECTED)) {
    const expected = EXPECTED[stack];
    describe(`edge security at the gateway (${stack})`, () => {
        it("validates tokens of exactly the configured issuers on the gateway pods", () => {
            const ra = only(runOk(stack), TYPES.requestAuthentication, GATEWAY_NAMESPACE).inputs;
            assert.equal(ra.metadata.namespace, GATEWAY_NAMESPACE);
            assert.deepEqual(ra.spec.selector.matchLabels, GATEWAY_POD_LABELS);
            assert.deepEqual(ra.spec.jwtRules.map((r: any) => r.issuer), expected.issuers);
            for (const rule of ra.spec.jwtRules) assert.equal([rule.jwksUri, rule.jwks].filter(Boolean).length, 1, "one key source");
        });

        it("takes staging's and prod's issuer from config, audiences and forwarded claims included", () => {
            if (stack === "dev") return;
            const issuer = { issuer: "https://idp.acme.test/realms/edge", jwksUri: "https://idp.acme.test/realms/edge/certs", audiences: ["shop", "admin"], forwardOriginalToken: true };
            const run = runOk(stack, { mesh: { edgeAuth: { localIssuer: false, issuers: [issuer] } } });
            assert.deepEqual(only(run, TYPES.requestAuthentication, GATEWAY_NAMESPACE).inputs.spec.jwtRules, [issuer]);
        });

        it(`limits every public host on every gateway port: ${expected.bucket.tokens} per ${expected.bucket.fill}, burst ${expected.bucket.burst}`, () => {
            const run = runOk(stack);
            const filter = only(run, TYPES.envoyFilter).inputs;
            assert.equal(filter.metadata.namespace, GATEWAY_NAMESPACE);
            assert.deepEqual(filter.spec.workloadSelector.labels, GATEWAY_POD_LABELS);
            const patches: any[] = filter.spec.configPatches;
            const insert = patches.filter((p) => p.applyTo === "HTTP_FILTER");
            assert.deepEqual(insert.map((p) => [p.patch.operation, p.patch.value.name, p.match.listener.filterChain.filter.subFilter.name]),
                [["INSERT_BEFORE", LOCAL_RATE_LIMIT, "envoy.filters.http.router"]]);
            assert.equal(insert[0].patch.value.typed_config.token_bucket, undefined, "the filter itself limits nothing");
            const ports = only(run, TYPES.gateway, GATEWAY_NAMESPACE).inputs.spec.servers.map((s: any) => s.port.number).sort();
            const vhosts = patches.filter((p) => p.applyTo === "VIRTUAL_HOST");
            assert.deepEqual(vhosts.map((p) => p.match.routeConfiguration.vhost.name).sort(), ports.map((p: number) => `${expected.host}:${p}`).sort());
            for (const p of vhosts) {
                const config = p.patch.value.typed_per_filter_config[LOCAL_RATE_LIMIT];
                assert.deepEqual(config.token_bucket, { max_tokens: expected.bucket.burst, tokens_per_fill: expected.bucket.tokens, fill_interval: expected.bucket.fill });
                assert.equal(config.enable_x_ratelimit_headers, "DRAFT_VERSION_03");
                assert.deepEqual([config.filter_enabled.default_value, config.filter_enforced.default_value],
                    [{ numerator: 100, denominator: "HUNDRED" }, { numerator: 100, denominator: "HUNDRED" }]);
            }
        });

        it("gives one host its own bucket from mesh.rateLimit.hosts", () => {
            const run = runOk(stack, { mesh: { rateLimit: { hosts: { [expected.host]: { requestsPerUnit: 5, unit: "second", burst: 10 } } } } });
            const vhosts = only(run, TYPES.envoyFilter).inputs.spec.configPatches.filter((p: any) => p.applyTo === "VIRTUAL_HOST");
            for (const p of vhosts) {
                assert.deepEqual(p.patch.value.typed_per_filter_config[LOCAL_RATE_LIMIT].token_bucket, { max_tokens: 10, tokens_per_fill: 5, fill_interval: "1s" });
            }
        });

        it("has no edge objects with the mesh off", () => {
            const run = runOk(stack, MESH_OFF);
            for (const type of [TYPES.requestAuthentication, TYPES.envoyFilter, TYPES.privateKey]) assert.deepEqual(ofType(run, type), [], type);
            assert.ok(!run.resources.some((r) => r.inputs?.metadata?.namespace === GATEWAY_NAMESPACE));
        });

        it("has no rate limit with mesh.rateLimit.enabled false", () => {
            assert.deepEqual(ofType(runOk(stack, { mesh: { rateLimit: { enabled: false } } }), TYPES.envoyFilter), []);
        });
    });
}

describe("dev's local issuer", () => {
    const run = () => runOk("dev");
    const published = () => JSON.parse(only(run(), TYPES.requestAuthentication, GATEWAY_NAMESPACE).inputs.spec.jwtRules[0].jwks);
    const issuerKey = () => issuerKeyFrom(JSON.stringify(unwrap(run().outputs.operators)));

    it("signs tokens the JWKS published to the gateway verifies, for its issuer and audience", async () => {
        const key = issuerKey();
        const token = await mintDevToken(key, { subject: "alice", claims: { roles: ["payment-processor"] } });
        const { payload, protectedHeader } = await jwtVerify(token, createLocalJWKSet(published()), { issuer: key.issuer, audience: key.audience });
        assert.equal(payload.sub, "alice");
        assert.deepEqual(payload.roles, ["payment-processor"]);
        assert.equal(protectedHeader.alg, published().keys[0].alg);
    });

    it("refuses a token signed by another key", async () => {
        const other = await generateKeyPair("ES256", { extractable: true });
        const forged = await mintDevToken({ ...issuerKey(), privateKeyPem: await exportPKCS8(other.privateKey) }, { subject: "mallory" });
        await assert.rejects(jwtVerify(forged, createLocalJWKSet(published())), /signature verification failed|no applicable key/i);
    });

    it("reads the same key from the cluster Secret", async () => {
        const secret = ofType(run(), TYPES.secret).find((s) => s.inputs.metadata.name === "edge-local-issuer")!;
        assert.equal(secret.inputs.metadata.namespace, "istio-system");
        const data = Object.fromEntries(Object.entries(unwrapSecrets(secret.serializedInputs.stringData) as Record<string, string>).map(([k, v]) => [k, Buffer.from(v).toString("base64")]));
        assert.deepEqual(issuerKeyFrom(JSON.stringify({ kind: "Secret", data })), issuerKey());
    });

    it("keeps the private key secret: a secret output, a secret Secret input, a public JWKS only", () => {
        const r = run();
        const operators = r.outputs.operators as Record<string, any>;
        assert.ok(isWrappedSecret(operators.edgeLocalIssuer.privateKeyPem), "a secret output");
        const secret = ofType(r, TYPES.secret).find((s) => s.inputs.metadata.name === "edge-local-issuer")!;
        const data = secret.serializedInputs.stringData;
        assert.ok(isWrappedSecret(data) || isWrappedSecret(data["private-key.pem"]), "the key travels as a secret");
        for (const key of published().keys) assert.equal(key.d, undefined, "no private part in the JWKS");
        const pem = issuerKey().privateKeyPem;
        assert.ok(r.secretValues.includes(pem), "the harness scans every input and output for it");
    });

    it("is dev's only: staging and prod generate no key", () => {
        for (const stack of ["staging", "prod"]) assert.deepEqual(ofType(runOk(stack), TYPES.privateKey), []);
    });
});
