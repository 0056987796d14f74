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
});
