// tenant-isolation: a compliant tenant namespace (the shop as the platform deploys it: a public
// service exported to the gateway, its monitor on the mesh scrape class, a Deployment in the mesh),
// then one field changed per case, each asserting the finding's code and message.
import { strict as assert } from "assert";
import { tenantIsolation } from "../../policy/policies";
import { CONTROLS, MESSAGES } from "../../policy/tenant-isolation/messages";
import { HarnessResource } from "./harness";
import { resource, restrictedPod, workload } from "./fixtures/pods";
import { stackMessages } from "./policyCall";

const TENANT = "shop";
const namespace = (name: string, tenant: boolean) => resource("kubernetes:core/v1:Namespace", name,
    { metadata: { name, labels: { "platform.example.com/tenant": String(tenant) } } });
const inNamespace = (type: string, name: string, ns: string, spec: Record<string, any>) =>
    resource(type, `${ns}-${name}`, { metadata: { name, namespace: ns }, spec });

const TYPES = {
    virtualService: "kubernetes:networking.istio.io/v1:VirtualService",
    destinationRule: "kubernetes:networking.istio.io/v1:DestinationRule",
    serviceEntry: "kubernetes:networking.istio.io/v1:ServiceEntry",
    gateway: "kubernetes:networking.istio.io/v1:Gateway",
    gatewayApi: "kubernetes:gateway.networking.k8s.io/v1:Gateway",
    ingress: "kubernetes:networking.k8s.io/v1:Ingress",
    envoyFilter: "kubernetes:networking.istio.io/v1alpha3:EnvoyFilter",
    serviceMonitor: "kubernetes:monitoring.coreos.com/v1:ServiceMonitor",
    podMonitor: "kubernetes:monitoring.coreos.com/v1:PodMonitor",
};

interface Baseline {
    publicRoute: Record<string, any>;
    rule: Record<string, any>;
    entry: Record<string, any>;
    monitor: Record<string, any>;
    pod: ReturnType<typeof restrictedPod>;
}

function baseline(): Baseline {
    return {
        publicRoute: {
            hosts: ["shop.example.com"], gateways: ["istio-ingress/public-gateway"], exportTo: [".", "istio-ingress"],
            http: [{ route: [{ destination: { host: "frontend.shop.svc.cluster.local" } }] }],
        },
        rule: { host: "frontend.shop.svc.cluster.local", exportTo: [".", "istio-ingress"] },
        entry: { hosts: ["api.partner.example"], exportTo: ["."], resolution: "DNS", ports: [{ number: 443, name: "https", protocol: "TLS" }] },
        monitor: { selector: { matchLabels: { app: "frontend" } }, scrapeClass: "istio-mtls", endpoints: [{ port: "metrics", scheme: "https" }] },
        pod: restrictedPod(),
    };
}

function stack(b: Baseline, extra: HarnessResource[] = []): HarnessResource[] {
    return [
        namespace(TENANT, true), namespace("istio-ingress", false),
        inNamespace(TYPES.virtualService, "frontend-public", TENANT, b.publicRoute),
        inNamespace(TYPES.destinationRule, "frontend", TENANT, b.rule),
        inNamespace(TYPES.serviceEntry, "partner", TENANT, b.entry),
        inNamespace(TYPES.serviceMonitor, "frontend", TENANT, b.monitor),
        workload("Deployment", b.pod, TENANT, "frontend"),
        ...extra,
    ];
}

const run = (resources: HarnessResource[]) => stackMessages(tenantIsolation, resources);

