// The egress gateway (platform:mesh.egressGateway): in prod every declared TLS host leaves through
// one audited exit, a second release of the pinned gateway chart in istio-egress, after Istio's
// TLS passthrough pattern (a Gateway passing the hosts' TLS through by SNI, a VirtualService bound
// to the mesh and to it, a ServiceEntry where the gateway needs the host). The platform owns those
// objects, in its own namespace; the declaring service's pods may reach only the gateway's pods.
// dev and staging keep the direct path. Run as the real program per stack.
import { strict as assert } from "assert";
import { ofType, RecordedResource, runOk, runStack, RunResult } from "../harness";

const CHART = "kubernetes:helm.sh/v4:Chart";
const NAMESPACE = "kubernetes:core/v1:Namespace";
const NETPOL = "kubernetes:networking.k8s.io/v1:NetworkPolicy";
const GATEWAY = "kubernetes:networking.istio.io/v1:Gateway";
const VIRTUAL_SERVICE = "kubernetes:networking.istio.io/v1:VirtualService";
const SERVICE_ENTRY = "kubernetes:networking.istio.io/v1:ServiceEntry";
const DESTINATION_RULE = "kubernetes:networking.istio.io/v1:DestinationRule";

// Independent expectations, restated on purpose.
const EGRESS_NS = "istio-egress";
const RELEASE = "istio-egressgateway";
const GATEWAY_SERVICE = "istio-egressgateway.istio-egress.svc.cluster.local";
const SELECTOR = { istio: "egressgateway" };
const PROVIDER = "api.stripe.com";
const STRIPE = { host: PROVIDER, port: 443, protocol: "TLS" };

const inNamespace = (resources: RecordedResource[], ns: string) => resources.filter((r) => r.inputs.metadata?.namespace === ns);
const named = (resources: RecordedResource[], name: string) => resources.filter((r) => r.inputs.metadata?.name === name);
const egressRelease = (run: RunResult) => ofType(run, CHART).filter((c) => c.inputs.namespace === EGRESS_NS);
const policyOf = (run: RunResult, ns: string, name: string) => {
    const found = named(inNamespace(ofType(run, NETPOL), ns), name);
    assert.equal(found.length, 1, `one NetworkPolicy ${ns}/${name}`);
    return found[0].inputs.spec;
};
/** prod with payments declaring `external` through the stack config (replacing the topology's). */
const prodWith = (external: unknown[]) => runStack("prod", { shop: { services: { payments: { external } } } });

