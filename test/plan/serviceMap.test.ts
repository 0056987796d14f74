// The service map of each stack: its edges are the shop's declared callers, every public route of
// the gateway appears, and the SVG Graphviz lays out parses and names every service.
import * as assert from "assert";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { SHOP_SERVICES } from "../../components/shop/topology";
import { buildServiceMap, SERVICE_MAP_MERMAID, SERVICE_MAP_SVG, toDot, writeServiceMap } from "../../scripts/plan/serviceMap";
import { DEFAULT_TEAMS } from "../../stacks/shared";
import { runOk, runStack } from "../harness";

/** Every text node of a parsed SVG. */
function texts(node: unknown): string[] {
    if (typeof node === "string" || typeof node === "number") return [String(node)];
    if (Array.isArray(node)) return node.flatMap(texts);
    if (node && typeof node === "object") return Object.values(node).flatMap(texts);
    return [];
}

describe("service map", function () {
    this.timeout(120000);
    const declared = SHOP_SERVICES.flatMap((s) => s.calls.map((c) => `shop/${s.name} -> shop/${c}`)).sort();

    for (const stack of ["dev", "staging", "prod"]) {
        describe(stack, () => {
            it("draws one edge per declared caller and every public route", () => {
                const run = runOk(stack);
                const map = buildServiceMap(run.resources);
                assert.deepStrictEqual(map.edges.map((e) => `${e.from} -> ${e.to}`).sort(), declared);
                assert.deepStrictEqual(map.services.map((s) => s.name).sort(), SHOP_SERVICES.map((s) => s.name).sort());
                // Routes bound to the ingress gateway (prod's egress route is bound to the egress gateway).
                const publicHosts = run.resources.filter((r) => r.type.endsWith(":VirtualService") && (r.inputs.spec.gateways ?? []).some((g: string) => g.startsWith("istio-ingress/")))
                    .flatMap((r) => r.inputs.spec.hosts as string[]);
                assert.ok(publicHosts.length > 0);
                assert.deepStrictEqual([...new Set(map.routes.map((r) => r.host))].sort(), [...new Set(publicHosts)].sort());
                const publicServices = SHOP_SERVICES.filter((s) => s.public).map((s) => `shop/${s.name}`);
                assert.deepStrictEqual([...new Set(map.routes.map((r) => r.to))].sort(), publicServices.sort());
            });

            it("writes an SVG that parses and names every service, and Mermaid source", async () => {
                const run = runOk(stack);
                const dir = fs.mkdtempSync(path.join(os.tmpdir(), "service-map-"));
                try {
                    const { map } = await writeServiceMap(dir, run.resources);
                    const svg = fs.readFileSync(path.join(dir, SERVICE_MAP_SVG), "utf8");
                    assert.strictEqual(XMLValidator.validate(svg), true);
                    const words = texts(new XMLParser({ ignoreAttributes: true }).parse(svg));
                    for (const s of SHOP_SERVICES) assert.ok(words.includes(s.name), `the SVG names ${s.name}`);
                    for (const r of map.routes) assert.ok(words.some((w) => w.includes(r.host)), `the SVG shows route ${r.host}`);
                    const mermaid = fs.readFileSync(path.join(dir, SERVICE_MAP_MERMAID), "utf8");
                    assert.match(mermaid, /^flowchart LR/);
                    for (const s of SHOP_SERVICES) assert.ok(mermaid.includes(`["${s.name}<br/>`), `Mermaid names ${s.name}`);
                } finally {
                    fs.rmSync(dir, { recursive: true, force: true });
                }
            });
        });
    }

    it("shows staging's canary weights, automated canary, blue-green strategy, SLOs and replica ranges", () => {
        const run = runOk("staging");
        const map = buildServiceMap(run.resources);
        const catalog = map.services.find((s) => s.name === "catalog")!;
        const vs = run.resources.find((r) => r.type.endsWith(":VirtualService") && r.inputs.metadata.name === "catalog")!;
        const split = vs.inputs.spec.http.find((h: any) => !h.match).route.map((r: any) => `${r.destination.subset} ${r.weight}%`).join(" / ");
        assert.strictEqual(catalog.strategy, "canary");
        assert.strictEqual(catalog.weights, split);
        assert.strictEqual(map.services.find((s) => s.name === "payments")!.strategy, "blue-green");
        const hpa = run.resources.find((r) => r.type.endsWith(":HorizontalPodAutoscaler") && r.inputs.metadata.name === "orders")!;
        const orders = map.services.find((s) => s.name === "orders")!;
        assert.strictEqual(orders.replicas, `${hpa.inputs.spec.minReplicas}-${hpa.inputs.spec.maxReplicas}`);
        // staging's orders (stacks/staging/profile.ts): 25% a minute, up to 75%.
        assert.deepStrictEqual([orders.strategy, orders.weights], ["progressive", "canary 25-75% in 3 steps of 1m"]);
        assert.ok(map.services.every((s) => /^\d+(\.\d+)?%$/.test(s.slo ?? "")));
    });

    it("shows each namespace's quota headroom at the HPA maximum", () => {
        const run = runOk("prod");
        const map = buildServiceMap(run.resources);
        // prod's shop: 4 services, each autoscaled to at most 10 pods. Three roll out with maxSurge 25%
        // (Kubernetes rounds a surge up: 3 extra pods at 10); orders's canary reaches 50% of the
        // traffic, so 5 canary pods beside its 10 stable ones. 3 x 13 + 15 = 54 pods at the peak, in a
        // team quota of 300 pods (stacks/prod/profile.ts): 246 to spare.
        assert.ok(map.headroom.shop.includes("pods 246 of 300"), map.headroom.shop.join("; "));
        assert.match(toDot(map), /quota headroom at HPA max:\\n/);
    });

    it("marks JWT and rate limits on the gateway when resources provide them", () => {
        const run = runOk("prod");
        const extra = [
            { type: "kubernetes:security.istio.io/v1:RequestAuthentication", inputs: { metadata: { name: "edge-jwt", namespace: "istio-ingress" }, spec: { selector: { matchLabels: { istio: "ingressgateway" } } } } },
            { type: "kubernetes:networking.istio.io/v1alpha3:EnvoyFilter", inputs: { metadata: { name: "edge-rate-limit", namespace: "istio-ingress" }, spec: { workloadSelector: { labels: { istio: "ingressgateway" } }, configPatches: [{ patch: { value: { name: "envoy.filters.http.local_ratelimit" } } }] } } },
        ].map((r, i) => ({ ...run.resources[0], ...r, name: r.inputs.metadata.name, urn: `urn:test:${i}` }));
        const edgeControls = (r: { type: string }) => r.type.endsWith(":RequestAuthentication") || r.type.endsWith(":EnvoyFilter");
        const bare = run.resources.filter((r) => !edgeControls(r));
        assert.ok(buildServiceMap(bare).routes.every((r) => !r.jwt && !r.rateLimit));
        assert.ok(buildServiceMap(run.resources).routes.every((r) => r.rateLimit), "prod's own edge limits mark every route");
        const marked = buildServiceMap([...bare, ...extra]);
        assert.ok(marked.routes.length > 0 && marked.routes.every((r) => r.jwt && r.rateLimit));
        assert.match(toDot(marked), /\[JWT, rate limit\]/);
    });

    it("draws a call between teams that both sides declare, and none that only one side declares", () => {
        const [shop, data] = DEFAULT_TEAMS;
        const caller = "synthetic-0001"; // the one synthetic service, in the data team's namespace
        const mapOf = (shopServices: object, dataServices: object) => {
            const run = runStack("prod", { tenancy: { teams: [{ ...shop, services: shopServices }, { ...data, services: dataServices }] } }, { syntheticServices: 1 });
            assert.equal(run.error, undefined, run.error);
            // The synthetic service runs without the mesh; its route, as the mesh would give it, makes it a node of the map.
            const host = `${caller}.data.svc.cluster.local`;
            const route = { type: "kubernetes:networking.istio.io/v1:VirtualService", name: `${caller}-route`, urn: `urn:test::${caller}-route`, custom: true,
                dependencies: [], protect: false, retainOnDelete: false, aliases: 0, serializedInputs: {},
                inputs: { metadata: { name: caller, namespace: "data" }, spec: { hosts: [host], http: [{ route: [{ destination: { host } }] }] } } };
            return buildServiceMap([...run.resources, route]).edges.map((e) => `${e.from} -> ${e.to}`).filter((e) => e.startsWith("data/"));
        };
        assert.deepStrictEqual(mapOf({ orders: { accepts: [`data/${caller}`] } }, { [caller]: { calls: ["shop/orders"] } }), [`data/${caller} -> shop/orders`]);
        assert.deepStrictEqual(mapOf({}, { [caller]: { calls: ["shop/orders"] } }), []);
    });
});