describe("tenant-isolation", () => {
    it("accepts the baseline: routes exported to the gateway only, a ServiceEntry kept home, a monitor without files", async () => {
        assert.deepEqual(await run(stack(baseline())), []);
    });

    it("judges only tenant namespaces: the platform's own Gateway and mesh-wide objects pass", async () => {
        const platform = [
            inNamespace(TYPES.gateway, "public-gateway", "istio-ingress", { selector: { istio: "ingressgateway" }, servers: [] }),
            inNamespace(TYPES.envoyFilter, "edge-local-rate-limit", "istio-ingress", { configPatches: [] }),
            inNamespace(TYPES.podMonitor, "envoy-stats", "monitoring", { namespaceSelector: { any: true }, podMetricsEndpoints: [{ port: "http-envoy-prom" }] }),
        ];
        assert.deepEqual(await run(stack(baseline(), platform)), []);
    });

    it("names every control in its table once, with a distinct code", () => {
        const codes = Object.values(MESSAGES).map((m) => m.code);
        assert.equal(new Set(codes).size, codes.length);
        assert.equal(new Set(CONTROLS).size, CONTROLS.length);
    });

    const cases: Array<[string, (b: Baseline) => HarnessResource[] | void, string]> = [
        ["a Gateway in the tenant namespace", () => [inNamespace(TYPES.gateway, "mine", TENANT, { selector: { istio: "ingressgateway" }, servers: [] })],
            "Gateway shop/mine: [TEN001] is a Gateway in a tenant namespace"],
        ["a Gateway API Gateway", () => [inNamespace(TYPES.gatewayApi, "mine", TENANT, { gatewayClassName: "istio", listeners: [] })],
            "Gateway shop/mine: [TEN001]"],
        ["an Ingress", () => [inNamespace(TYPES.ingress, "side-door", TENANT, { rules: [{ host: "pay.example.com" }] })],
            "Ingress shop/side-door: [TEN002] is an Ingress in a tenant namespace"],
        ["a VirtualService exported everywhere", (b) => { b.publicRoute.exportTo = ["*"]; },
            "VirtualService shop/frontend-public: [TEN003] exports routing to *"],
        ["a DestinationRule exported to another team", (b) => { b.rule.exportTo = [".", "data"]; },
            "DestinationRule shop/frontend: [TEN003] exports routing to data"],
        ["a ServiceEntry without exportTo", (b) => { delete b.entry.exportTo; },
            "ServiceEntry shop/partner: [TEN004] is a ServiceEntry exported to every namespace (no exportTo)"],
        ["a ServiceEntry exported to the gateway", (b) => { b.entry.exportTo = [".", "istio-ingress"]; },
            "ServiceEntry shop/partner: [TEN004] is a ServiceEntry exported to istio-ingress"],
        ["an EnvoyFilter", () => [inNamespace(TYPES.envoyFilter, "strip", TENANT, { configPatches: [] })],
            "EnvoyFilter shop/strip: [TEN005] is an EnvoyFilter in a tenant namespace"],
        ["a monitor asking for Prometheus's token", (b) => { b.monitor.endpoints[0].bearerTokenFile = "/var/run/secrets/kubernetes.io/serviceaccount/token"; },
            "ServiceMonitor shop/frontend: [TEN007] asks Prometheus for its own files (bearerTokenFile)"],
        ["a monitor naming Prometheus's mesh key", (b) => { b.monitor.endpoints[0].tlsConfig = { keyFile: "/etc/prom-certs/key.pem" }; },
            "ServiceMonitor shop/frontend: [TEN007] asks Prometheus for its own files (tlsConfig.keyFile)"],
        ["a monitor selecting every namespace", (b) => { b.monitor.namespaceSelector = { any: true }; },
            "ServiceMonitor shop/frontend: [TEN008] selects targets in every namespace (any: true)"],
        ["a monitor selecting another team's namespace", (b) => { b.monitor.namespaceSelector = { matchNames: ["shop", "data"] }; },
            "ServiceMonitor shop/frontend: [TEN008] selects targets in data"],
        ["a monitor honouring its targets' labels", (b) => { b.monitor.endpoints[0].honorLabels = true; },
            "ServiceMonitor shop/frontend: [TEN009] sets honorLabels"],
        ["a PodMonitor asking for Prometheus's token", () => [inNamespace(TYPES.podMonitor, "steal", TENANT,
            { selector: {}, podMetricsEndpoints: [{ port: "metrics", bearerTokenFile: "/var/run/secrets/kubernetes.io/serviceaccount/token" }] })],
        "PodMonitor shop/steal: [TEN007]"],
        ["a system priority class", (b) => { b.pod.spec.priorityClassName = "system-cluster-critical"; },
            "Deployment shop/frontend: [TEN010] runs at priority class system-cluster-critical"],
    ];
    for (const [title, mutate, expected] of cases) {
        it(`refuses ${title}`, async () => {
            const b = baseline();
            const extra = mutate(b) ?? [];
            const messages = await run(stack(b, extra));
            assert.equal(messages.length, 1, messages.join("\n"));
            assert.ok(messages[0].startsWith(expected), `${messages[0]}\n  expected to start with: ${expected}`);
        });
    }

    it("lets an exemption waive one control for one object, and only that control", async () => {
        const b = baseline();
        b.monitor.endpoints[0].honorLabels = true;
        b.monitor.namespaceSelector = { any: true };
        const exemptions = [{ namespace: TENANT, kind: "ServiceMonitor", name: "frontend", controls: ["monitorHonorLabels"], reason: "federation", expires: "2099-01-01" }];
        const messages = await stackMessages(tenantIsolation, stack(b), { exemptions });
        assert.deepEqual(messages.map((m) => m.slice(0, m.indexOf("]") + 1)), ["ServiceMonitor shop/frontend: [TEN008]"]);
    });
});
