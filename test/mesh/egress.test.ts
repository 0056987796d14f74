// Controlled egress: payments reaches its payment provider through the path it declares (a
// ServiceEntry only its namespace sees, and NetworkPolicy egress on the declared port), in every
// stack; in staging and prod the mesh refuses every host nobody declared (REGISTRY_ONLY), and no
// other service's pods may leave the cluster at all.
import { strict as assert } from "assert";
import { ofType, RunResult, runOk } from "../harness";

const NETPOL = "kubernetes:networking.k8s.io/v1:NetworkPolicy";
const SERVICE_ENTRY = "kubernetes:networking.istio.io/v1:ServiceEntry";
const PROVIDER = "api.stripe.com";
const SHOP_SERVICES = ["frontend", "catalog", "orders", "payments"];
const EXPECTED_MODE: Record<string, string> = { dev: "ALLOW_ANY", staging: "REGISTRY_ONLY", prod: "REGISTRY_ONLY" };

const inShop = (run: RunResult, type: string) => ofType(run, type).filter((r) => r.inputs.metadata.namespace === "shop");

/** prod sends the declared hosts through its egress gateway (test/mesh/egressGateway.test.ts): the pods' one way out. */
const EGRESS_GATEWAY_PEER = { namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "istio-egress" } }, podSelector: { matchLabels: { istio: "egressgateway" } } };
const EXIT: Record<string, unknown> = { dev: { ipBlock: { cidr: "0.0.0.0/0" } }, staging: { ipBlock: { cidr: "0.0.0.0/0" } }, prod: EGRESS_GATEWAY_PEER };
const leaves = (peer: any) => peer.ipBlock || peer.namespaceSelector?.matchLabels?.["kubernetes.io/metadata.name"] === "istio-egress";

/** Egress rules of the shop's policies that select `service`'s pods and reach outside the pod network (or its egress gateway). */
function leavingRules(run: RunResult, service: string) {
    return inShop(run, NETPOL)
        .filter((p) => {
            const selector = p.inputs.spec.podSelector?.matchLabels ?? {};
            return Object.entries(selector).every(([k, v]) => k === "app.kubernetes.io/name" ? v === service : k === "app.kubernetes.io/instance" && v === service);
        })
        .flatMap((p) => p.inputs.spec.egress ?? [])
        .filter((rule: any) => (rule.to ?? []).some(leaves) || rule.to === undefined);
}

describe("controlled egress", () => {
    for (const stack of ["dev", "staging", "prod"]) {
        describe(stack, () => {
            it(`declares ${PROVIDER}:443 to the mesh for the shop namespace only`, () => {
                const entries = inShop(runOk(stack), SERVICE_ENTRY);
                assert.equal(entries.length, 1, "one ServiceEntry in shop");
                const spec = entries[0].inputs.spec;
                assert.deepEqual(spec.hosts, [PROVIDER]);
                assert.equal(spec.location, "MESH_EXTERNAL");
                assert.equal(spec.resolution, "DNS");
                assert.deepEqual(spec.exportTo, ["."], "visible to its own namespace only");
                assert.deepEqual(spec.ports.map((p: any) => [p.number, p.protocol]), [[443, "TLS"]]);
                assert.equal(entries[0].inputs.metadata.name, "payments-api-stripe-com");
            });

            it("lets only payments' pods leave the cluster, and only on 443", () => {
                const run = runOk(stack);
                const rules = leavingRules(run, "payments");
                assert.equal(rules.length, 1, "one egress rule for payments");
                assert.deepEqual(rules[0].ports, [{ protocol: "TCP", port: 443 }]);
                assert.deepEqual(rules[0].to, [EXIT[stack]]);
                for (const service of SHOP_SERVICES.filter((s) => s !== "payments")) {
                    assert.deepEqual(leavingRules(run, service), [], `${service} has no way out of the cluster`);
                }
                // Nothing namespace-wide opens the way out either.
                const namespaceWide = inShop(run, NETPOL).filter((p) => Object.keys(p.inputs.spec.podSelector ?? {}).length === 0)
                    .flatMap((p) => p.inputs.spec.egress ?? []).filter((rule: any) => (rule.to ?? []).some(leaves));
                assert.deepEqual(namespaceWide, []);
            });

            it(`sets the mesh's outbound policy to ${EXPECTED_MODE[stack]} in every control plane`, () => {
                const istiods = ofType(runOk(stack), "kubernetes:helm.sh/v4:Chart").filter((c) => c.name.startsWith("istiod"));
                assert.ok(istiods.length > 0);
                for (const chart of istiods) assert.deepEqual(chart.inputs.values.meshConfig.outboundTrafficPolicy, { mode: EXPECTED_MODE[stack] });
            });
        });
    }

    it("refuses an undeclared host in prod: the mesh knows no external host but the declared one", () => {
        const run = runOk("prod");
        // The declaring namespace's entry, and the egress gateway's copy in istio-egress.
        const known = ofType(run, SERVICE_ENTRY).flatMap((e) => e.inputs.spec.hosts);
        assert.deepEqual([...new Set(known)], [PROVIDER]);
        const istiod = ofType(run, "kubernetes:helm.sh/v4:Chart").find((c) => c.name.startsWith("istiod"))!;
        assert.equal(istiod.inputs.values.meshConfig.outboundTrafficPolicy.mode, "REGISTRY_ONLY", "a sidecar refuses every host not in the registry");
    });

    it("writes no ServiceEntry without the mesh, and still the NetworkPolicy egress", () => {
        const run = runOk("dev", { mesh: { enabled: false }, shop: { services: { catalog: { delivery: { strategy: "rolling" } } } } });
        assert.deepEqual(ofType(run, SERVICE_ENTRY), []);
        assert.equal(leavingRules(run, "payments").length, 1);
    });
});
