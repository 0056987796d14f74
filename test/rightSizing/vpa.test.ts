// Right-sizing: the VPA recommender alone (no updater, no admission controller) from its pinned
// chart, in its own restricted namespace; a recommendation-only VPA for every Deployment of every
// service, valid against the CRD the chart installs; and each service's dashboard showing the
// recommendation beside the requests, through the series kube-state-metrics is configured to expose.
import { strict as assert } from "assert";
import Ajv from "ajv";
import { parse } from "yaml";
import { ofType, one, runOk } from "../harness";
import { assertOwnRestrictedNamespace } from "../harness/addOns";
import { itRendered, ofKind, renderedBy, restrictedAndSizedViolations } from "../harness/renderedCharts";

const CHART = "kubernetes:helm.sh/v4:Chart";
const NAMESPACE = "kubernetes:core/v1:Namespace";
const DEPLOYMENT = "kubernetes:apps/v1:Deployment";
const VPA = "kubernetes:autoscaling.k8s.io/v1:VerticalPodAutoscaler";
const CONFIG_MAP = "kubernetes:core/v1:ConfigMap";
// Restated on purpose: the pin, the CRD and where the recommendation lives in a VPA's status.
const PIN = { chart: "vpa", version: "5.0.0", repo: "https://charts.fairwinds.com/stable" };
const VPA_CRD = "verticalpodautoscalers.autoscaling.k8s.io";
const RECOMMENDATION_PATH = ["status", "recommendation", "containerRecommendations"];

const shopDeployments = (stack: string) => ofType(runOk(stack), DEPLOYMENT).filter((d) => d.inputs.metadata.namespace === "shop");

for (const stack of ["dev", "staging", "prod"]) {
    describe(`right-sizing (${stack})`, () => {
        it(`installs ${PIN.chart} ${PIN.version} from its repository into its own restricted namespace, outside the mesh`, () => {
            assertOwnRestrictedNamespace(runOk(stack), "vpa", PIN, "vpa");
        });

        itRendered("runs the recommender only, restricted and sized, and installs the VPA CRD", async () => {
            const objects = await renderedBy(runOk(stack), "vpa");
            assert.deepEqual(ofKind(objects, "Deployment").map((d) => d.metadata.name), ["vpa-recommender"]);
            assert.deepEqual(ofKind(objects, "MutatingWebhookConfiguration"), [], "no admission controller rewrites pods");
            assert.deepEqual(restrictedAndSizedViolations(objects), []);
            assert.ok(ofKind(objects, "CustomResourceDefinition").some((c) => c.metadata.name === VPA_CRD));
        });

        itRendered("gives every Deployment of the shop one recommendation-only VPA, valid against the chart's CRD", async () => {
            const run = runOk(stack);
            const crd = ofKind(await renderedBy(run, "vpa"), "CustomResourceDefinition").find((c) => c.metadata.name === VPA_CRD)!;
            const v1 = crd.spec.versions.find((v: { name: string }) => v.name === "v1");
            const validate = new Ajv({ strict: false, validateFormats: false }).compile(v1.schema.openAPIV3Schema);
            const vpas = ofType(run, VPA);
            const chartUrn = one(run, CHART, "vpa").urn;
            const deployments = shopDeployments(stack);
            assert.ok(deployments.length >= 4);
            for (const deployment of deployments) {
                const { name } = deployment.inputs.metadata;
                const mine = vpas.filter((v) => v.inputs.spec.targetRef.name === name && v.inputs.metadata.namespace === "shop");
                assert.equal(mine.length, 1, `one VPA for Deployment ${name}`);
                const vpa = mine[0].inputs;
                assert.deepEqual(vpa.spec.targetRef, { apiVersion: "apps/v1", kind: "Deployment", name });
                assert.equal(vpa.spec.updatePolicy.updateMode, "Off", `${name}: recommendations only`);
                assert.ok(vpa.spec.resourcePolicy.containerPolicies.some((p: Record<string, string>) => p.containerName === "istio-proxy" && p.mode === "Off"),
                    `${name}: the mesh's sidecar is not the service's to size`);
                assert.ok(validate(vpa), `${name}: ${JSON.stringify(validate.errors)}`);
                assert.ok(mine[0].dependencies?.includes(chartUrn), `${name}: waits for the chart that brings its CRD`);
            }
        });

        itRendered("shows each service's VPA target beside its requests, as kube-state-metrics exposes it", async () => {
            const run = runOk(stack);
            const ksm = await renderedBy(run, "kube-prometheus-stack");
            // The series name and labels kube-state-metrics will expose, read from its rendered config.
            const configMap = ofKind(ksm, "ConfigMap").find((c) => String(Object.values(c.data ?? {})[0] ?? "").includes("CustomResourceStateMetrics"))!;
            const config = parse(String(Object.values(configMap.data)[0]));
            const [resource] = config.spec.resources;
            assert.equal(resource.groupVersionKind.kind, "VerticalPodAutoscaler");
            const metrics = resource.metrics.filter((m: Record<string, any>) => m.each.gauge.path.join(".") === RECOMMENDATION_PATH.join("."));
            assert.deepEqual(metrics.map((m: Record<string, any>) => m.commonLabels.resource).sort(), ["cpu", "memory"]);
            const series = `${resource.metricNamePrefix}_${metrics[0].name}`;
            const rules = ofKind(ksm, "ClusterRole").flatMap((r) => r.rules ?? []);
            assert.ok(rules.some((r: Record<string, string[]>) => r.apiGroups.includes("autoscaling.k8s.io") && r.resources.includes("verticalpodautoscalers") &&
                r.verbs.includes("list") && r.verbs.includes("watch")), "kube-state-metrics may list and watch VPAs");

            for (const service of ["frontend", "catalog", "orders", "payments"]) {
                const dashboard = ofType(run, CONFIG_MAP).find((c) => c.inputs.metadata.namespace === "shop" && c.inputs.data?.[`shop-${service}.json`]);
                assert.ok(dashboard, `${service}: a dashboard`);
                const panels = JSON.parse(dashboard!.inputs.data[`shop-${service}.json`]).panels as { title: string; targets: { expr: string }[] }[];
                for (const [title, resourceName] of [["CPU", "cpu"], ["Memory (working set)", "memory"]]) {
                    const exprs = panels.find((p) => p.title === title)!.targets.map((t) => t.expr);
                    assert.ok(exprs.some((e) => e.includes(series) && e.includes(`resource="${resourceName}"`) && e.includes(`container="${service}"`)),
                        `${service} ${title}: the VPA target (${series})`);
                    assert.ok(exprs.some((e) => e.includes("kube_pod_container_resource_requests") && e.includes(`resource="${resourceName}"`)),
                        `${service} ${title}: the requests`);
                }
            }
        });
    });
}

describe("right-sizing off", () => {
    it("installs no recommender, no namespace for it and no VPA, and the dashboards show no recommendation", () => {
        const run = runOk("prod", { rightSizing: { enabled: false } });
        assert.equal(ofType(run, CHART).some((c) => c.inputs.chart === PIN.chart), false);
        assert.equal(ofType(run, NAMESPACE).some((n) => n.inputs.metadata.name === "vpa"), false);
        assert.deepEqual(ofType(run, VPA), []);
        const dashboards = ofType(run, CONFIG_MAP).filter((c) => c.inputs.metadata.namespace === "shop" && Object.keys(c.inputs.data ?? {}).some((k) => k.endsWith(".json")));
        assert.ok(dashboards.length > 0);
        for (const d of dashboards) assert.ok(!JSON.stringify(d.inputs.data).includes("verticalpodautoscaler"));
    });
});
