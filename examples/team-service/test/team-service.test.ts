// The example consumer under mocks: its StackReference returns what the platform program really
// exports for a stack (run under mocks too), so these tests exercise the contract end to end.
import { strict as assert } from "assert";
import { ofType, RunResult, runStack, StackOverrides } from "../../../test/harness";

const PROJECT = "examples/team-service";

function consumer(platform: RunResult, overrides: StackOverrides = {}, outputs = platform.outputs): RunResult {
    return runStack("dev", overrides, { projectDir: PROJECT, stackReferenceOutputs: outputs });
}

const deployment = (run: RunResult) => ofType(run, "kubernetes:apps/v1:Deployment")[0];

describe("example consumer: team-service", () => {
    it("deploys its service into the team namespace the platform exports, through the Microservice component", () => {
        const run = consumer(runStack("dev"));
        assert.equal(run.error, undefined);
        const d = deployment(run);
        assert.equal(d.inputs.metadata.namespace, "data");
        assert.equal(d.inputs.spec.template.spec.securityContext.runAsNonRoot, true);
        assert.equal(run.outputs.url, "http://reports.data.svc.cluster.local");
        assert.equal(run.outputs.platformContractVersion, 1);
    });

    it("sends traces to the platform's collector and joins its mesh and monitoring", () => {
        const platform = runStack("dev");
        const run = consumer(platform);
        const configMap = ofType(run, "kubernetes:core/v1:ConfigMap", "reports")[0];
        const endpoint = (platform.outputs.tracing as Record<string, string>).otlpGrpcEndpoint;
        assert.equal(configMap.inputs.data.OTEL_EXPORTER_OTLP_ENDPOINT, `http://${endpoint}`);
        for (const kind of ["networking.istio.io/v1:VirtualService", "networking.istio.io/v1:DestinationRule",
            "security.istio.io/v1:AuthorizationPolicy", "monitoring.coreos.com/v1:ServiceMonitor"]) {
            assert.equal(ofType(run, `kubernetes:${kind}`).length, 1, kind);
        }
    });

    it("scrapes over mTLS as the platform's Prometheus identity against a STRICT platform", () => {
        const run = consumer(runStack("staging"), { uses: { mesh: true, monitoring: true, tracing: true, mtlsScrape: true } });
        assert.equal(run.error, undefined);
        const monitor = ofType(run, "kubernetes:monitoring.coreos.com/v1:ServiceMonitor")[0];
        assert.equal(monitor.inputs.spec.endpoints[0].scheme, "https");
        const policy = ofType(run, "kubernetes:security.istio.io/v1:AuthorizationPolicy")[0];
        const principals = policy.inputs.spec.rules.flatMap((r: any) => r.from?.flatMap((f: any) => f.source.principals) ?? []);
        assert.ok(principals.includes("cluster.local/ns/monitoring/sa/monitoring-prometheus"));
    });

    describe("fails clearly", () => {
        it("when the platform stack lacks a contract key", () => {
            const platform = runStack("dev");
            const { tracing: _dropped, ...withoutTracing } = platform.outputs;
            const run = consumer(platform, {}, withoutTracing);
            assert.match(run.error ?? "", /Required output 'tracing' does not exist on stack 'organization\/platform\/dev'/);
        });

        it("when the platform's contract version is older than the helper's", () => {
            const platform = runStack("dev");
            const run = consumer(platform, {}, { ...platform.outputs, contractVersion: 0 });
            assert.match(run.error ?? "", /platform stack "organization\/platform\/dev": exports contract v0, older than v1/);
        });

        it("when an output does not have the contract's type", () => {
            const platform = runStack("dev");
            const run = consumer(platform, {}, { ...platform.outputs, tracing: { otlpGrpcEndpoint: 4317 } });
            assert.match(run.error ?? "", /output does not match contract v1: tracing\.otlpGrpcEndpoint/);
        });

        it("when the team has no namespace on the platform", () => {
            const run = consumer(runStack("dev"), { team: "nobody" });
            assert.match(run.error ?? "", /has no tenant team "nobody"; teams: data, shop/);
        });

        it("when it needs an add-on the platform stack has switched off", () => {
            const run = consumer(runStack("dev", { mesh: { enabled: false } }));
            assert.match(run.error ?? "", /mesh\.gatewayRef is null: the mesh add-on is disabled in that stack/);
        });

        it("when its own config is mistyped, before registering anything", () => {
            const run = consumer(runStack("dev"), { platfromStack: "x/y/z" });
            assert.match(run.error ?? "", /team-service:.*platfromStack/);
            assert.equal(run.resources.length, 0);
        });
    });
});
