// autoscaling-metrics-source: an HPA on cpu or memory needs metrics.k8s.io. The baseline is a
// stack with one HPA and metrics-server's APIService; each case changes one thing from it.
import * as assert from "assert";
import { autoscalingMetricsSource } from "../../policy/policies";
import { resource } from "./fixtures/pods";
import { stackMessages } from "./policyCall";

type Metric = Record<string, unknown>;
const cpu: Metric = { type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 70 } } };
const memory: Metric = { type: "Resource", resource: { name: "memory", target: { type: "Utilization", averageUtilization: 80 } } };
const requestRate: Metric = { type: "External", external: { metric: { name: "s0-prometheus" }, target: { type: "AverageValue", averageValue: "50" } } };

const hpa = (metrics: Metric[] | undefined, type = "kubernetes:autoscaling/v2:HorizontalPodAutoscaler") => resource(type, "shop-catalog", {
    metadata: { name: "catalog", namespace: "shop" },
    spec: { scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "catalog" }, minReplicas: 2, maxReplicas: 4, ...(metrics ? { metrics } : {}) },
});
// The name upstream's metrics-server registers (its manifests and chart), written here, not imported.
const metricsApi = (name = "v1beta1.metrics.k8s.io") => resource("kubernetes:apiregistration.k8s.io/v1:APIService", name, {
    metadata: { name }, spec: { group: "metrics.k8s.io", version: "v1beta1", service: { name: "metrics-server", namespace: "metrics-server" } },
});

describe("autoscaling-metrics-source", () => {
    it("accepts an HPA on cpu and memory when the stack registers metrics.k8s.io", async () => {
        assert.deepStrictEqual(await stackMessages(autoscalingMetricsSource, [hpa([cpu, memory]), metricsApi()]), []);
    });

    it("reports it when the stack registers no metrics.k8s.io, naming what it scales on and both ways out", async () => {
        const [message, ...rest] = await stackMessages(autoscalingMetricsSource, [hpa([cpu, memory])]);
        assert.deepStrictEqual(rest, []);
        assert.match(message, /^HorizontalPodAutoscaler shop\/catalog: scales on cpu and memory, but nothing serves metrics\.k8s\.io/);
        assert.match(message, /source "metrics-server"/);
        assert.match(message, /source "cluster"/);
    });

    it("accepts it when the config says the cluster serves the API", async () => {
        assert.deepStrictEqual(await stackMessages(autoscalingMetricsSource, [hpa([cpu, memory])], { clusterServesMetricsApi: true }), []);
    });

    it("reports it when the stack registers another APIService only", async () => {
        assert.strictEqual((await stackMessages(autoscalingMetricsSource, [hpa([cpu]), metricsApi("v1beta1.custom.metrics.k8s.io")])).length, 1);
    });

    it("reports an HPA with no metrics (cpu at 80% by default)", async () => {
        assert.match((await stackMessages(autoscalingMetricsSource, [hpa(undefined)]))[0], /scales on cpu,/);
    });

    it("reports an autoscaling/v1 HPA (cpu only)", async () => {
        assert.match((await stackMessages(autoscalingMetricsSource, [hpa(undefined, "kubernetes:autoscaling/v1:HorizontalPodAutoscaler")]))[0], /scales on cpu,/);
    });

    it("accepts an HPA on external metrics only: it reads another API", async () => {
        assert.deepStrictEqual(await stackMessages(autoscalingMetricsSource, [hpa([requestRate])]), []);
    });

    it("reports an HPA on request rate and memory, for the memory", async () => {
        assert.match((await stackMessages(autoscalingMetricsSource, [hpa([requestRate, memory])]))[0], /scales on memory,/);
    });

    it("accepts an exempted HPA", async () => {
        const exemptions = [{ namespace: "shop", kind: "HorizontalPodAutoscaler", name: "catalog", controls: ["noMetricsSource"], reason: "scaled by hand during the migration", expires: "2099-01-01" }];
        assert.deepStrictEqual(await stackMessages(autoscalingMetricsSource, [hpa([cpu])], { exemptions }), []);
    });
});
