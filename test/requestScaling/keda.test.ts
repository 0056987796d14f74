// Scaling on traffic: KEDA from its pinned chart, in its own restricted namespace, with its access
// narrowed (no wildcard, no Secret outside its namespace); in staging and prod the shop's catalog
// scales on the mesh's request rate through a ScaledObject valid against the chart's own CRD, in
// place of its HPA; and moving catalog between the two signals keeps its Deployment as it is.
import { strict as assert } from "assert";
import Ajv from "ajv";
import { ofType, one, RecordedResource, runOk, StackOverrides } from "../harness";
import { assertOwnRestrictedNamespace } from "../harness/addOns";
import { itRendered, ofKind, renderedBy, restrictedAndSizedViolations } from "../harness/renderedCharts";

const CHART = "kubernetes:helm.sh/v4:Chart";
const DEPLOYMENT = "kubernetes:apps/v1:Deployment";
const HPA = "kubernetes:autoscaling/v2:HorizontalPodAutoscaler";
const SCALED_OBJECT = "kubernetes:keda.sh/v1alpha1:ScaledObject";
// Restated on purpose: the pin, the CRD, the API KEDA's HPAs read, the mesh's counter, and each
// stack's catalog settings (stacks/<stack>/profile.ts and the workload defaults).
const PIN = { chart: "keda", version: "2.20.2", repo: "https://kedacore.github.io/charts" };
const SCALED_OBJECT_CRD = "scaledobjects.keda.sh";
const EXTERNAL_METRICS_API = "v1beta1.external.metrics.k8s.io";
const MESH_COUNTER = "istio_requests_total";
const CATALOG: Record<string, { min: number; max: number; targetPerPod: number }> = {
    staging: { min: 2, max: 4, targetPerPod: 50 },
    prod: { min: 3, max: 10, targetPerPod: 50 },
};
const TO_RESOURCES: StackOverrides = { shop: { services: { catalog: { autoscaling: { scaleOn: "resources" } } } } };

const shop = (resources: RecordedResource[]) => resources.filter((r) => r.inputs.metadata.namespace === "shop");

describe("scaling on request rate (dev)", () => {
    it("installs no KEDA: autoscaling is off in dev, so nothing would scale on request rate", () => {
        const run = runOk("dev");
        assert.equal(ofType(run, CHART).some((c) => c.inputs.chart === PIN.chart), false);
        assert.deepEqual(ofType(run, SCALED_OBJECT), []);
    });
});

