// Tracing (Jaeger v2): the pinned jaeger chart (not the operator, no agent) with each profile's
// sizing and restricted pods, memory storage in dev and the logging component's Elasticsearch in
// staging and prod (password only in a Secret, TLS verified), the OTLP and query endpoints, and
// nothing when tracing is off.
import { strict as assert } from "assert";
import { findSecretLeaks } from "../harness/secrets";
import { childrenOf, ofType, one, RecordedResource, RunResult, runStack, runOk } from "../harness";
import { isWrappedSecret, unwrapSecrets } from "../harness/wire";
import { itRendered, ofKind, renderedBy, restrictedAndSizedViolations } from "../harness/renderedCharts";

const CHART = "kubernetes:helm.sh/v4:Chart";
const SERVICE = "kubernetes:core/v1:Service";
const SECRET = "kubernetes:core/v1:Secret";
const COMPONENT = "platform:tracing:Tracing";

interface Expected {
    storage: "memory" | "elasticsearch";
    replicas: number;
    resources: { requests: { cpu: string; memory: string }; limits: { memory: string } };
    indexReplicas?: number;
}

// The profiles' tracing settings (stacks/*/profile.ts), restated independently.
const EXPECTED: Record<string, Expected> = {
    dev: { storage: "memory", replicas: 1, resources: { requests: { cpu: "100m", memory: "256Mi" }, limits: { memory: "512Mi" } } },
    staging: {
        storage: "elasticsearch", replicas: 2, indexReplicas: 1,
        resources: { requests: { cpu: "200m", memory: "512Mi" }, limits: { memory: "1Gi" } },
    },
    prod: {
        storage: "elasticsearch", replicas: 3, indexReplicas: 1,
        resources: { requests: { cpu: "500m", memory: "1Gi" }, limits: { memory: "2Gi" } },
    },
};

const ok = runOk;

const chartOf = (run: RunResult) => one(run, CHART, "jaeger");
const valuesOf = (run: RunResult) => chartOf(run).inputs.values;
const backendOf = (run: RunResult) => {
    const config = valuesOf(run).userconfig;
    const store = config.exporters.jaeger_storage_exporter.trace_storage;
    assert.equal(config.extensions.jaeger_query.storage.traces, store, "the UI reads where the collector writes");
    return config.extensions.jaeger_storage.backends[store];
};
const unwrap = unwrapSecrets;
function tracingResources(run: RunResult): RecordedResource[] {
    const found = [...ofType(run, COMPONENT)];
    for (let i = 0; i < found.length; i++) found.push(...childrenOf(run, found[i]));
    return found;
}
const serviceNamed = (run: RunResult, name: string) => {
    const found = ofType(run, SERVICE).filter((s) => s.inputs.metadata?.name === name && s.inputs.metadata?.namespace === "tracing");
    assert.equal(found.length, 1, `one Service ${name} in tracing`);
    return found[0].inputs;
};

