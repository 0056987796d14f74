// Automated canaries: in staging and prod the shop's orders service runs through an Argo Rollout
// that takes over its Deployment's pods, moves the weight of its own VirtualService routes in the
// steps its stack sets, and rolls back on the success rate and p99 latency its stack sets, read from
// the mesh's metrics of the canary's pods only. Both objects validate against the chart's own CRDs,
// and moving orders between hand-set and automated canaries keeps its Deployment as it is.
import { strict as assert } from "assert";
import Ajv from "ajv";
import { ofType, one, RecordedResource, runOk, StackOverrides } from "../harness";
import { itRendered, ofKind, renderedBy } from "../harness/renderedCharts";
import { TYPES } from "../harness/types";

const { chart: CHART, deployment: DEPLOYMENT, hpa: HPA, rollout: ROLLOUT, analysisTemplate: ANALYSIS_TEMPLATE,
    virtualService: VIRTUAL_SERVICE, destinationRule: DESTINATION_RULE, prometheusRule: PROMETHEUS_RULE } = TYPES;
// Restated on purpose: each stack's orders settings (stacks/<stack>/profile.ts) as the weights,
// pauses and thresholds Argo Rollouts must be given, and the names Argo Rollouts' metrics use.
const ORDERS: Record<string, { weights: number[]; pause: string; successRatio: number; p99Ms: number; failureLimit: number; window: string }> = {
    staging: { weights: [25, 50, 75], pause: "1m", successRatio: 0.99, p99Ms: 500, failureLimit: 1, window: "60s" },
    prod: { weights: [10, 20, 30, 40, 50], pause: "2m", successRatio: 0.999, p99Ms: 300, failureLimit: 1, window: "120s" },
};
const CRDS = { Rollout: "rollouts.argoproj.io", AnalysisTemplate: "analysistemplates.argoproj.io" };
const ROLLOUT_PHASE_METRIC = "rollout_info";

const shop = (resources: RecordedResource[]) => resources.filter((r) => r.inputs.metadata?.namespace === "shop");
const named = (resources: RecordedResource[], name: string) => shop(resources).filter((r) => r.inputs.metadata.name === name);
const HAND_SET: StackOverrides = { shop: { services: { orders: { delivery: { strategy: "canary", canary: { weight: 10 } } } } } };
const ROLLING: StackOverrides = { shop: { services: { orders: { delivery: { strategy: "rolling" } } } } };

describe("automated canaries (dev)", () => {
    it("installs no Argo Rollouts and gives no service a Rollout: dev moves weights by hand", () => {
        const run = runOk("dev");
        assert.equal(ofType(run, CHART).some((c) => c.inputs.chart === "argo-rollouts"), false);
        assert.deepEqual(ofType(run, ROLLOUT), []);
    });
});

