// Kiali, the mesh console: the pinned kiali-server chart in the mesh's root namespace, reading
// the Services the other add-ons really run (Prometheus and Grafana as kube-prometheus-stack
// names them, the tracing component's Jaeger query Service), sized and authenticated per stack,
// read-only, restricted, and absent with the mesh or monitoring off.
import { strict as assert } from "assert";
import { MESH_OFF, MONITORING_OFF, ofType, one, RecordedResource, runOk, RunResult } from "../harness";
import { isWrappedSecret } from "../harness/wire";

const CHART = "kubernetes:helm.sh/v4:Chart";
const SERVICE = "kubernetes:core/v1:Service";
const SECRET = "kubernetes:core/v1:Secret";

// Restated on purpose: the pin (repository, chart, version) and what each stack is given.
const PIN = { chart: "kiali-server", version: "2.29.0", repo: "https://kiali.org/helm-charts" };
const EXPECTED: Record<string, { auth: string; viewOnly: boolean; replicas: number; requests: Record<string, string>; limits: Record<string, string> }> = {
    dev: { auth: "anonymous", viewOnly: true, replicas: 1, requests: { cpu: "50m", memory: "128Mi" }, limits: { memory: "512Mi" } },
    staging: { auth: "token", viewOnly: false, replicas: 1, requests: { cpu: "100m", memory: "256Mi" }, limits: { memory: "1Gi" } },
    prod: { auth: "token", viewOnly: true, replicas: 2, requests: { cpu: "100m", memory: "256Mi" }, limits: { memory: "1Gi" } },
};

const kiali = (run: RunResult): RecordedResource => one(run, CHART, "kiali");
const valuesOf = (run: RunResult) => kiali(run).inputs.values;
const outputs = (run: RunResult) => run.outputs as Record<string, any>;

/** "http://<name>.<namespace>.svc[.cluster.local][:port]" -> its parts (port 80 when absent). */
function serviceOf(url: string): { name: string; namespace: string; port: number } {
    const u = new URL(url);
    const [name, namespace] = u.hostname.split(".");
    assert.match(u.hostname, /^[a-z0-9-]+\.[a-z0-9-]+\.svc(\.cluster\.local)?$/, `${url} is an in-cluster Service URL`);
    return { name, namespace, port: u.port ? Number(u.port) : 80 };
}

