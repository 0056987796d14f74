// The edge keys of platform:mesh: issuers, rate limits and Kiali. Every mistake is refused
// before any resource is registered, naming the key and what is accepted.
import { strict as assert } from "assert";
import { generateKeyPairSync } from "crypto";
import { ConfigError, resolvePlatformConfig } from "../../infra/config";

const resolve = (mesh: unknown, stack = "prod") =>
    resolvePlatformConfig({ stack, values: { mesh: JSON.stringify(mesh) }, secretKeys: new Set() });

function refuses(mesh: unknown, ...expected: RegExp[]): void {
    assert.throws(() => resolve(mesh), (e: unknown) => {
        assert.ok(e instanceof ConfigError, `expected a ConfigError, got ${e}`);
        for (const pattern of expected) assert.match(e.message, pattern);
        return true;
    });
}

const keyPair = () => generateKeyPairSync("ec", { namedCurve: "P-256" });
const publicJwks = () => JSON.stringify({ keys: [{ ...keyPair().publicKey.export({ format: "jwk" }), kid: "k1" }] });
const issuer = (fields: Record<string, unknown>) => ({ edgeAuth: { localIssuer: false, issuers: [{ issuer: "https://idp.test/", ...fields }] } });

describe("mesh.edgeAuth", () => {
    it("accepts an issuer with a JWKS URI, or with its keys inline", () => {
        assert.equal(resolve(issuer({ jwksUri: "https://idp.test/certs" })).mesh.edgeAuth.issuers[0].jwksUri, "https://idp.test/certs");
        const jwks = publicJwks();
        assert.equal(resolve(issuer({ jwks })).mesh.edgeAuth.issuers[0].jwks, jwks);
    });

    it("refuses an issuer that is not a URL", () => {
        refuses({ edgeAuth: { localIssuer: false, issuers: [{ issuer: "idp.test", jwksUri: "https://idp.test/certs" }] } },
            /platform:mesh\.edgeAuth\.issuers\[0\]\.issuer: must be an http\(s\) URL, e\.g\. https:\/\/login\.example\.com\/realms\/shop \(got "idp\.test"\)/);
        refuses(issuer({ jwksUri: "ftp://idp.test/certs" }), /platform:mesh\.edgeAuth\.issuers\[0\]\.jwksUri: must be an http\(s\) URL/);
    });

    it("refuses a JWKS that does not parse", () => {
        refuses(issuer({ jwks: "{keys:" }), /platform:mesh\.edgeAuth\.issuers\[0\]\.jwks: is not JSON/);
        refuses(issuer({ jwks: JSON.stringify({ kty: "EC" }) }), /issuers\[0\]\.jwks: must be a JWKS: \{ "keys": \[ <JWK>, \.\.\. \] \}/);
        refuses(issuer({ jwks: JSON.stringify({ keys: [{ kty: "EC", crv: "P-256", x: "AAAA" }] }) }), /issuers\[0\]\.jwks: keys\[0\] is not a public key/);
    });

    it("refuses a JWKS holding a private key", () => {
        const jwk = keyPair().privateKey.export({ format: "jwk" });
        refuses(issuer({ jwks: JSON.stringify({ keys: [jwk] }) }), /issuers\[0\]\.jwks: keys\[0\] holds private key material/);
    });

    it("refuses an issuer with both or neither key source, a duplicate, a bad header or a misspelt key", () => {
        refuses(issuer({ jwksUri: "https://idp.test/certs", jwks: publicJwks() }), /issuers\[0\]\.jwksUri: set exactly one of jwksUri .* and jwks/);
        refuses(issuer({}), /issuers\[0\]\.jwksUri: set exactly one of jwksUri/);
        const one = { issuer: "https://idp.test/", jwksUri: "https://idp.test/certs" };
        refuses({ edgeAuth: { localIssuer: false, issuers: [one, one] } }, /issuers\[1\]\.issuer: issuer "https:\/\/idp\.test\/" is listed twice/);
        refuses(issuer({ jwksUri: "https://idp.test/certs", outputClaimToHeaders: [{ header: "x sub", claim: "sub" }] }),
            /outputClaimToHeaders\[0\]\.header: must be an HTTP header name/);
        refuses(issuer({ jwksUri: "https://idp.test/certs", audience: ["shop"] }), /issuers\[0\]\.audience: unknown key; accepted: issuer, jwksUri, jwks, audiences/);
    });
});

describe("mesh.rateLimit", () => {
    it("merges a stack's numbers onto the profile", () => {
        const r = resolve({ rateLimit: { default: { requestsPerUnit: 10, unit: "second", burst: 20 } } }).mesh.rateLimit;
        assert.deepEqual(r, { enabled: true, default: { requestsPerUnit: 10, unit: "second", burst: 20 } });
    });

    it("refuses impossible buckets", () => {
        refuses({ rateLimit: { default: { requestsPerUnit: 0 } } }, /platform:mesh\.rateLimit\.default\.requestsPerUnit: must be at least 1 \(got 0\)/);
        refuses({ rateLimit: { default: { requestsPerUnit: 1.5 } } }, /rateLimit\.default\.requestsPerUnit: must be a whole number/);
        refuses({ rateLimit: { default: { unit: "day" } } }, /rateLimit\.default\.unit: .*"second"\|"minute"\|"hour"|rateLimit\.default\.unit: .*second.*minute.*hour/);
        refuses({ rateLimit: { default: { requestsPerUnit: 100, burst: 10 } } },
            /platform:mesh\.rateLimit\.default\.burst: must be at least requestsPerUnit \(100\): it is the bucket's size/);
    });

    it("refuses a per-host bucket for a host the gateway does not serve", () => {
        refuses({ rateLimit: { hosts: { "shop.exmple.com": { requestsPerUnit: 5, unit: "second", burst: 5 } } } },
            /platform:mesh\.rateLimit\.hosts\.shop\.exmple\.com: is not a gateway host; accepted: shop\.example\.com/);
    });
});

describe("mesh.kiali", () => {
    it("is on by default wherever the mesh is, anonymous only in dev", () => {
        for (const [stack, auth, viewOnly] of [["dev", "anonymous", true], ["staging", "token", false], ["prod", "token", true]] as const) {
            const k = resolve({}, stack).mesh.kiali;
            assert.deepEqual([k.enabled, k.auth, k.viewOnly], [true, auth, viewOnly], stack);
        }
    });

    it("refuses an unknown auth strategy, zero replicas and malformed resources", () => {
        refuses({ kiali: { auth: "openshift" } }, /platform:mesh\.kiali\.auth: .*anonymous.*token/);
        refuses({ kiali: { replicas: 0 } }, /platform:mesh\.kiali\.replicas: must be at least 1 \(got 0\)/);
        refuses({ kiali: { resources: { requests: { cpu: "1 core" } } } }, /platform:mesh\.kiali\.resources\.requests\.cpu: must be a Kubernetes quantity/);
    });
});
