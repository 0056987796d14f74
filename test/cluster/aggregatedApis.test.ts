// The aggregated-API stand-in's answers: the discovery the API server's availability check and the
// namespace controller read, and lists that are always empty (it invents no metric).
import { strict as assert } from "assert";
import { aggregatedApiAnswer } from "../../scripts/cluster/standIns/liveAggregatedApis";

describe("aggregated-API stand-in", () => {
    it("lists metrics.k8s.io/v1beta1's resources as metrics-server does: nodes cluster-wide, pods per namespace", () => {
        const answer = aggregatedApiAnswer("metrics.k8s.io/v1beta1", []) as { status: number; body: any };
        assert.equal(answer.status, 200);
        assert.equal(answer.body.kind, "APIResourceList");
        assert.deepEqual(answer.body.resources.map((r: any) => [r.name, r.kind, r.namespaced]), [["nodes", "NodeMetrics", false], ["pods", "PodMetrics", true]]);
    });

    it("answers lists empty, cluster-wide and per namespace", () => {
        assert.deepEqual(aggregatedApiAnswer("metrics.k8s.io/v1beta1", ["nodes"])?.body, { kind: "NodeMetricsList", apiVersion: "metrics.k8s.io/v1beta1", metadata: {}, items: [] });
        assert.deepEqual((aggregatedApiAnswer("metrics.k8s.io/v1beta1", ["namespaces", "shop", "pods"])?.body as any).items, []);
    });

    it("knows no other resource, and no namespaced nodes", () => {
        assert.equal(aggregatedApiAnswer("metrics.k8s.io/v1beta1", ["services"]), undefined);
        assert.equal(aggregatedApiAnswer("metrics.k8s.io/v1beta1", ["namespaces", "shop", "nodes"]), undefined);
    });

    it("gives an unknown group-version an empty resource list, so its discovery still succeeds", () => {
        assert.deepEqual((aggregatedApiAnswer("custom.metrics.k8s.io/v1beta2", [])?.body as any).resources, []);
    });
});
