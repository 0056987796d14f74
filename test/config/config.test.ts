// Stack configuration: profiles as defaults, knobs merged on top, and every kind of bad input
// rejected with a message that names the key and what is accepted.
import { strict as assert } from "assert";
import { ConfigError } from "../../infra/config";
import { resolveConfig as resolve } from "./resolve";

function rejects(values: Record<string, unknown>, ...expected: RegExp[]): void {
    assert.throws(() => resolve(values), (e: unknown) => {
        assert.ok(e instanceof ConfigError, `expected a ConfigError, got ${e}`);
        for (const pattern of expected) assert.match(e.message, pattern);
        return true;
    });
}

describe("stack configuration", () => {
    it("takes the profile from the stack name when platform:profile is unset", () => {
        assert.equal(resolve({}, "prod").profile, "prod");
        assert.equal(resolve({}, "staging").tenancy.podSecurityLevel, "restricted");
    });

    it("requires platform:profile for a stack whose name is not a profile", () => {
        assert.throws(() => resolve({}, "team-a-sandbox"), /platform:profile: required .*dev, staging, prod/);
        assert.equal(resolve({ profile: "dev" }, "team-a-sandbox").profile, "dev");
    });

    it("deep-merges knobs onto the profile, leaving the rest of the area intact", () => {
        const c = resolve({ mesh: { tracingSamplingPercent: 25 } }, "prod");
        assert.equal(c.mesh.tracingSamplingPercent, 25);
        assert.equal(c.mesh.mtlsMode, "STRICT");
        assert.equal(c.mesh.istiodReplicas, 3);
    });

    it("replaces lists instead of appending to them", () => {
        const teams = [{ name: "solo", group: "g", costCenter: "cc-1", sourceRepos: [] }];
        const c = resolve({ tenancy: { teams }, shop: { team: "solo" } });
        assert.deepEqual(c.tenancy.teams.map((t) => t.name), ["solo"]);
    });

    it("returns a frozen object", () => {
        const c = resolve({});
        assert.throws(() => { (c.mesh as { enabled: boolean }).enabled = false; }, TypeError);
    });

    describe("rejects bad input", () => {
        it("an unknown top-level key, listing the accepted keys", () =>
            rejects({ meshh: {} }, /platform:meshh: unknown key; accepted: .*mesh/));
        it("an unknown nested key, listing that object's keys", () =>
            rejects({ monitoring: { retension: "7d" } }, /platform:monitoring\.retension: unknown key; accepted: .*retention/));
        it("a wrong type", () =>
            rejects({ logging: { elasticsearchNodes: "three" } }, /platform:logging\.elasticsearchNodes: must be a number \(got "three"\)/));
        it("a replica count below 1", () =>
            rejects({ workloads: { replicas: 0 } }, /platform:workloads\.replicas: must be at least 1 \(got 0\)/));
        it("a fractional replica count", () =>
            rejects({ mesh: { gatewayReplicas: 1.5 } }, /platform:mesh\.gatewayReplicas: must be a whole number \(got 1.5\)/));
        it("a malformed quantity", () =>
            rejects({ monitoring: { storageSize: "500mb" } }, /platform:monitoring\.storageSize: must be a Kubernetes quantity.*"500mb"/));
        it("a request above its limit", () =>
            rejects({ workloads: { resources: { requests: { memory: "1Gi" }, limits: { memory: "512Mi" } } } },
                /platform:workloads\.resources\.requests\.memory: exceeds limits\.memory "512Mi" \(got "1Gi"\)/));
        it("an unknown profile", () =>
            rejects({ profile: "qa" }, /platform:profile: must be one of "dev", "staging", "prod" \(got "qa"\)/));
        it("a value outside an enum", () =>
            rejects({ mesh: { mtlsMode: "strict" } }, /platform:mesh\.mtlsMode: .*"STRICT"\|"PERMISSIVE".*"strict"/));
        it("a percentage above 100", () =>
            rejects({ mesh: { tracingSamplingPercent: 150 } }, /platform:mesh\.tracingSamplingPercent: must be 0-100 \(got 150\)/));
        it("a malformed retention", () =>
            rejects({ monitoring: { retention: "a week" } }, /platform:monitoring\.retention: must be a duration/));
        it("a chart key that does not exist", () =>
            rejects({ chartRepositories: { grafana: "https://mirror.example" } },
                /platform:chartRepositories\.grafana: unknown key; accepted: .*kubePrometheusStack/));
        it("a mirror that is neither https nor oci", () =>
            rejects({ chartRepositories: { jaeger: "ftp://mirror" } }, /platform:chartRepositories\.jaeger: must be an https:\/\/ .* or an oci:\/\//));
        it("an unpinned or latest shop image", () => {
            rejects({ shop: { image: "ghcr.io/stefanprodan/podinfo" } }, /platform:shop\.image: .*has no tag/);
            rejects({ shop: { image: "ghcr.io/stefanprodan/podinfo:latest" } }, /platform:shop\.image: .*"latest"/);
        });
        it("a shop team that is not a tenant", () =>
            rejects({ shop: { team: "nobody" } }, /platform:shop\.team: is not a tenant team; accepted: shop, data \(got "nobody"\)/));
        it("trace storage in Elasticsearch with logging off", () =>
            rejects({ logging: { enabled: false }, tracing: { storage: "elasticsearch" } }, /platform:tracing\.storage/));
        it("an unknown provider setting", () =>
            rejects({ kubernetes: { contxt: "kind" } }, /platform:kubernetes\.contxt: unknown key; accepted: context, renderYamlToDirectory/));
        it("a secret key set in plaintext", () =>
            rejects({ alertWebhookUrl: "https://hooks.example/abc" }, /platform:alertWebhookUrl: holds a secret .*--secret/));
        it("several problems at once, each on its own line", () => {
            assert.throws(() => resolve({ workloads: { replicas: -1 }, mesh: { revision: "Bad_Rev" } }),
                (e: Error) => e.message.split("\n").filter((l) => l.startsWith("  - ")).length === 2);
        });
        it("per-field and cross-field problems in the same run", () => {
            assert.throws(() => resolve({
                workloads: { replicas: 0, autoscaling: { minReplicas: 4, maxReplicas: 2 } },
                tenancy: { quota: { requestsCpu: "8", limitsCpu: "4" }, teams: [{ name: "shop", group: "g", costCenter: "c", sourceRepos: [] }] },
                shop: { team: "nobody", image: "podinfo:latest" },
                monitoring: { retention: "a week" },
            }), (e: Error) => {
                const lines = e.message.split("\n").filter((l) => l.startsWith("  - "));
                assert.deepEqual(lines.map((l) => /^ {2}- (platform:[^:]+):/.exec(l)?.[1]).sort(), [
                    "platform:monitoring.retention", "platform:shop.image", "platform:shop.team",
                    "platform:tenancy.quota.requestsCpu", "platform:workloads.autoscaling.maxReplicas", "platform:workloads.replicas",
                ]);
                return true;
            });
        });
    });

    it("accepts a secret key set as a secret", () => {
        assert.doesNotThrow(() => resolve({ alertWebhookUrl: "https://hooks.example/abc" }, "dev", ["alertWebhookUrl"]));
    });
});
