import * as assert from "assert";
import { serviceExposure } from "../../policy/policies";
import { resource } from "./fixtures/pods";
import { resourceMessages } from "./policyCall";

const service = (namespace: string, type: string, name = "gateway") =>
    resource("kubernetes:core/v1:Service", name, { metadata: { name, namespace }, spec: { type, ports: [{ port: 443 }] } });

const config = { allowed: [{ namespace: "istio-ingress", type: "LoadBalancer" }] };

describe("service-exposure", () => {
    it("accepts ClusterIP anywhere and LoadBalancer where allowed", async () => {
        assert.deepStrictEqual(await resourceMessages(serviceExposure, service("shop", "ClusterIP"), config), []);
        assert.deepStrictEqual(await resourceMessages(serviceExposure, service("istio-ingress", "LoadBalancer"), config), []);
    });

    it("reports a LoadBalancer elsewhere", async () => {
        assert.deepStrictEqual(await resourceMessages(serviceExposure, service("shop", "LoadBalancer"), config),
            ["Service shop/gateway: is of type LoadBalancer, which this stack allows only for: istio-ingress"]);
    });

    it("reports a NodePort, even in the gateway namespace", async () => {
        assert.deepStrictEqual(await resourceMessages(serviceExposure, service("istio-ingress", "NodePort"), config),
            ["Service istio-ingress/gateway: is of type NodePort, which this stack allows only for: nothing"]);
    });

    it("can narrow an allowance to one name", async () => {
        const named = { allowed: [{ namespace: "istio-ingress", name: "gateway", type: "LoadBalancer" }] };
        assert.deepStrictEqual(await resourceMessages(serviceExposure, service("istio-ingress", "LoadBalancer"), named), []);
        assert.strictEqual((await resourceMessages(serviceExposure, service("istio-ingress", "LoadBalancer", "other"), named)).length, 1);
    });

    it("reports externalIPs on any Service, the allowed LoadBalancer included", async () => {
        const lb = service("istio-ingress", "LoadBalancer");
        lb.props.spec.externalIPs = ["203.0.113.7"];
        assert.deepStrictEqual(await resourceMessages(serviceExposure, lb, config), [
            "Service istio-ingress/gateway: sets externalIPs 203.0.113.7, which lets it intercept traffic to those addresses from every pod (CVE-2020-8554)",
        ]);
    });

    it("reports an ExternalName Service outside the listed namespaces", async () => {
        const external = service("shop", "ExternalName", "payments");
        external.props.spec.externalName = "kubernetes.default.svc.cluster.local";
        assert.deepStrictEqual(await resourceMessages(serviceExposure, external, config), [
            'Service shop/payments: is an ExternalName Service (to "kubernetes.default.svc.cluster.local"), which this stack allows only in: no namespace',
        ]);
        assert.deepStrictEqual(await resourceMessages(serviceExposure, external, { ...config, externalNameNamespaces: ["shop"] }), []);
    });

    const ingress = (spec: Record<string, any>) => resource("kubernetes:networking.k8s.io/v1:Ingress", "web", { metadata: { name: "web", namespace: "shop" }, spec });
    const rule = (host: string) => ({ host, http: { paths: [{ path: "/", pathType: "Prefix", backend: { service: { name: "web", port: { number: 80 } } } }] } });

    it("accepts an Ingress whose hosts all have TLS, directly or through a wildcard", async () => {
        const tls = ingress({ rules: [rule("shop.example.com"), rule("api.example.com")], tls: [{ hosts: ["shop.example.com", "*.example.com"], secretName: "web-tls" }] });
        assert.deepStrictEqual(await resourceMessages(serviceExposure, tls, config), []);
    });

    it("reports Ingress hosts served without TLS", async () => {
        assert.deepStrictEqual(await resourceMessages(serviceExposure, ingress({ rules: [rule("shop.example.com")] }), config),
            ['Ingress shop/web: serves "shop.example.com" without TLS; add a spec.tls entry for each host']);
        const partial = ingress({ rules: [rule("shop.example.com"), rule("a.b.example.com")], tls: [{ hosts: ["*.example.com"] }] });
        assert.deepStrictEqual(await resourceMessages(serviceExposure, partial, config),
            ['Ingress shop/web: serves "a.b.example.com" without TLS; add a spec.tls entry for each host']);
    });

    it("gives Gateway API Gateways the LoadBalancer allowance model", async () => {
        const gateway = (namespace: string) => resource("kubernetes:gateway.networking.k8s.io/v1:Gateway", "public",
            { metadata: { name: "public", namespace }, spec: { gatewayClassName: "istio", listeners: [{ name: "http", port: 80, protocol: "HTTP" }] } });
        const allowGateway = { allowed: [...config.allowed, { namespace: "istio-ingress", type: "Gateway" }] };
        assert.deepStrictEqual(await resourceMessages(serviceExposure, gateway("istio-ingress"), allowGateway), []);
        assert.deepStrictEqual(await resourceMessages(serviceExposure, gateway("shop"), allowGateway),
            ["Gateway shop/public: is a Gateway API Gateway, which this stack allows only for: istio-ingress"]);
        assert.deepStrictEqual(await resourceMessages(serviceExposure, gateway("istio-ingress"), config),
            ["Gateway istio-ingress/public: is a Gateway API Gateway, which this stack allows only for: nothing"]);
    });

    it("judges a ServicePatch like a Service", async () => {
        const patch = { ...service("shop", "NodePort"), type: "kubernetes:core/v1:ServicePatch" };
        assert.deepStrictEqual(await resourceMessages(serviceExposure, patch, config),
            ["Service shop/gateway: is of type NodePort, which this stack allows only for: nothing"]);
    });
});