for (const stack of Object.keys(EXPECTED)) {
    const expected = EXPECTED[stack];
    describe(`Kiali (${stack})`, () => {
        it(`installs ${PIN.chart} ${PIN.version} from its repository into the mesh's root namespace`, () => {
            const run = runOk(stack);
            const chart = kiali(run).inputs;
            assert.deepEqual([chart.chart, chart.version, chart.repositoryOpts?.repo], [PIN.chart, PIN.version, PIN.repo]);
            assert.equal(chart.namespace, outputs(run).namespaces.meshControlPlane);
            const istiod = one(run, CHART, "istiod-1-29");
            assert.ok(kiali(run).dependencies.includes(istiod.urn), "after istiod");
        });

        it("reads Prometheus and Grafana where kube-prometheus-stack serves them, traces from the Jaeger query Service", () => {
            const run = runOk(stack);
            const services = valuesOf(run).external_services;
            assert.equal(services.prometheus.url, outputs(run).monitoring.prometheusUrl);
            assert.equal(services.grafana.in_cluster_url, outputs(run).monitoring.grafanaUrl);
            assert.equal(services.tracing.in_cluster_url, outputs(run).tracing.queryUrl);

            const stackChart = one(run, CHART, "kube-prometheus-stack").inputs;
            const prometheus = serviceOf(services.prometheus.url);
            assert.deepEqual([prometheus.name, prometheus.namespace, prometheus.port],
                [`${stackChart.values.fullnameOverride}-prometheus`, stackChart.namespace, stackChart.values.prometheus.service?.port ?? 9090]);
            const grafana = serviceOf(services.grafana.in_cluster_url);
            assert.deepEqual([grafana.name, grafana.namespace], [stackChart.values.grafana.fullnameOverride, stackChart.namespace]);

            const jaeger = serviceOf(services.tracing.in_cluster_url);
            const query = ofType(run, SERVICE).find((s) => s.inputs.metadata.name === jaeger.name && s.inputs.metadata.namespace === jaeger.namespace);
            assert.ok(query, `a Service ${jaeger.namespace}/${jaeger.name} exists`);
            assert.ok(query!.inputs.spec.ports.some((p: any) => p.port === jaeger.port), `it serves port ${jaeger.port}`);
            assert.deepEqual([services.tracing.enabled, services.tracing.provider, services.tracing.use_grpc], [true, "jaeger", false]);
        });

        it("follows the mesh's root namespace and default revision", () => {
            const run = runOk(stack);
            assert.deepEqual(valuesOf(run).external_services.istio, {
                root_namespace: outputs(run).namespaces.meshControlPlane,
                istio_canary_revision: { current: outputs(run).mesh.revision },
            });
        });

        it(`signs in ${expected.auth}, ${expected.viewOnly ? "view-only" : "with the user's own RBAC"}`, () => {
            const values = valuesOf(runOk(stack));
            assert.equal(values.auth.strategy, expected.auth);
            assert.equal(values.deployment.view_only_mode, expected.viewOnly);
            // The chart renders its write ClusterRole only for anonymous access without view-only mode.
            assert.ok(values.deployment.view_only_mode || values.auth.strategy !== "anonymous", "the viewer ClusterRole is rendered");
        });

        it("signs sessions with a key from a Secret, never one written into the chart's ConfigMap", () => {
            const run = runOk(stack);
            const [, name, key] = /^secret:([^:]+):(.+)$/.exec(valuesOf(run).login_token.signing_key)!;
            const secret = ofType(run, SECRET).find((s) => s.inputs.metadata.name === name && s.inputs.metadata.namespace === kiali(run).inputs.namespace);
            assert.ok(secret, `Secret ${name} next to Kiali`);
            const data = secret!.serializedInputs.stringData;
            assert.ok(isWrappedSecret(data) || isWrappedSecret(data[key]), "its key is a secret");
            assert.ok(kiali(run).dependencies.includes(secret!.urn), "the chart mounts it, so it comes first");
        });

        it(`runs ${expected.replicas} restricted replica(s) without a sidecar, sized for the stack`, () => {
            const d = valuesOf(runOk(stack)).deployment;
            assert.equal(d.replicas, expected.replicas);
            assert.deepEqual(d.resources, { requests: expected.requests, limits: expected.limits });
            assert.deepEqual(d.security_context, {
                allowPrivilegeEscalation: false, privileged: false, readOnlyRootFilesystem: true, runAsNonRoot: true,
                capabilities: { drop: ["ALL"] }, seccompProfile: { type: "RuntimeDefault" },
            });
            assert.equal(d.pod_annotations["sidecar.istio.io/inject"], "false");
            assert.deepEqual(d.pod_disruption_budget?.spec, expected.replicas > 1 ? { maxUnavailable: 1 } : undefined);
        });

        it("exports its URL in the contract", () => {
            const run = runOk(stack);
            const url = serviceOf(outputs(run).mesh.kialiUrl);
            assert.deepEqual([url.name, url.namespace, url.port], [valuesOf(run).fullnameOverride, kiali(run).inputs.namespace, 20001]);
        });
    });
}

describe("Kiali switches", () => {
    for (const [what, overrides] of [
        ["the mesh off", MESH_OFF],
        ["monitoring off", MONITORING_OFF],
        ["mesh.kiali.enabled false", { mesh: { kiali: { enabled: false } } }],
    ] as const) {
        it(`installs nothing with ${what}, and exports a null URL`, () => {
            const run = runOk("prod", overrides);
            assert.deepEqual(ofType(run, CHART).filter((c) => c.inputs.chart === PIN.chart), []);
            assert.deepEqual(ofType(run, "platform:kiali:Kiali"), []);
            assert.equal(outputs(run).mesh.kialiUrl, null);
        });
    }

    it("turns tracing links off without tracing", () => {
        const tracing = valuesOf(runOk("prod", { tracing: { enabled: false }, })).external_services.tracing;
        assert.equal(tracing.enabled, false);
    });

    it("learns the canary revision while two control planes run", () => {
        const run = runOk("staging", { mesh: { revisions: [{ name: "1-29", version: "1.29.6" }, { name: "1-30", version: "1.30.3" }] } });
        assert.deepEqual(valuesOf(run).external_services.istio.istio_canary_revision, { current: "1-29", upgrade: "1-30" });
    });

    it("takes stack chart values over the defaults", () => {
        const run = runOk("dev", { chartValues: { kiali: { deployment: { logger: { log_level: "debug" } } } } });
        assert.equal(valuesOf(run).deployment.logger.log_level, "debug");
        assert.equal(valuesOf(run).deployment.replicas, 1);
    });
});
