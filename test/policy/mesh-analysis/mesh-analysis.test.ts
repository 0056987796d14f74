// mesh-analysis over the shop's real resources: the baseline is clean; each case breaks one
// reference and expects the upstream code naming both ends; look-alikes stay silent.
import * as assert from "assert";
import { meshAnalysis, meshAnalysisWarnings } from "../../../policy/policies";
import { HarnessResource, loadStackPolicyConfig } from "../harness";
import { stackMessages } from "../policyCall";
import { changed, chartUrn, object, programResources } from "./shopBaseline";

const prodConfig = (policy = "mesh-analysis") => {
    const entry = { ...(loadStackPolicyConfig("prod")[policy] as Record<string, any>) };
    delete entry.enforcementLevel;
    return entry;
};

/** Both policies' messages: each upstream level is reported by one of them. */
const analyze = async (resources: HarnessResource[], config?: Record<string, any>) => [
    ...await stackMessages(meshAnalysis, resources, config ?? prodConfig()),
    ...await stackMessages(meshAnalysisWarnings, resources, config ?? prodConfig("mesh-analysis-warnings")),
];

async function expectOne(resources: HarnessResource[], expected: string, config?: Record<string, any>): Promise<void> {
    const messages = await analyze(resources, config);
    assert.ok(messages.some((m) => m.includes(expected)),
        `expected "${expected}", got:\n${messages.join("\n")}`);
}

/** The istio/gateway chart's rendered Deployment and Service, as a chart-rendering plan adds them. */
function renderedGateway(resources: HarnessResource[], ports: Array<{ port: number; targetPort: number; name: string }>): HarnessResource[] {
    const parent = chartUrn(resources, "istio-ingressgateway");
    const labels = { app: "istio-ingressgateway", istio: "ingressgateway" };
    return [
        object("kubernetes:apps/v1:Deployment", "istio-ingress", "istio-ingressgateway", {
            metadata: { name: "istio-ingressgateway", namespace: "istio-ingress", labels },
            spec: {
                selector: { matchLabels: labels },
                template: { metadata: { labels: { ...labels, "sidecar.istio.io/inject": "true" } }, spec: { containers: [{ name: "istio-proxy", image: "auto" }] } },
            },
        }, parent),
        object("kubernetes:core/v1:Service", "istio-ingress", "istio-ingressgateway", {
            metadata: { name: "istio-ingressgateway", namespace: "istio-ingress", labels },
            spec: { type: "LoadBalancer", selector: labels, ports: ports.map((p) => ({ ...p, protocol: "TCP" })) },
        }, parent),
        object("kubernetes:core/v1:ServiceAccount", "istio-ingress", "istio-ingressgateway", {}, parent),
    ];
}

const GATEWAY_PORTS = [{ name: "status-port", port: 15021, targetPort: 15021 }, { name: "http2", port: 80, targetPort: 80 }, { name: "https", port: 443, targetPort: 443 }];

