import * as assert from "assert";
import { meshMtls } from "../../policy/policies";
import { resource } from "./fixtures/pods";
import { resourceMessages } from "./policyCall";

const peerAuthentication = (spec: Record<string, any>) => resource("kubernetes:security.istio.io/v1:PeerAuthentication", "mtls",
    { metadata: { name: "default", namespace: "shop" }, spec });
const destinationRule = (host: string, trafficPolicy: Record<string, any>, subsets?: Record<string, any>[]) =>
    resource("kubernetes:networking.istio.io/v1:DestinationRule", "dr", { metadata: { name: "cart", namespace: "shop" }, spec: { host, trafficPolicy, subsets } });

describe("mesh-mtls", () => {
    it("accepts STRICT and UNSET under STRICT, PERMISSIVE under PERMISSIVE", async () => {
        assert.deepStrictEqual(await resourceMessages(meshMtls, peerAuthentication({ mtls: { mode: "STRICT" } }), { minimumMode: "STRICT" }), []);
        assert.deepStrictEqual(await resourceMessages(meshMtls, peerAuthentication({ mtls: { mode: "UNSET" } }), { minimumMode: "STRICT" }), []);
        assert.deepStrictEqual(await resourceMessages(meshMtls, peerAuthentication({ mtls: { mode: "PERMISSIVE" } }), { minimumMode: "PERMISSIVE" }), []);
    });

    it("reports a PeerAuthentication weaker than the stack's mode", async () => {
        assert.deepStrictEqual(await resourceMessages(meshMtls, peerAuthentication({ mtls: { mode: "PERMISSIVE" } }), { minimumMode: "STRICT" }),
            ["PeerAuthentication shop/default: sets mtls.mode PERMISSIVE, weaker than this stack's minimum STRICT"]);
        assert.strictEqual((await resourceMessages(meshMtls, peerAuthentication({ mtls: { mode: "DISABLE" } }), { minimumMode: "PERMISSIVE" })).length, 1);
    });

    it("reports a weaker port-level mode", async () => {
        const spec = { mtls: { mode: "STRICT" }, portLevelMtls: { 9797: { mode: "DISABLE" } } };
        assert.deepStrictEqual(await resourceMessages(meshMtls, peerAuthentication(spec), { minimumMode: "STRICT" }),
            ["PeerAuthentication shop/default: sets portLevelMtls[9797].mode DISABLE, weaker than this stack's minimum STRICT"]);
    });

    it("accepts ISTIO_MUTUAL to mesh hosts and SIMPLE to external hosts", async () => {
        assert.deepStrictEqual(await resourceMessages(meshMtls, destinationRule("cart", { tls: { mode: "ISTIO_MUTUAL" } })), []);
        assert.deepStrictEqual(await resourceMessages(meshMtls, destinationRule("api.stripe.com", { tls: { mode: "SIMPLE" } })), []);
    });

    const weakening: Array<[string, ReturnType<typeof destinationRule>, string]> = [
        ["DISABLE to a short name", destinationRule("cart", { tls: { mode: "DISABLE" } }), 'sets trafficPolicy.tls.mode DISABLE for mesh host "cart"'],
        ["SIMPLE to a cluster FQDN", destinationRule("cart.shop.svc.cluster.local", { tls: { mode: "SIMPLE" } }), "trafficPolicy.tls.mode SIMPLE"],
        ["DISABLE on one port", destinationRule("cart.shop.svc", { portLevelSettings: [{ port: { number: 9898 }, tls: { mode: "DISABLE" } }] }),
            "trafficPolicy.portLevelSettings[port 9898].tls.mode DISABLE"],
        ["DISABLE in a subset", destinationRule("*.shop.svc.cluster.local", {}, [{ name: "v2", trafficPolicy: { tls: { mode: "DISABLE" } } }]),
            "subsets[v2].trafficPolicy.tls.mode DISABLE"],
        ["DISABLE to every host", destinationRule("*", { tls: { mode: "DISABLE" } }), 'for mesh host "*"'],
    ];
    for (const [name, rule, expected] of weakening) {
        it(`reports ${name}`, async () => {
            const messages = await resourceMessages(meshMtls, rule, { minimumMode: "PERMISSIVE" });
            assert.strictEqual(messages.length, 1);
            assert.ok(messages[0].startsWith("DestinationRule shop/cart: ") && messages[0].includes(expected), messages[0]);
        });
    }

    const rootPeerAuthentication = (spec: Record<string, any>) => resource("kubernetes:security.istio.io/v1:PeerAuthentication", "root",
        { metadata: { name: "default", namespace: "istio-system" }, spec });

    it("reports an UNSET PeerAuthentication at the mesh root under STRICT, which Istio treats as PERMISSIVE", async () => {
        for (const spec of [{ mtls: { mode: "UNSET" } }, {}]) {
            const [message] = await resourceMessages(meshMtls, rootPeerAuthentication(spec), { minimumMode: "STRICT" });
            assert.match(message, /^PeerAuthentication istio-system\/default: leaves mtls.mode (UNSET|unset) at the mesh root, which Istio treats as PERMISSIVE, weaker than this stack's minimum STRICT$/);
        }
        assert.deepStrictEqual(await resourceMessages(meshMtls, rootPeerAuthentication({ mtls: { mode: "UNSET" } }), { minimumMode: "PERMISSIVE" }), []);
        assert.deepStrictEqual(await resourceMessages(meshMtls, rootPeerAuthentication({ mtls: { mode: "STRICT" } }), { minimumMode: "STRICT" }), []);
    });

    const authorizationPolicy = (namespace: string, spec: Record<string, any>) => resource("kubernetes:security.istio.io/v1:AuthorizationPolicy", "authz",
        { metadata: { name: "allow", namespace }, spec });

    it("accepts AuthorizationPolicies that allow named sources, and DENY rules", async () => {
        const named = { selector: { matchLabels: { app: "cart" } }, rules: [{ from: [{ source: { principals: ["cluster.local/ns/shop/sa/web"] } }] }] };
        assert.deepStrictEqual(await resourceMessages(meshMtls, authorizationPolicy("shop", named), { minimumMode: "STRICT" }), []);
        assert.deepStrictEqual(await resourceMessages(meshMtls, authorizationPolicy("shop", { action: "DENY", rules: [{}] }), { minimumMode: "STRICT" }), []);
        assert.deepStrictEqual(await resourceMessages(meshMtls, authorizationPolicy("shop", {}), { minimumMode: "STRICT" }), []);
    });

    it("reports an AuthorizationPolicy that allows everything, and says when it opens the whole mesh", async () => {
        assert.deepStrictEqual(await resourceMessages(meshMtls, authorizationPolicy("shop", { rules: [{}] }), { minimumMode: "STRICT" }),
            ["AuthorizationPolicy shop/allow: rule 1 has no from, to or when, so it allows every request to every workload it selects"]);
        assert.deepStrictEqual(await resourceMessages(meshMtls, authorizationPolicy("istio-system", { action: "ALLOW", rules: [{ from: [] }] }), { minimumMode: "STRICT" }),
            ["AuthorizationPolicy istio-system/allow: rule 1 has no from, to or when, so it allows every request to every workload of the mesh (mesh root namespace)"]);
    });
});