for (const [stack, catalog] of Object.entries(CATALOG)) {
    describe(`scaling on request rate (${stack})`, function () {
        // Some cases run the program again with other settings.
        this.timeout(10 * 60 * 1000);
        it(`installs ${PIN.chart} ${PIN.version} from its repository into its own restricted namespace, outside the mesh`, () => {
            assertOwnRestrictedNamespace(runOk(stack), "keda", PIN, "keda");
        });

        itRendered("runs KEDA's three pods restricted and sized, serves external metrics, and reads no Secret beyond its namespace", async () => {
            const objects = await renderedBy(runOk(stack), "keda");
            assert.deepEqual(ofKind(objects, "Deployment").map((d) => d.metadata.name).sort(),
                ["keda-admission-webhooks", "keda-operator", "keda-operator-metrics-apiserver"]);
            assert.deepEqual(restrictedAndSizedViolations(objects), []);
            assert.deepEqual(ofKind(objects, "APIService").map((s) => s.metadata.name), [EXTERNAL_METRICS_API]);
            assert.ok(ofKind(objects, "CustomResourceDefinition").some((c) => c.metadata.name === SCALED_OBJECT_CRD));
            for (const role of ofKind(objects, "ClusterRole")) {
                for (const rule of role.rules ?? []) {
                    const where = `${role.metadata.name}: ${JSON.stringify(rule)}`;
                    assert.ok(!rule.apiGroups?.includes("*") && !rule.resources?.some((r: string) => r.startsWith("*")), `no wildcard: ${where}`);
                    assert.ok(!rule.resources?.includes("secrets"), `no Secret cluster-wide: ${where}`);
                }
            }
        });

        itRendered("scales catalog on its request rate, with a ScaledObject valid against the chart's CRD, in place of its HPA", async () => {
            const run = runOk(stack);
            const crd = ofKind(await renderedBy(run, "keda"), "CustomResourceDefinition").find((c) => c.metadata.name === SCALED_OBJECT_CRD)!;
            const schema = crd.spec.versions.find((v: { name: string }) => v.name === "v1alpha1").schema.openAPIV3Schema;
            const validate = new Ajv({ strict: false, validateFormats: false }).compile(schema);
            const scaledObjects = shop(ofType(run, SCALED_OBJECT));
            assert.deepEqual(scaledObjects.map((s) => s.inputs.metadata.name), ["catalog"]);
            const [scaled] = scaledObjects;
            const { spec } = scaled.inputs;
            assert.ok(validate(scaled.inputs), JSON.stringify(validate.errors));
            assert.deepEqual(spec.scaleTargetRef, { apiVersion: "apps/v1", kind: "Deployment", name: "catalog" });
            assert.deepEqual([spec.minReplicaCount, spec.maxReplicaCount], [catalog.min, catalog.max]);
            assert.deepEqual(spec.fallback.replicas, catalog.max, "holds the maximum when the rate cannot be read");
            const [trigger] = spec.triggers;
            assert.deepEqual([trigger.type, trigger.metricType, trigger.metadata.threshold], ["prometheus", "AverageValue", String(catalog.targetPerPod)]);
            // The address names the Service the monitoring chart renders in front of Prometheus, on its port.
            const address = new URL(trigger.metadata.serverAddress);
            const [host, namespace] = address.hostname.split(".");
            const prometheus = ofKind(await renderedBy(run, "kube-prometheus-stack"), "Service").find((s) => s.metadata.name === host);
            assert.ok(prometheus && namespace === "monitoring", `${address}: a Service the monitoring chart renders`);
            assert.equal(prometheus.spec.selector["app.kubernetes.io/name"], "prometheus");
            assert.ok(prometheus.spec.ports.some((p: { port: number }) => p.port === Number(address.port)), `${address}: a port of ${host}`);
            for (const matcher of [`${MESH_COUNTER}{`, 'reporter="destination"', 'destination_workload_namespace="shop"', 'destination_workload="catalog"']) {
                assert.ok(trigger.metadata.query.includes(matcher), `the query selects ${matcher}: ${trigger.metadata.query}`);
            }
            assert.ok(scaled.dependencies?.includes(one(run, CHART, "keda").urn), "waits for the chart that brings its CRD");
            const hpaTargets = shop(ofType(run, HPA)).map((h) => h.inputs.spec.scaleTargetRef.name);
            assert.ok(!hpaTargets.includes("catalog"), "catalog has no HPA of its own: KEDA creates it");
            assert.ok(hpaTargets.includes("orders"), "the other services still scale on cpu and memory");
        });

        it("moves catalog between cpu and memory and request rate without touching its Deployments", () => {
            const deployments = (overrides: StackOverrides) => shop(ofType(runOk(stack, overrides), DEPLOYMENT))
                .map((d) => ({ urn: d.urn, inputs: d.inputs }));
            assert.deepEqual(deployments(TO_RESOURCES), deployments({}));
            const onResources = runOk(stack, TO_RESOURCES);
            assert.deepEqual(shop(ofType(onResources, SCALED_OBJECT)), []);
            assert.ok(shop(ofType(onResources, HPA)).some((h) => h.inputs.spec.scaleTargetRef.name === "catalog"));
        });
    });
}

describe("request scaling off", function () {
    this.timeout(10 * 60 * 1000);
    it("installs no KEDA and no namespace for it, and the shop keeps its HPAs", () => {
        const run = runOk("prod", { requestScaling: { enabled: false }, ...TO_RESOURCES });
        assert.equal(ofType(run, CHART).some((c) => c.inputs.chart === PIN.chart), false);
        assert.equal(ofType(run, "kubernetes:core/v1:Namespace").some((n) => n.inputs.metadata.name === "keda"), false);
        assert.deepEqual(ofType(run, SCALED_OBJECT), []);
        assert.equal(shop(ofType(run, HPA)).length, 4);
    });
});