for (const [stack, orders] of Object.entries(ORDERS)) {
    describe(`automated canaries (${stack})`, function () {
        // Some cases run the program again with other settings.
        this.timeout(10 * 60 * 1000);

        it("runs orders through a Rollout over its Deployment, in the stack's steps, scaled by its HPA", () => {
            const run = runOk(stack);
            assert.deepEqual(shop(ofType(run, ROLLOUT)).map((r) => r.inputs.metadata.name), ["orders"]);
            const { spec } = named(ofType(run, ROLLOUT), "orders")[0].inputs;
            assert.deepEqual(spec.workloadRef, { apiVersion: "apps/v1", kind: "Deployment", name: "orders", scaleDown: "progressively" });
            const steps = orders.weights.flatMap((w) => [{ setWeight: w }, { pause: { duration: orders.pause } }]);
            assert.deepEqual(spec.strategy.canary.steps, steps);
            // The pods the Rollout runs are the Deployment's: its selector matches the Deployment's template.
            const deployment = named(ofType(run, DEPLOYMENT), "orders")[0].inputs;
            for (const [key, value] of Object.entries(spec.selector.matchLabels)) assert.equal(deployment.spec.template.metadata.labels[key], value, key);
            assert.equal(deployment.spec.replicas, undefined, "the Deployment leaves its count to the Rollout");
            assert.equal(spec.replicas, undefined, "the Rollout leaves its count to its autoscaler");
            const hpa = named(ofType(run, HPA), "orders")[0].inputs;
            assert.deepEqual(hpa.spec.scaleTargetRef, { apiVersion: "argoproj.io/v1alpha1", kind: "Rollout", name: "orders" });
        });

        it("moves the weights of routes the service's VirtualServices have, to subsets its DestinationRule has", () => {
            const run = runOk(stack);
            const { istio } = named(ofType(run, ROLLOUT), "orders")[0].inputs.spec.strategy.canary.trafficRouting;
            // orders is public (components/shop/topology.ts): the gateway's routes move too.
            assert.deepEqual(istio.virtualServices.map((v: { name: string }) => v.name).sort(), ["orders", "orders-public"]);
            const rule = named(ofType(run, DESTINATION_RULE), istio.destinationRule.name)[0].inputs;
            const subsets = rule.spec.subsets.map((s: { name: string }) => s.name);
            assert.ok(subsets.includes(istio.destinationRule.stableSubsetName) && subsets.includes(istio.destinationRule.canarySubsetName));
            for (const ref of istio.virtualServices) {
                const vs = named(ofType(run, VIRTUAL_SERVICE), ref.name)[0].inputs;
                for (const routeName of ref.routes) {
                    const route = vs.spec.http.find((r: { name: string }) => r.name === routeName);
                    assert.ok(route, `${ref.name} has route ${routeName}`);
                    const weights = Object.fromEntries(route.route.map((d: any) => [d.destination.subset, d.weight]));
                    // At rest, as Argo Rollouts leaves it: everything on stable.
                    assert.deepEqual(weights, { [istio.destinationRule.stableSubsetName]: 100, [istio.destinationRule.canarySubsetName]: 0 });
                }
            }
        });

        itRendered("analyses the canary's pods on the stack's thresholds, in objects valid against the chart's CRDs", async () => {
            const run = runOk(stack);
            const crds = ofKind(await renderedBy(run, "argo-rollouts"), "CustomResourceDefinition");
            const validator = (name: string) => {
                const crd = crds.find((c) => c.metadata.name === name)!;
                assert.ok(crd, `the chart installs ${name}`);
                return new Ajv({ strict: false, validateFormats: false }).compile(crd.spec.versions.find((v: { name: string }) => v.name === "v1alpha1").schema.openAPIV3Schema);
            };
            const rollout = named(ofType(run, ROLLOUT), "orders")[0];
            const template = named(ofType(run, ANALYSIS_TEMPLATE), rollout.inputs.spec.strategy.canary.analysis.templates[0].templateName)[0];
            for (const [object, crd] of [[rollout, CRDS.Rollout], [template, CRDS.AnalysisTemplate]] as const) {
                const validate = validator(crd);
                assert.ok(validate(object.inputs), `${crd}: ${JSON.stringify(validate.errors)}`);
                assert.ok(object.dependencies?.includes(one(run, CHART, "argo-rollouts").urn), `${crd}: waits for the chart that brings its CRD`);
            }
            const hashArg = rollout.inputs.spec.strategy.canary.analysis.args[0];
            assert.deepEqual(hashArg.valueFrom, { podTemplateHashValue: "Latest" });
            const metrics = Object.fromEntries(template.inputs.spec.metrics.map((m: any) => [m.name, m]));
            assert.deepEqual(Object.keys(metrics).sort(), ["latency-p99", "success-rate"]);
            for (const metric of Object.values(metrics) as any[]) {
                assert.equal(metric.interval, orders.pause);
                assert.equal(metric.failureLimit, orders.failureLimit);
                const query: string = metric.provider.prometheus.query;
                // Only the canary ReplicaSet's pods, whose names start with the Rollout's name and the hash.
                assert.ok(query.includes(`pod=~"orders-{{args.${hashArg.name}}}-.*"`), query);
                assert.ok(query.includes('destination_workload_namespace="shop"') && query.includes(`[${orders.window}]`), query);
            }
            assert.ok(metrics["success-rate"].provider.prometheus.query.includes("istio_requests_total{"));
            assert.ok(metrics["success-rate"].successCondition.endsWith(`result[0] >= ${orders.successRatio}`));
            assert.ok(metrics["latency-p99"].provider.prometheus.query.includes("istio_request_duration_milliseconds_bucket{"));
            assert.ok(metrics["latency-p99"].successCondition.endsWith(`result[0] <= ${orders.p99Ms}`));
            // The address names the Service the monitoring chart renders in front of Prometheus, on its port.
            const address = new URL(metrics["success-rate"].provider.prometheus.address);
            const [host, namespace] = address.hostname.split(".");
            const prometheus = ofKind(await renderedBy(run, "kube-prometheus-stack"), "Service").find((s) => s.metadata.name === host);
            assert.ok(prometheus && namespace === "monitoring", `${address}: a Service the monitoring chart renders`);
            assert.ok(prometheus.spec.ports.some((p: { port: number }) => p.port === Number(address.port)), `${address}: a port of ${host}`);
        });

        it("alerts when a new version of orders is rolled back, or waits on a canary no request reached", () => {
            const run = runOk(stack);
            const rules = named(ofType(run, PROMETHEUS_RULE), "orders")[0].inputs.spec.groups.flatMap((g: any) => g.rules);
            const failed = rules.find((r: any) => r.alert === "ServiceCanaryFailed");
            assert.ok(failed, "a failed-rollout alert");
            for (const matcher of [`${ROLLOUT_PHASE_METRIC}{`, 'namespace="shop"', 'name="orders"', "Abort"]) assert.ok(failed.expr.includes(matcher), failed.expr);
            assert.ok(rules.some((r: any) => r.alert === "ServiceCanaryWaiting" && r.expr.includes('phase=~"Paused"')));
            const catalogRules = named(ofType(run, PROMETHEUS_RULE), "catalog")[0].inputs.spec.groups.flatMap((g: any) => g.rules);
            assert.ok(!catalogRules.some((r: any) => String(r.expr ?? "").includes(ROLLOUT_PHASE_METRIC)), "no Rollout alert where no Rollout runs");
        });

        it("moves orders between rolling, hand-set and automated canaries without touching its Deployment", () => {
            const deployment = (overrides: StackOverrides) => {
                const found = named(ofType(runOk(stack, overrides), DEPLOYMENT), "orders")[0];
                return { urn: found.urn, inputs: found.inputs };
            };
            const automated = deployment({});
            assert.deepEqual(deployment(HAND_SET), automated);
            assert.deepEqual(deployment(ROLLING), automated);
            const handSet = runOk(stack, HAND_SET);
            assert.deepEqual(shop(ofType(handSet, ROLLOUT)), []);
            assert.deepEqual(named(ofType(handSet, HPA), "orders")[0].inputs.spec.scaleTargetRef, { apiVersion: "apps/v1", kind: "Deployment", name: "orders" });
        });
    });
}