describe("mesh-analysis", function () {
    this.timeout(120000);
    let prod: HarnessResource[];
    let staging: HarnessResource[];
    before(() => {
        prod = programResources("prod");
        staging = programResources("staging");
    });

    it("finds nothing in the shop of each stack (canary and blue-green subsets included)", async () => {
        assert.deepStrictEqual(await analyze(prod), []);
        assert.deepStrictEqual(await analyze(staging), []);
        assert.deepStrictEqual(await analyze(programResources("dev")), []);
    });

    it("finds nothing with the gateway chart's children rendered", async () => {
        assert.deepStrictEqual(await analyze([...prod, ...renderedGateway(prod, GATEWAY_PORTS)]), []);
    });

    describe("VirtualService", () => {
        it("IST0101: a subset no DestinationRule defines", () => expectOne(
            changed(prod, "VirtualService", "shop/orders", (p) => { p.spec.http[0].route[0].destination.subset = "preview"; }),
            'IST0101 VirtualService shop/orders: subset "preview" not found in DestinationRule shop/orders'));

        it("stays silent for a subset that exists", async () => {
            let resources = changed(prod, "DestinationRule", "shop/orders", (p) => { p.spec.subsets.push({ name: "preview", labels: { version: "stable" } }); });
            resources = changed(resources, "VirtualService", "shop/orders", (p) => { p.spec.http[0].route[0].destination.subset = "preview"; });
            assert.deepStrictEqual(await analyze(resources), []);
        });

        it("IST0101: a destination host with no Service", () => expectOne(
            changed(prod, "VirtualService", "shop/orders", (p) => { p.spec.http[0].route[0].destination.host = "ledger.shop.svc.cluster.local"; }),
            'IST0101 VirtualService shop/orders: destination host "ledger.shop.svc.cluster.local" is neither a Service nor a ServiceEntry host'));

        it("stays silent for a ServiceEntry host, and reports it without the ServiceEntry", async () => {
            const external = changed(prod, "VirtualService", "shop/payments", (p) => {
                p.spec.http[0].route[0].destination = { host: "api.payments.example.net", port: { number: 443 } };
            });
            const entry = object("kubernetes:networking.istio.io/v1:ServiceEntry", "shop", "payments-provider", {
                spec: { hosts: ["api.payments.example.net"], ports: [{ number: 443, name: "https", protocol: "HTTPS" }], resolution: "DNS", location: "MESH_EXTERNAL" },
            });
            assert.deepStrictEqual(await analyze([...external, entry]), []);
            await expectOne(external, 'IST0101 VirtualService shop/payments: destination host "api.payments.example.net"');
        });

        it("IST0112: no port for a Service with several ports", () => expectOne(
            changed(prod, "VirtualService", "shop/orders", (p) => { delete p.spec.http[0].route[0].destination.port; }),
            'IST0112 VirtualService shop/orders: destination host "orders.shop.svc.cluster.local" needs a port: Service shop/orders exposes ports 80, 9797'));

        it("IST0101: a port the Service does not expose", () => expectOne(
            changed(prod, "VirtualService", "shop/orders", (p) => { p.spec.http[0].route[0].destination.port.number = 8080; }),
            "IST0101 VirtualService shop/orders: port 8080 not exposed by Service shop/orders"));

        it("IST0101: a gateway that does not exist", () => expectOne(
            changed(prod, "VirtualService", "shop/frontend-public", (p) => { p.spec.gateways = ["istio-ingress/private-gateway"]; }),
            'IST0101 VirtualService shop/frontend-public: gateway "istio-ingress/private-gateway" not found'));

        it("IST0132: a host the bound gateway does not serve", () => expectOne(
            changed(prod, "VirtualService", "shop/frontend-public", (p) => { p.spec.hosts = ["admin.example.com"]; }),
            "IST0132 VirtualService shop/frontend-public: hosts admin.example.com not served by Gateway istio-ingress/public-gateway (its hosts: shop.example.com"));

        it("IST0109: two mesh VirtualServices for one host", () => expectOne(
            [...prod, object("kubernetes:networking.istio.io/v1:VirtualService", "shop", "orders-shadow", {
                spec: { hosts: ["orders"], http: [{ route: [{ destination: { host: "orders", port: { number: 80 } } }] }] },
            })],
            "IST0109 VirtualService shop/orders-shadow: host orders.shop.svc.cluster.local is also defined for the mesh gateway by VirtualService shop/orders"));

        const claimRoute = (resources: HarnessResource[]) => changed(resources, "VirtualService", "shop/frontend-public", (p) => {
            p.spec.http.unshift({ match: [{ headers: { "@request.auth.claims.group": { exact: "beta" } } }], route: p.spec.http[0].route });
        });

        it("IST0149: a JWT claim route without a RequestAuthentication on the gateway", () => expectOne(
            claimRoute(prod.filter((r) => !r.type.endsWith(":RequestAuthentication"))),
            'IST0149 VirtualService shop/frontend-public: routes on JWT claim "@request.auth.claims.group" through Gateway istio-ingress/public-gateway'));

        it("stays silent for a JWT claim route when a RequestAuthentication selects the gateway", async () => {
            const auth = object("kubernetes:security.istio.io/v1:RequestAuthentication", "istio-ingress", "shop-jwt", {
                spec: { selector: { matchLabels: { istio: "ingressgateway" } }, jwtRules: [{ issuer: "https://id.example.com", jwksUri: "https://id.example.com/jwks" }] },
            });
            assert.deepStrictEqual(await analyze([...claimRoute(prod), auth]), []);
            assert.deepStrictEqual(await analyze([...claimRoute(prod), auth, ...renderedGateway(prod, GATEWAY_PORTS)]), []);
        });
    });

    describe("Rollout (Argo Rollouts' Istio traffic routing)", () => {
        it("IST0101: a route the VirtualService does not have", () => expectOne(
            changed(prod, "Rollout", "shop/orders", (p) => { p.spec.strategy.canary.trafficRouting.istio.virtualServices[0].routes = ["main"]; }),
            'IST0101 Rollout shop/orders: http route "main" not found in VirtualService shop/orders'));

        it("IST0101: a named route that does not send to the canary subset", () => expectOne(
            changed(prod, "VirtualService", "shop/orders-public", (p) => {
                const primary = p.spec.http.find((r: any) => r.name === "primary");
                primary.route = primary.route.filter((d: any) => d.destination.subset !== "canary");
            }),
            'IST0101 Rollout shop/orders: http route "primary" of VirtualService shop/orders-public has no destination with subset "canary", whose weight the Rollout sets'));

        it("IST0101: a DestinationRule without the canary subset", () => expectOne(
            changed(prod, "DestinationRule", "shop/orders", (p) => { p.spec.subsets = p.spec.subsets.filter((s: any) => s.name !== "canary"); }),
            'IST0101 Rollout shop/orders: subset "canary" not found in DestinationRule shop/orders'));

        it("IST0101: a VirtualService that does not exist", () => expectOne(
            changed(prod, "Rollout", "shop/orders", (p) => { p.spec.strategy.canary.trafficRouting.istio.virtualServices[0].name = "orders-mesh"; }),
            'IST0101 Rollout shop/orders: VirtualService "orders-mesh" not found in namespace shop'));
    });

    describe("DestinationRule", () => {
        it("IST0173: a subset that selects no pod", () => expectOne(
            changed(prod, "DestinationRule", "shop/orders", (p) => { p.spec.subsets.push({ name: "preview", labels: { version: "preview" } }); }),
            'IST0173 DestinationRule shop/orders: subset "preview" (app.kubernetes.io/instance=orders,app.kubernetes.io/name=orders,version=preview) selects no pod of Service shop/orders'));

        it("IST0174: a host that no Service serves", () => expectOne(
            changed(prod, "DestinationRule", "shop/orders", (p) => { p.spec.host = "ledger.shop.svc.cluster.local"; }),
            'IST0174 DestinationRule shop/orders: host "ledger.shop.svc.cluster.local" matches no Service or ServiceEntry'));

        it("IST0128: TLS origination without CA certificates", () => expectOne(
            changed(prod, "DestinationRule", "shop/orders", (p) => { p.spec.trafficPolicy.tls = { mode: "SIMPLE" }; }),
            "IST0128 DestinationRule shop/orders: TLS mode SIMPLE to host orders.shop.svc.cluster.local sets no caCertificates"));

        it("IST0129: port-level TLS origination without CA certificates, silent with them", async () => {
            const port = (tls: Record<string, any>) => changed(prod, "DestinationRule", "shop/orders", (p) => {
                p.spec.trafficPolicy.portLevelSettings = [{ port: { number: 80 }, tls }];
            });
            await expectOne(port({ mode: "MUTUAL" }), "IST0129 DestinationRule shop/orders: TLS mode MUTUAL to host orders.shop.svc.cluster.local port 80");
            assert.deepStrictEqual(await analyze(port({ mode: "MUTUAL", caCertificates: "/etc/certs/ca.pem" })), []);
        });
    });

    describe("Gateway", () => {
        it("IST0101: a selector that matches no rendered gateway workload", () => expectOne(
            [...changed(prod, "Gateway", "istio-ingress/public-gateway", (p) => { p.spec.selector = { istio: "eastwestgateway" }; }), ...renderedGateway(prod, GATEWAY_PORTS)],
            "IST0101 Gateway istio-ingress/public-gateway: selector istio=eastwestgateway matches no gateway workload"));

        it("stays silent on the selector while the gateway chart is not rendered", async () => {
            assert.deepStrictEqual(await analyze(changed(prod, "Gateway", "istio-ingress/public-gateway", (p) => { p.spec.selector = { istio: "eastwestgateway" }; })), []);
        });

        it("IST0162: a server port the gateway's Service does not expose", () => expectOne(
            [...prod, ...renderedGateway(prod, GATEWAY_PORTS.filter((p) => p.port !== 443))],
            "IST0162 Gateway istio-ingress/public-gateway: server port 443 is not exposed by any Service of its workload Deployment istio-ingress/istio-ingressgateway"));

        it("IST0101: a credentialName Secret neither created nor declared external", () => expectOne(prod,
            'IST0101 Gateway istio-ingress/public-gateway: credentialName "shop-tls" (port 443): Secret istio-ingress/shop-tls is neither created by the stack nor declared in externalSecrets',
            { externalSecrets: [] }));

        it("stays silent for a credential the stack creates", async () => {
            const secret = object("kubernetes:core/v1:Secret", "istio-ingress", "shop-tls", { type: "kubernetes.io/tls" });
            assert.deepStrictEqual(await analyze([...prod, secret], { externalSecrets: [] }), []);
        });

        it("IST0145: two gateways with one selector, port and host", () => expectOne(
            [...prod, object("kubernetes:networking.istio.io/v1:Gateway", "shop", "shop-gateway", {
                spec: { selector: { istio: "ingressgateway" }, servers: [{ port: { number: 80, name: "http", protocol: "HTTP" }, hosts: ["shop.example.com"] }] },
            })],
            "IST0145 Gateway shop/shop-gateway: conflicts with Gateway istio-ingress/public-gateway (selector istio=ingressgateway, port 80, hosts shop.example.com)"));
    });

    describe("AuthorizationPolicy", () => {
        it("IST0127: a selector that matches no workload", () => expectOne(
            changed(prod, "AuthorizationPolicy", "shop/orders", (p) => { p.spec.selector.matchLabels["app.kubernetes.io/name"] = "ledger"; }),
            "IST0127 AuthorizationPolicy shop/orders: selector app.kubernetes.io/instance=orders,app.kubernetes.io/name=ledger matches no workload in namespace shop"));

        const principal = (value: string) => changed(prod, "AuthorizationPolicy", "shop/payments", (p) => { p.spec.rules[0].from[0].source.principals = [value]; });

        it("IST0101: a principal whose namespace does not exist", () => expectOne(principal("cluster.local/ns/ledger/sa/orders"),
            'IST0101 AuthorizationPolicy shop/payments: rules[0] principal "cluster.local/ns/ledger/sa/orders": Namespace ledger not found'));

        it("IST0101: a principal whose ServiceAccount does not exist", () => expectOne(principal("cluster.local/ns/shop/sa/ledger"),
            'IST0101 AuthorizationPolicy shop/payments: rules[0] principal "cluster.local/ns/shop/sa/ledger": ServiceAccount shop/ledger not found'));

        it("stays silent for a principal from another namespace that exists", async () => {
            assert.deepStrictEqual(await analyze(principal("cluster.local/ns/logging/sa/elasticsearch-ca-sync")), []);
        });

        it("IST0101: a source namespace that does not exist", () => expectOne(
            changed(prod, "AuthorizationPolicy", "shop/payments", (p) => { p.spec.rules[0].from[0].source = { namespaces: ["ledger"] }; }),
            'IST0101 AuthorizationPolicy shop/payments: rules[0] source namespace "ledger" matches no Namespace'));
    });

    describe("Service and Deployment", () => {
        it("IST0118: a port name without a protocol", () => expectOne(
            changed(prod, "Service", "shop/orders", (p) => { delete p.spec.ports[1].appProtocol; }),
            'IST0118 Service shop/orders: port 9797 named "metrics" (targetPort metrics) declares no protocol'));

        const second = (ports: Array<Record<string, any>>) => object("kubernetes:core/v1:Service", "shop", "orders-admin", {
            spec: { selector: { "app.kubernetes.io/name": "orders" }, ports },
        });

        it("IST0116: a port two Services serve with different protocols", () => expectOne(
            [...prod, second([{ name: "udp-echo", port: 80, targetPort: 9898, protocol: "UDP" }])],
            "IST0116 Deployment shop/orders: port 80 is served with different protocols by Service shop/orders (TCP); Service shop/orders-admin (UDP)"));

        it("IST0137: a target port reached through different ports", () => expectOne(
            [...prod, second([{ name: "http-admin", port: 8080, targetPort: "http", protocol: "TCP" }])],
            "IST0137 Deployment shop/orders: targetPort http is reached through different ports: Service shop/orders port 80, Service shop/orders-admin port 8080"));

        it("IST0117: a mesh Deployment no Service selects", () => {
            const lone = structuredClone(prod.find((r) => r.type === "kubernetes:apps/v1:Deployment" && r.props.metadata.name === "orders")!);
            lone.urn += "-worker";
            lone.props.metadata.name = "orders-worker";
            lone.props.spec.template.metadata.labels = { "app.kubernetes.io/name": "orders-worker" };
            return expectOne([...prod, lone], "IST0117 Deployment shop/orders-worker: is in the mesh but no Service selects its pods");
        });

        it("IST0144: an application container running as UID 1337", () => expectOne(
            changed(prod, "Deployment", "shop/orders", (p) => { p.spec.template.spec.containers[0].securityContext.runAsUser = 1337; }),
            'IST0144 Deployment shop/orders: container "orders" runs as UID 1337'));
    });

    describe("Sidecar and Telemetry", () => {
        const sidecar = (name: string, labels?: Record<string, string>) => object("kubernetes:networking.istio.io/v1:Sidecar", "shop", name, {
            spec: { ...(labels ? { workloadSelector: { labels } } : {}), egress: [{ hosts: ["./*", "istio-system/*"] }] },
        });
        const telemetry = (name: string, labels: Record<string, string>) => object("kubernetes:telemetry.istio.io/v1:Telemetry", "shop", name, {
            spec: { selector: { matchLabels: labels }, accessLogging: [{ providers: [{ name: "envoy" }] }] },
        });

        it("accepts one Sidecar and one Telemetry per workload", async () => {
            assert.deepStrictEqual(await analyze([...prod, sidecar("orders", { "app.kubernetes.io/name": "orders" }), sidecar("default"),
                telemetry("orders", { "app.kubernetes.io/name": "orders" })]), []);
        });

        it("IST0101: a Sidecar selector that matches nothing", () => expectOne([...prod, sidecar("ledger", { "app.kubernetes.io/name": "ledger" })],
            "IST0101 Sidecar shop/ledger: selector app.kubernetes.io/name=ledger matches no workload in namespace shop"));

        it("IST0110: two Sidecars select one workload", () => expectOne(
            [...prod, sidecar("orders", { "app.kubernetes.io/name": "orders" }), sidecar("orders-too", { "app.kubernetes.io/instance": "orders" })],
            "IST0110 Sidecar shop/orders: selects the pods of Deployment shop/orders, as Sidecar shop/orders-too does"));

        it("IST0111: two Sidecars without a selector in one namespace", () => expectOne([...prod, sidecar("default"), sidecar("default-too")],
            "IST0111 Sidecar shop/default: has no workload selector in namespace shop, like Sidecar shop/default-too"));

        it("IST0101 and IST0159: Telemetry selectors that match nothing or overlap", async () => {
            await expectOne([...prod, telemetry("ledger", { app: "ledger" })], "IST0101 Telemetry shop/ledger: selector app=ledger matches no workload in namespace shop");
            await expectOne([...prod, telemetry("a", { app: "orders" }), telemetry("b", { "app.kubernetes.io/name": "orders" })],
                "IST0159 Telemetry shop/a: selects the pods of Deployment shop/orders, as Telemetry shop/b does");
        });
    });

    it("honours exemptions by namespace, kind and name", async () => {
        const broken = changed(prod, "VirtualService", "shop/orders", (p) => { p.spec.http[0].route[0].destination.subset = "preview"; });
        const exemptions = [{ namespace: "shop", kind: "VirtualService", name: "orders", controls: ["IST0101"], reason: "migration", expires: "2999-01-01" }];
        assert.deepStrictEqual(await stackMessages(meshAnalysis, broken, { ...prodConfig(), exemptions }), []);
        const otherCode = [{ ...exemptions[0], controls: ["IST0109"] }];
        assert.equal((await stackMessages(meshAnalysis, broken, { ...prodConfig(), exemptions: otherCode })).length, 1, "waives only the codes it names");
    });

    describe("levels follow upstream: Error in mesh-analysis, Warning and Info in mesh-analysis-warnings", () => {
        // Upstream levels (istio/istio pkg/config/analysis/msg/messages.yaml, 1.29), written out
        // here rather than read from the pack's table, so a wrong level in the table fails.
        const cases: Array<[string, string, (resources: HarnessResource[]) => HarnessResource[], string]> = [
            ["IST0101", "Error", (r) => changed(r, "VirtualService", "shop/orders", (p) => { p.spec.http[0].route[0].destination.subset = "preview"; }), "mesh-analysis"],
            ["IST0174", "Warning", (r) => changed(r, "DestinationRule", "shop/orders", (p) => { p.spec.host = "ledger.shop.svc.cluster.local"; }), "mesh-analysis-warnings"],
            ["IST0127", "Warning", (r) => changed(r, "AuthorizationPolicy", "shop/orders", (p) => { p.spec.selector.matchLabels = { "app.kubernetes.io/instance": "orders", "app.kubernetes.io/name": "ledger" }; }), "mesh-analysis-warnings"],
        ];
        for (const [code, level, mutate, owner] of cases) {
            it(`${code} (${level}) is reported by ${owner} only`, async () => {
                const broken = mutate(prod);
                const errors = await stackMessages(meshAnalysis, broken, prodConfig());
                const warnings = await stackMessages(meshAnalysisWarnings, broken, prodConfig("mesh-analysis-warnings"));
                const [mine, other] = owner === "mesh-analysis" ? [errors, warnings] : [warnings, errors];
                assert.ok(mine.some((m) => m.startsWith(code) && m.includes(`, ${level}]`)), `${owner} should report ${code}:\n${mine.join("\n")}`);
                assert.ok(!other.some((m) => m.startsWith(code)), `the other policy reports ${code}:\n${other.join("\n")}`);
            });
        }

        it("no stack blocks on a Warning: mesh-analysis-warnings is advisory everywhere, mesh-analysis mandatory in staging and prod", () => {
            for (const stack of ["dev", "staging", "prod"]) {
                const config = loadStackPolicyConfig(stack) as Record<string, { enforcementLevel: string }>;
                assert.equal(config["mesh-analysis-warnings"].enforcementLevel, "advisory", stack);
                assert.equal(config["mesh-analysis"].enforcementLevel, stack === "dev" ? "advisory" : "mandatory", stack);
            }
        });
    });

    describe("calls between teams (PLT0001, this pack's own code)", () => {
        const ANNOTATION = "platform.example.com/cross-team-calls";
        const declare = (resources: HarnessResource[], team: string, services: Record<string, unknown>) =>
            changed(resources, "Namespace", `default/${team}`, (p) => { p.metadata.annotations = { ...p.metadata.annotations, [ANNOTATION]: JSON.stringify(services) }; });

        it("a call the callee does not accept, on the caller's namespace, naming both", () => expectOne(
            declare(prod, "data", { reports: { calls: ["shop/orders"] } }),
            "PLT0001 Namespace data: data/reports calls shop/orders, but shop/orders does not accept it: no policy admits the call [OneSidedCrossTeamCall, Warning]"));

        it("an accepted caller that declares no call, on the callee's namespace, naming both", () => expectOne(
            declare(prod, "shop", { orders: { accepts: ["data/reports"] } }),
            "PLT0001 Namespace shop: shop/orders accepts data/reports, but data/reports declares no call to it"));

        it("an accepted team none of whose services calls", () => expectOne(
            declare(prod, "shop", { orders: { accepts: ["data"] } }),
            "PLT0001 Namespace shop: shop/orders accepts data, but no service of team data declares a call to it"));

        it("stays silent when both sides declare the call, by service or by team", async () => {
            const byService = declare(declare(prod, "data", { reports: { calls: ["shop/orders"] } }), "shop", { orders: { accepts: ["data/reports"] } });
            assert.deepStrictEqual(await analyze(byService), []);
            const byTeam = declare(declare(prod, "data", { reports: { calls: ["shop/orders"] } }), "shop", { orders: { accepts: ["data"] } });
            assert.deepStrictEqual(await analyze(byTeam), []);
        });

        it("takes a declared caller's account as the team program's: no IST0101 for a principal of a service the stack does not deploy", async () => {
            const principal = "cluster.local/ns/data/sa/reports";
            const admitted = (resources: HarnessResource[]) => changed(resources, "AuthorizationPolicy", "shop/orders",
                (p) => { p.spec.rules.push({ from: [{ source: { principals: [principal] } }] }); });
            await expectOne(admitted(prod), `principal "${principal}": ServiceAccount data/reports not found`);
            const declared = declare(declare(admitted(prod), "data", { reports: { calls: ["shop/orders"] } }), "shop", { orders: { accepts: ["data/reports"] } });
            assert.deepStrictEqual(await analyze(declared), []);
        });

        it("takes a declared callee's pods as the team program's: no IST0127 for its policy's selector", async () => {
            const policy = (resources: HarnessResource[]) => [...resources, object("kubernetes:security.istio.io/v1:AuthorizationPolicy", "shop", "accepts-ledger", {
                spec: { selector: { matchLabels: { "app.kubernetes.io/name": "ledger", "app.kubernetes.io/instance": "ledger" } }, action: "ALLOW", rules: [] },
            })];
            await expectOne(policy(prod), "IST0127 AuthorizationPolicy shop/accepts-ledger: selector");
            assert.deepStrictEqual(await analyze(declare(policy(prod), "shop", { ledger: {} })), []);
        });

        it("is a Warning: mesh-analysis (Error) does not report it", async () => {
            const messages = await stackMessages(meshAnalysis, declare(prod, "data", { reports: { calls: ["shop/orders"] } }), prodConfig());
            assert.deepStrictEqual(messages, []);
        });
    });

    describe("external hosts", () => {
        const PROVIDER = "api.stripe.com";
        const withoutEntries = (resources: HarnessResource[]) => resources.filter((r) => !r.type.endsWith(":ServiceEntry"));
        const routeToProvider = (resources: HarnessResource[]) => [...resources, object("kubernetes:networking.istio.io/v1:VirtualService", "shop", "provider", {
            spec: { hosts: [PROVIDER], tls: [{ match: [{ port: 443, sniHosts: [PROVIDER] }], route: [{ destination: { host: PROVIDER, port: { number: 443 } } }] }] },
        })];
        const ruleForProvider = (resources: HarnessResource[]) => [...resources, object("kubernetes:networking.istio.io/v1:DestinationRule", "shop", "provider", {
            spec: { host: PROVIDER, trafficPolicy: { connectionPool: { tcp: { maxConnections: 10 } } } },
        })];

        it("IST0101 (Error): a VirtualService to an external host no ServiceEntry declares", () => expectOne(
            routeToProvider(withoutEntries(prod)), `IST0101 VirtualService shop/provider: destination host "${PROVIDER}" is neither a Service nor a ServiceEntry host`));

        it("IST0174 (Warning): a DestinationRule for an external host no ServiceEntry declares", () => expectOne(
            ruleForProvider(withoutEntries(prod)), `IST0174 DestinationRule shop/provider: host "${PROVIDER}" matches no Service or ServiceEntry in the stack`));

        it("stays silent with payments' ServiceEntry for the host", async () => {
            assert.ok(prod.some((r) => r.type.endsWith(":ServiceEntry") && r.props.spec.hosts.includes(PROVIDER)));
            assert.deepStrictEqual(await analyze(ruleForProvider(prod)), []);
        });

        it("IST0109 (Error): in prod a team's own route to a host the egress gateway routes conflicts with the platform's", () => expectOne(
            routeToProvider(prod), `IST0109 VirtualService shop/provider: host ${PROVIDER} is also defined for the mesh gateway by VirtualService istio-egress/egress-api-stripe-com`));
    });
});