describe("tracing", () => {
    for (const stack of Object.keys(EXPECTED)) {
        const e = EXPECTED[stack];
        describe(stack, () => {
            it("installs the Jaeger v2 chart jaeger 4.11.1 from jaegertracing into tracing", () => {
                const chart = chartOf(ok(stack)).inputs;
                assert.equal(chart.chart, "jaeger");
                assert.equal(chart.version, "4.11.1");
                assert.equal(chart.repositoryOpts.repo, "https://jaegertracing.github.io/helm-charts");
                assert.equal(chart.namespace, "tracing");
                assert.deepEqual(ofType(ok(stack), CHART).filter((c) => /jaeger-operator/.test(c.inputs.chart)), []);
            });

            it(`runs ${e.replicas} restricted replica(s) with the profile's resources`, () => {
                const v = valuesOf(ok(stack)).jaeger;
                assert.equal(v.replicas, e.replicas);
                assert.deepEqual(v.resources, e.resources);
                assert.equal(v.serviceAccount.automountServiceAccountToken, false);
            });

            itRendered("renders one restricted, sized Deployment named jaeger, as a non-root user, and no maintenance jobs", async () => {
                const objects = await renderedBy(ok(stack), "jaeger");
                const [deployment] = ofKind(objects, "Deployment");
                assert.equal(deployment?.metadata.name, "jaeger", "stable object names");
                assert.equal(deployment.spec.replicas, e.replicas);
                assert.ok(deployment.spec.template.spec.securityContext.runAsUser > 0, "a non-root uid");
                assert.deepEqual(restrictedAndSizedViolations(objects), []);
                assert.deepEqual(objects.filter((o) => ["CronJob", "Job"].includes(o.kind)), [], "no index cleaner, rollover, lookback or Spark job");
                // Without Elasticsearch the chart's Recreate keeps a single in-memory store; with it, roll without losing a replica.
                const strategy = deployment.spec.strategy;
                if (stack === "dev") assert.deepEqual(strategy, { type: "Recreate" });
                else assert.deepEqual(strategy, { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } });
            });

            it("receives OTLP only, on gRPC 4317 and HTTP 4318, and runs no agent", () => {
                const config = valuesOf(ok(stack)).userconfig;
                assert.deepEqual(config.service.pipelines.traces.receivers, ["otlp"]);
                assert.deepEqual(Object.keys(config.receivers), ["otlp"], "no jaeger (agent) or zipkin receivers");
                assert.equal(config.receivers.otlp.protocols.grpc.endpoint, "0.0.0.0:4317");
                assert.equal(config.receivers.otlp.protocols.http.endpoint, "0.0.0.0:4318");
                assert.equal(config.extensions.jaeger_query.http.endpoint, "0.0.0.0:16686");
            });

            it("exposes the collector and the query UI through stable Services on the Jaeger pods", () => {
                const run = ok(stack);
                const collector = serviceNamed(run, "jaeger-collector");
                assert.deepEqual(collector.spec.ports.map((p: any) => [p.port, p.appProtocol]), [[4317, "grpc"], [4318, "http"]]);
                const query = serviceNamed(run, "jaeger-query");
                assert.ok(query.spec.ports.some((p: any) => p.port === 16686));
                // The jaeger 4.11.1 chart labels its pods with the chart name, the release and "all-in-one".
                const selector = { "app.kubernetes.io/name": "jaeger", "app.kubernetes.io/instance": "jaeger", "app.kubernetes.io/component": "all-in-one" };
                assert.deepEqual(collector.spec.selector, selector);
                assert.deepEqual(query.spec.selector, selector);
                assert.equal(chartOf(run).name, "jaeger", "the release whose pods are selected");
            });

            it("exports the OTLP endpoints and the query URL", () => {
                assert.equal((ok(stack).outputs.namespaces as any).tracing, "tracing");
                assert.deepEqual(ok(stack).outputs.tracing, {
                    otlpGrpcEndpoint: "jaeger-collector.tracing.svc.cluster.local:4317",
                    otlpHttpEndpoint: "http://jaeger-collector.tracing.svc.cluster.local:4318",
                    queryUrl: "http://jaeger-query.tracing.svc.cluster.local:16686",
                });
            });

            if (e.storage === "memory") {
                it("keeps traces in memory, with no Elasticsearch credentials", () => {
                    const run = ok(stack);
                    const backend = backendOf(run);
                    assert.deepEqual(Object.keys(backend), ["memory"]);
                    assert.ok(backend.memory.max_traces > 0);
                    assert.equal(valuesOf(run).jaeger.extraVolumes, undefined);
                    assert.deepEqual(tracingResources(run).filter((r) => r.type === SECRET), []);
                });
            } else {
                it("stores traces in the logging Elasticsearch over verified TLS as the jaeger user", () => {
                    const run = ok(stack);
                    const es = backendOf(run).elasticsearch;
                    assert.deepEqual(es.server_urls, ["https://elasticsearch-es-http.logging.svc:9200"]);
                    assert.equal(es.auth.basic.username, "jaeger");
                    assert.equal(es.auth.basic.password, undefined, "no password in the values");
                    assert.equal(es.tls.insecure, false);
                    for (const index of ["spans", "services", "dependencies", "sampling"]) {
                        assert.equal(es.indices[index].replicas, e.indexReplicas);
                    }
                    const v = valuesOf(run).jaeger;
                    const mounted = (file: string) => {
                        const mount = v.extraVolumeMounts.find((m: any) => file.startsWith(`${m.mountPath}/`));
                        assert.ok(mount, `${file} is mounted`);
                        return v.extraVolumes.find((vol: any) => vol.name === mount.name).secret;
                    };
                    const passwordVolume = mounted(es.auth.basic.password_file);
                    assert.equal(passwordVolume.items[0].key, "password");
                    assert.equal(mounted(es.tls.ca_file).secretName, "elasticsearch-ca");

                    const credentials = ofType(run, SECRET).find((s) =>
                        s.inputs.metadata?.name === passwordVolume.secretName && s.inputs.metadata?.namespace === "tracing");
                    assert.ok(credentials, "the credentials Secret lives in the tracing namespace");
                    const wire = credentials.serializedInputs.stringData;
                    assert.ok(isWrappedSecret(wire) || isWrappedSecret(wire.password), "password is secret");
                    assert.equal(unwrap(wire).username, "jaeger");
                    assert.ok(chartOf(run).dependencies.includes(credentials.urn), "Jaeger starts after its Secret exists");
                });

                it("uses the same password the logging component gave the jaeger user", () => {
                    const run = ok(stack);
                    const realm = ofType(run, SECRET).find((s) => s.inputs.metadata?.name === "es-user-jaeger")!;
                    const copy = ofType(run, SECRET).find((s) =>
                        s.inputs.metadata?.namespace === "tracing" && unwrap(s.serializedInputs.stringData).username === "jaeger")!;
                    assert.equal(unwrap(copy.serializedInputs.stringData).password, unwrap(realm.serializedInputs.stringData).password);
                });
            }

            it("keeps secrets out of plaintext", () => {
                const run = ok(stack);
                const mine = new Set(tracingResources(run).map((r) => `${r.type} ${r.name}`));
                assert.deepEqual(findSecretLeaks(run).filter((l) => mine.has(l.where) || l.where === "stack outputs"), []);
                const values = JSON.stringify(chartOf(run).inputs.values);
                for (const secret of run.secretValues) assert.ok(!values.includes(secret), "no secret in the chart values");
            });
        });
    }

    describe("overrides", () => {
        it("registers nothing when tracing is disabled", () => {
            const run = ok("staging", { tracing: { enabled: false } });
            assert.deepEqual(ofType(run, COMPONENT), []);
            assert.deepEqual(ofType(run, CHART).filter((c) => c.name === "jaeger"), []);
            assert.deepEqual(run.resources.filter((r) => /jaeger/.test(r.name) && r.name !== "es-user-jaeger"), []);
            assert.deepEqual(run.outputs.tracing, { otlpGrpcEndpoint: null, otlpHttpEndpoint: null, queryUrl: null });
        });

        it("keeps user chart values over the defaults", () => {
            const run = ok("dev", {
                chartValues: {
                    jaeger: {
                        jaeger: { nodeSelector: { pool: "observability" }, resources: { limits: { memory: "768Mi" } } },
                        userconfig: { extensions: { jaeger_storage: { backends: { primary_store: { memory: { max_traces: 5000 } } } } } },
                    },
                },
            });
            const v = valuesOf(run);
            assert.deepEqual(v.jaeger.nodeSelector, { pool: "observability" });
            assert.equal(v.jaeger.resources.limits.memory, "768Mi", "user value wins");
            assert.equal(v.jaeger.resources.requests.memory, "256Mi", "default sibling kept");
            assert.equal(v.userconfig.extensions.jaeger_storage.backends.primary_store.memory.max_traces, 5000);
            assert.equal(v.userconfig.receivers.otlp.protocols.grpc.endpoint, "0.0.0.0:4317", "untouched defaults kept");
        });

        it("can use Elasticsearch in dev too, with the single node's zero index replicas", () => {
            const run = ok("dev", { tracing: { storage: "elasticsearch" } });
            const es = backendOf(run).elasticsearch;
            assert.equal(es.indices.spans.replicas, 0);
            const caSync = one(run, "kubernetes:batch/v1:Job", "elasticsearch-ca-sync").inputs.spec.template.spec.containers[0];
            const targets = caSync.env.find((x: any) => x.name === "TARGET_NAMESPACES").value.split(" ");
            assert.ok(targets.includes("tracing"), "the CA is copied to tracing");
        });

        it("rejects Elasticsearch storage with logging disabled", () => {
            const run = runStack("staging", { logging: { enabled: false } });
            assert.match(run.error ?? "", /tracing\.storage/);
            assert.deepEqual(ofType(run, COMPONENT), []);
        });
    });
});