describe("egress gateway", () => {
    describe("prod", () => {
        it(`installs a second release of the pinned gateway chart in ${EGRESS_NS}: ClusterIP, restricted, sized, with a disruption budget`, () => {
            const run = runOk("prod");
            const releases = egressRelease(run);
            assert.equal(releases.length, 1);
            const [release] = releases;
            assert.equal(release.name, RELEASE, "the release name names its Deployment, Service and ServiceAccount");
            const ingress = ofType(run, CHART, "istio-ingressgateway")[0];
            assert.equal(release.inputs.chart, ingress.inputs.chart, "the same pinned chart as the ingress gateway");
            assert.equal(release.inputs.version, ingress.inputs.version);
            const values = release.inputs.values;
            assert.equal(values.service.type, "ClusterIP", "no load balancer: reached from inside the cluster only");
            assert.deepEqual(values.service.ports.map((p: any) => [p.name, p.port, p.targetPort]),
                [["status-port", 15021, 15021], ["tls-443", 443, 443]]);
            assert.deepEqual(values.autoscaling, { minReplicas: 3, maxReplicas: 6 });
            assert.deepEqual(values.podDisruptionBudget, { maxUnavailable: 1 });
            assert.deepEqual(values.podDisruptionBudget, ingress.inputs.values.podDisruptionBudget, "the ingress gateway's budget");
            assert.deepEqual(values.resources, ingress.inputs.values.resources, "sized like the ingress gateway");
            assert.equal(values.securityContext.runAsNonRoot, true);
            assert.deepEqual(values.containerSecurityContext, ingress.inputs.values.containerSecurityContext);
            assert.deepEqual(values.revision, ingress.inputs.values.revision);
        });

        it(`creates ${EGRESS_NS} restricted and meshed`, () => {
            const ns = named(ofType(runOk("prod"), NAMESPACE), EGRESS_NS);
            assert.equal(ns.length, 1);
            const labels = ns[0].inputs.metadata.labels;
            assert.equal(labels["pod-security.kubernetes.io/enforce"], "restricted");
            assert.equal(labels["istio.io/rev"], "1-29");
        });

        it(`passes ${PROVIDER}'s TLS through by SNI on the platform's Gateway`, () => {
            const gateways = inNamespace(ofType(runOk("prod"), GATEWAY), EGRESS_NS);
            assert.equal(gateways.length, 1);
            assert.equal(gateways[0].inputs.metadata.name, "egress-gateway");
            const spec = gateways[0].inputs.spec;
            assert.deepEqual(spec.selector, SELECTOR);
            assert.deepEqual(spec.servers, [{
                port: { number: 443, name: "tls-443", protocol: "TLS" },
                hosts: [`${EGRESS_NS}/${PROVIDER}`],
                tls: { mode: "PASSTHROUGH" },
            }]);
        });

        it("routes the sidecars to the gateway and the gateway to the host, visible to the declaring namespace and the gateway's only", () => {
            const services = inNamespace(ofType(runOk("prod"), VIRTUAL_SERVICE), EGRESS_NS);
            assert.equal(services.length, 1);
            const spec = services[0].inputs.spec;
            assert.equal(services[0].inputs.metadata.name, "egress-api-stripe-com");
            assert.deepEqual(spec.hosts, [PROVIDER]);
            assert.deepEqual(spec.gateways, ["mesh", `${EGRESS_NS}/egress-gateway`]);
            assert.deepEqual([...spec.exportTo].sort(), [EGRESS_NS, "shop"]);
            assert.deepEqual(spec.tls, [
                { match: [{ gateways: ["mesh"], port: 443, sniHosts: [PROVIDER] }], route: [{ destination: { host: GATEWAY_SERVICE, port: { number: 443 } }, weight: 100 }] },
                { match: [{ gateways: [`${EGRESS_NS}/egress-gateway`], port: 443, sniHosts: [PROVIDER] }], route: [{ destination: { host: PROVIDER, port: { number: 443 } }, weight: 100 }] },
            ]);
            assert.equal(spec.http, undefined, "TLS only: nothing is terminated at the gateway");
        });

        it("lets the gateway's namespace know the host too, and keeps the team's entry in the team's namespace", () => {
            const run = runOk("prod");
            const entries = ofType(run, SERVICE_ENTRY);
            const platform = inNamespace(entries, EGRESS_NS);
            assert.equal(platform.length, 1);
            assert.deepEqual(platform[0].inputs.spec, {
                hosts: [PROVIDER], location: "MESH_EXTERNAL", resolution: "DNS", exportTo: ["."],
                ports: [{ number: 443, name: "tls-443", protocol: "TLS" }],
            });
            const team = inNamespace(entries, "shop");
            assert.equal(team.length, 1);
            assert.deepEqual(team[0].inputs.spec.exportTo, ["."], "TEN003/TEN004 untouched: the team's entry stays its own");
            assert.deepEqual(inNamespace(ofType(run, DESTINATION_RULE), EGRESS_NS), [], "routing by host needs no subset, so no DestinationRule");
        });

        it("lets payments' pods out only to the egress gateway's pods, on the declared port", () => {
            const spec = policyOf(runOk("prod"), "shop", "payments");
            assert.deepEqual(spec.egress, [{
                to: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": EGRESS_NS } }, podSelector: { matchLabels: SELECTOR } }],
                ports: [{ protocol: "TCP", port: 443 }],
            }]);
        });

        it(`denies everything in ${EGRESS_NS} but the flow table's rows: tenants in, the hosts' ports out, istiod, DNS, scrapes and spans`, () => {
            const run = runOk("prod");
            const policies = inNamespace(ofType(run, NETPOL), EGRESS_NS).map((p) => p.inputs.metadata.name).sort();
            assert.deepEqual(policies, [
                "default-deny", "flow-egress-gateway-to-external", "flow-egress-gateway-to-istiod", "flow-egress-gateway-to-otlp",
                "flow-istio-egress-dns", "flow-istio-egress-internal", "flow-scrape-egress-gateway", "flow-tenants-to-egress-gateway",
            ]);
            assert.deepEqual(policyOf(run, EGRESS_NS, "flow-tenants-to-egress-gateway").ingress,
                [{ from: [{ namespaceSelector: { matchLabels: { "platform.example.com/tenant": "true" } } }], ports: [{ port: 443, protocol: "TCP" }] }]);
            assert.deepEqual(policyOf(run, EGRESS_NS, "flow-egress-gateway-to-external").egress,
                [{ to: [{ ipBlock: { cidr: "0.0.0.0/0" } }], ports: [{ port: 443, protocol: "TCP" }] }], "a NetworkPolicy cannot name a host: by port");
            assert.deepEqual(policyOf(run, EGRESS_NS, "flow-egress-gateway-to-istiod").egress,
                [{ to: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "istio-system" } } }], ports: [{ port: 15012, protocol: "TCP" }] }]);
            assert.ok(policyOf(run, "istio-system", "flow-egress-gateway-to-istiod").ingress, "istiod's side admits the gateway");
        });

        it("gives a service with two hosts both, each with its own route, and the gateway both ports", () => {
            const run = prodWith([STRIPE, { host: "files.stripe.com", port: 8443, protocol: "TLS" }]);
            assert.equal(run.error, undefined, run.error);
            const routed = inNamespace(ofType(run, VIRTUAL_SERVICE), EGRESS_NS).map((v) => v.inputs.spec.hosts[0]).sort();
            assert.deepEqual(routed, ["api.stripe.com", "files.stripe.com"]);
            const known = inNamespace(ofType(run, SERVICE_ENTRY), EGRESS_NS).map((e) => e.inputs.spec.hosts[0]).sort();
            assert.deepEqual(known, routed);
            const servers = inNamespace(ofType(run, GATEWAY), EGRESS_NS)[0].inputs.spec.servers;
            assert.deepEqual(servers.map((s: any) => [s.port.number, s.hosts]), [[443, [`${EGRESS_NS}/api.stripe.com`]], [8443, [`${EGRESS_NS}/files.stripe.com`]]]);
            assert.deepEqual(egressRelease(run)[0].inputs.values.service.ports.map((p: any) => p.port), [15021, 443, 8443]);
            assert.deepEqual(policyOf(run, "shop", "payments").egress[0].ports, [{ protocol: "TCP", port: 443 }, { protocol: "TCP", port: 8443 }]);
            assert.deepEqual(policyOf(run, EGRESS_NS, "flow-egress-gateway-to-external").egress[0].ports,
                [{ port: 443, protocol: "TCP" }, { port: 8443, protocol: "TCP" }]);
        });

        it("writes no routing without a declared host, and still the gateway", () => {
            const run = prodWith([]);
            assert.equal(run.error, undefined, run.error);
            assert.equal(egressRelease(run).length, 1);
            for (const type of [GATEWAY, VIRTUAL_SERVICE, SERVICE_ENTRY]) assert.deepEqual(inNamespace(ofType(run, type), EGRESS_NS), []);
            assert.deepEqual(named(inNamespace(ofType(run, NETPOL), EGRESS_NS), "flow-egress-gateway-to-external"), [], "nothing leaves");
        });
    });

    for (const stack of ["dev", "staging"]) {
        it(`${stack} has no egress gateway: no release, namespace, routing or flows, and payments leaves directly`, () => {
            const run = runOk(stack);
            assert.deepEqual(egressRelease(run), []);
            assert.deepEqual(named(ofType(run, NAMESPACE), EGRESS_NS), []);
            for (const type of [GATEWAY, VIRTUAL_SERVICE, SERVICE_ENTRY, NETPOL]) assert.deepEqual(inNamespace(ofType(run, type), EGRESS_NS), []);
            assert.deepEqual(ofType(run, NETPOL).filter((p) => /egress-gateway/.test(p.inputs.metadata.name)), []);
            assert.deepEqual(policyOf(run, "shop", "payments").egress, [{ to: [{ ipBlock: { cidr: "0.0.0.0/0" } }], ports: [{ protocol: "TCP", port: 443 }] }]);
        });
    }

    it("staging with the knob on gets the gateway: it is a setting, not a stack name", () => {
        const run = runOk("staging", { mesh: { egressGateway: { enabled: true } } });
        assert.equal(egressRelease(run).length, 1);
        assert.equal(inNamespace(ofType(run, VIRTUAL_SERVICE), EGRESS_NS).length, 1);
    });

    describe("refusals, one mutated field each", () => {
        it("a declared HTTP host in prod, naming the service and field", () => {
            const run = prodWith([STRIPE, { host: "hooks.example.com", port: 80, protocol: "HTTP" }]);
            assert.match(run.error ?? "", /platform:shop\.services\.payments\.external\[1\]\.protocol: the egress gateway \(mesh\.egressGateway\.enabled\) is the only way out and passes only TLS through.*\(got "HTTP"\)/);
            assert.equal(run.resources.length, 0, "before any object is registered");
        });

        it("a declared TCP host in prod", () => {
            const run = prodWith([{ ...STRIPE, protocol: "TCP" }]);
            assert.match(run.error ?? "", /platform:shop\.services\.payments\.external\[0\]\.protocol: .*passes only TLS through.*\(got "TCP"\)/);
        });

        it("the same HTTP host without the egress gateway is the service's own direct path", () => {
            const run = runStack("prod", { mesh: { egressGateway: { enabled: false } }, shop: { services: { payments: { external: [{ host: "hooks.example.com", port: 80, protocol: "HTTP" }] } } } });
            assert.equal(run.error, undefined, run.error);
            assert.deepEqual(egressRelease(run), []);
        });

        it("egressGateway.enabled as a word, naming the key", () => {
            const run = runStack("prod", { mesh: { egressGateway: { enabled: "yes" } } });
            assert.match(run.error ?? "", /platform:mesh\.egressGateway\.enabled: .*\(got "yes"\)/);
        });

        it("egressGateway.replicas 0, naming the key", () => {
            const run = runStack("prod", { mesh: { egressGateway: { replicas: 0 } } });
            assert.match(run.error ?? "", /platform:mesh\.egressGateway\.replicas: .*\(got 0\)/);
        });

        it("an unknown key under egressGateway", () => {
            const run = runStack("prod", { mesh: { egressGateway: { enable: true } } });
            assert.match(run.error ?? "", /platform:mesh\.egressGateway\.enable: unknown key; accepted: enabled, replicas/);
        });
    });
});
