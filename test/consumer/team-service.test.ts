// The example consumer (examples/team-service) under mocks: its StackReference returns what the
// platform program really exports for a stack (run under mocks too), so these tests exercise the
// contract end to end. The example's own test (examples/team-service/test) needs no platform.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { CONTRACT_VERSION } from "@reference-platform/consumer";
import { ofType, RunResult, runStack, StackOverrides } from "../harness";
import { isWrappedSecret, plaintextStrings, unwrapSecrets } from "../harness/wire";

const PROJECT = "examples/team-service";
const STACKS = ["dev", "staging", "prod"];

/** The example's stack of the same name, reading the given platform run's outputs. */
function consumer(platform: RunResult, overrides: StackOverrides = {}, outputs = platform.outputs): RunResult {
    return runStack(platform.stack, overrides, { projectDir: PROJECT, stackReferenceOutputs: outputs });
}

const deployment = (run: RunResult) => ofType(run, "kubernetes:apps/v1:Deployment")[0];
/** What the program registered besides the StackReference it reads the platform through. */
const registered = (run: RunResult) => run.resources.filter((r) => !/^pulumi:pulumi:(Stack|StackReference)$/.test(r.type));
const out = (run: RunResult, area: string) => run.outputs[area] as Record<string, any>;

describe("example consumer: team-service", () => {
    it("installs the consumer package by a range that takes its current version", () => {
        const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../examples/team-service/package.json"), "utf8"));
        const range = manifest.dependencies["@reference-platform/consumer"] as string;
        assert.equal(Number(/^\^(\d+)\./.exec(range)?.[1]), CONTRACT_VERSION, range);
    });

    for (const stack of STACKS) {
        describe(`against the ${stack} platform, with no setting copied from it`, () => {
            it("deploys into the team's namespace with the platform's workload defaults and Pod Security", () => {
                const platform = runStack(stack);
                const run = consumer(platform);
                assert.equal(run.error, undefined);
                const d = deployment(run);
                const workloads = out(platform, "workloads");
                assert.equal(d.inputs.metadata.namespace, out(platform, "namespaces").teams.data);
                const container = d.inputs.spec.template.spec.containers[0];
                assert.deepEqual(container.resources.requests, workloads.resources.requests);
                assert.equal(container.resources.limits.memory, workloads.resources.limits.memory);
                assert.equal(container.resources.limits.cpu, workloads.resources.limits.cpu ?? undefined);
                const hpa = ofType(run, "kubernetes:autoscaling/v2:HorizontalPodAutoscaler");
                assert.equal(hpa.length, workloads.autoscaling.enabled ? 1 : 0);
                if (!workloads.autoscaling.enabled) assert.equal(d.inputs.spec.replicas, workloads.replicas);
                assert.equal(d.inputs.spec.template.spec.securityContext.runAsNonRoot, true);
                assert.equal(run.outputs.url, `http://reports.${out(platform, "namespaces").teams.data}.svc.cluster.local`);
                assert.equal(run.outputs.platformContractVersion, CONTRACT_VERSION);
            });

            it("scrapes with the scheme and identity the platform's mTLS mode requires", () => {
                const platform = runStack(stack);
                const run = consumer(platform);
                const monitor = ofType(run, "kubernetes:monitoring.coreos.com/v1:ServiceMonitor")[0];
                const endpoint = monitor.inputs.spec.endpoints[0];
                const policy = ofType(run, "kubernetes:security.istio.io/v1:AuthorizationPolicy")[0];
                const principals: string[] = policy.inputs.spec.rules.flatMap((r: any) => r.from?.flatMap((f: any) => f.source.principals ?? []) ?? []);
                const scrape = out(platform, "monitoring").mtlsScrape;
                if (out(platform, "mesh").mtlsMode === "STRICT") {
                    const identity = `${out(platform, "mesh").trustDomain}/ns/${scrape.prometheusNamespace}/sa/${scrape.prometheusServiceAccount}`;
                    assert.equal(endpoint.scheme, "https");
                    // Prometheus refuses monitors that name its files: the monitor opts into the platform's
                    // scrape class, whose TLS settings are the files the contract exports.
                    assert.equal(endpoint.tlsConfig, undefined);
                    const chart = ofType(platform, "kubernetes:helm.sh/v4:Chart").find((c) => c.name === "kube-prometheus-stack")!;
                    const scrapeClass = chart.inputs.values.prometheus.prometheusSpec.scrapeClasses
                        .find((c: any) => c.name === monitor.inputs.spec.scrapeClass);
                    assert.ok(scrapeClass, `the platform's Prometheus defines scrape class ${monitor.inputs.spec.scrapeClass}`);
                    assert.deepEqual([scrapeClass.tlsConfig.caFile, scrapeClass.tlsConfig.certFile, scrapeClass.tlsConfig.keyFile],
                        [scrape.caFile, scrape.certFile, scrape.keyFile]);
                    assert.ok(principals.includes(identity), principals.join(", "));
                    assert.deepEqual(run.outputs.scrape, { scheme: "https", identity });
                } else {
                    assert.equal(endpoint.scheme, "http");
                    assert.equal(endpoint.tlsConfig, undefined);
                    assert.equal(monitor.inputs.spec.scrapeClass, undefined);
                    assert.equal(scrape, null);
                    assert.deepEqual(run.outputs.scrape, { scheme: "http", identity: null });
                }
            });
        });
    }

    it("sends traces to the platform's collector and joins its mesh", () => {
        const platform = runStack("dev");
        const run = consumer(platform);
        const configMap = ofType(run, "kubernetes:core/v1:ConfigMap", "reports")[0];
        assert.equal(configMap.inputs.data.OTEL_EXPORTER_OTLP_ENDPOINT, `http://${out(platform, "tracing").otlpGrpcEndpoint}`);
        for (const kind of ["networking.istio.io/v1:VirtualService", "networking.istio.io/v1:DestinationRule"]) {
            assert.equal(ofType(run, `kubernetes:${kind}`).length, 1, kind);
        }
    });

    it("leaves monitoring out when the platform stack has none", () => {
        const run = consumer(runStack("dev", { monitoring: { enabled: false } }));
        assert.equal(run.error, undefined);
        assert.equal(ofType(run, "kubernetes:monitoring.coreos.com/v1:ServiceMonitor").length, 0);
        assert.equal(run.outputs.scrape, null);
    });

    describe("keeps secrets secret", () => {
        const planted = { API_TOKEN: "planted-secret-b93f0d1e", DB_PASSWORD: "planted-secret-77aa01c4" };

        it("delivers secretEnv set with --secret through a Secret, secret in the state", () => {
            const run = consumer(runStack("dev"), { secretEnv: { secret: JSON.stringify({ API_TOKEN: planted.API_TOKEN }) } });
            assert.equal(run.error, undefined);
            const secret = ofType(run, "kubernetes:core/v1:Secret", "reports")[0];
            assert.ok(isWrappedSecret(secret.serializedInputs.stringData), "stringData is secret");
            assert.equal(unwrapSecrets(secret.inputs.stringData).API_TOKEN, planted.API_TOKEN);
        });

        it("moves a key of env set with --secret into the Secret, never the ConfigMap", () => {
            const run = consumer(runStack("dev"), { env: { secret: JSON.stringify({ DB_PASSWORD: planted.DB_PASSWORD }) } });
            assert.equal(run.error, undefined);
            const configMap = ofType(run, "kubernetes:core/v1:ConfigMap", "reports")[0];
            assert.equal(configMap.inputs.data.DB_PASSWORD, undefined);
            assert.ok(configMap.inputs.data.OTEL_SERVICE_NAME, "the ConfigMap keeps the plain variables");
            const secret = ofType(run, "kubernetes:core/v1:Secret", "reports")[0];
            assert.equal(unwrapSecrets(secret.inputs.stringData).DB_PASSWORD, planted.DB_PASSWORD);
            // Nowhere in plaintext on the wire: every object's inputs as the engine receives them.
            for (const r of run.resources) {
                for (const { path: where, text } of plaintextStrings(r.serializedInputs)) assert.ok(!text.includes(planted.DB_PASSWORD), `${r.type} ${r.name} ${where}`);
            }
        });

        it("keeps plain env in the ConfigMap", () => {
            const run = consumer(runStack("dev"), { env: { LOG_LEVEL: "debug" } });
            assert.equal(ofType(run, "kubernetes:core/v1:ConfigMap", "reports")[0].inputs.data.LOG_LEVEL, "debug");
            assert.equal(ofType(run, "kubernetes:core/v1:Secret").length, 0);
        });
    });

    describe("fails clearly, before registering anything", () => {
        const failsFirst = (run: RunResult, message: RegExp) => {
            assert.match(run.error ?? "", message);
            assert.deepEqual(registered(run).map((r) => `${r.type}::${r.name}`), []);
        };

        it("when the team has no namespace on the platform, in one line naming the platform's teams", () => {
            const run = consumer(runStack("dev"), { team: "nobody" });
            failsFirst(run, /^platform stack "organization\/platform\/dev": has no tenant team "nobody"; its teams: data, shop$/);
        });

        it("when the team is a name every JavaScript object has", () => {
            failsFirst(consumer(runStack("dev"), { team: "constructor" }), /has no tenant team "constructor"; its teams: data, shop/);
            // Not a namespace name at all: the program's own config refuses them first.
            for (const team of ["__proto__", "toString"]) {
                failsFirst(consumer(runStack("dev"), { team }), new RegExp(`team-service:team: must be a DNS-1123 label: .*\\(got "${team}"\\)`));
            }
        });

        it("when the team is missing from its config", () => {
            failsFirst(consumer(runStack("prod"), { team: null }), /team-service:team: .*expected string/);
        });

        it("when it requires an add-on the platform stack has switched off, naming what the stack has", () => {
            const run = consumer(runStack("dev", { monitoring: { enabled: false } }), { uses: { monitoring: true } });
            failsFirst(run, /"organization\/platform\/dev": monitoring is disabled in that stack \(uses\.monitoring: true needs it\); it has: mesh, tracing, logging, gitops/);
        });

        it("when it opts out of a STRICT mesh but still wants to be scraped", () => {
            const run = consumer(runStack("prod"), { uses: { mesh: false } });
            failsFirst(run, /"organization\/platform\/prod": its mesh enforces STRICT mTLS, so Prometheus can only scrape a service that joins the mesh/);
        });

        it("when the platform stack lacks a contract key", () => {
            const platform = runStack("dev");
            const { workloads: _dropped, ...withoutWorkloads } = platform.outputs;
            failsFirst(consumer(platform, {}, withoutWorkloads), new RegExp(`has no output "workloads", which contract v${CONTRACT_VERSION} requires`));
        });

        it("when the platform's contract version is older than the package's", () => {
            const platform = runStack("dev");
            const older = CONTRACT_VERSION - 1;
            failsFirst(consumer(platform, {}, { ...platform.outputs, contractVersion: older }),
                new RegExp(`exports contract v${older}, older than v${CONTRACT_VERSION} which this package reads`));
        });

        it("when an output does not have the contract's type", () => {
            const platform = runStack("dev");
            const run = consumer(platform, {}, { ...platform.outputs, tracing: { ...out(platform, "tracing"), otlpGrpcEndpoint: 4317 } });
            failsFirst(run, new RegExp(`output does not match contract v${CONTRACT_VERSION}: tracing\\.otlpGrpcEndpoint`));
        });

        it("when its own config is mistyped", () => {
            failsFirst(consumer(runStack("dev"), { platfromStack: "x/y/z" }), /team-service:.*platfromStack/);
        });

        it("when it still sets a knob the platform now decides", () => {
            failsFirst(consumer(runStack("staging"), { uses: { mtlsScrape: true } }), /team-service:uses.*mtlsScrape/);
        });
    });
});
