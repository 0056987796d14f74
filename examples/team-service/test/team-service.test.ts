// This program's own test: it needs no platform. Under Pulumi's mocks its StackReference answers
// with a platform's recorded contract (platform-contract.<stack>.json, what the platform's dev and
// prod stacks export), and the test checks what the program would deploy. It imports only this
// folder and its npm dependencies, so it runs the same in a copy outside the platform repository:
//   npm test
import { strict as assert } from "assert";
import { execFileSync } from "child_process";
import * as path from "path";

interface Registered {
    type: string;
    name: string;
    inputs: Record<string, any>;
}

const IMAGE = "ghcr.io/stefanprodan/podinfo:6.9.2";

/** Runs the program as stack `stack` of this project with `config`, in its own process (./mockRun.ts). */
function run(stack: string, config: Record<string, unknown>) {
    const out = execFileSync(process.execPath, ["--require", require.resolve("tsx/cjs"), path.join(__dirname, "mockRun.ts"), stack, JSON.stringify(config)],
        { encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "" } });
    const { result, error, registered } = JSON.parse(out) as { result?: Record<string, any>; error?: string; registered: Registered[] };
    const ofType = (type: string) => registered.filter((r) => r.type === type);
    return { result, error, registered, ofType };
}

const config = (stack: string, extra: Record<string, unknown> = {}) => ({ platformStack: `organization/platform/${stack}`, team: "data", image: IMAGE, ...extra });

describe("team-service", function () {
    this.timeout(60_000);

    it("deploys reports into the data team's namespace, scraped over plain http on a PERMISSIVE platform (dev)", () => {
        const { result, error, ofType } = run("dev", config("dev"));
        assert.equal(error, undefined);
        const [deployment] = ofType("kubernetes:apps/v1:Deployment");
        assert.equal(deployment.inputs.metadata.namespace, "data");
        assert.equal(deployment.inputs.spec.template.spec.containers[0].image, IMAGE);
        assert.equal(result?.url, "http://reports.data.svc.cluster.local");
        assert.deepEqual(result?.scrape, { scheme: "http", identity: null });
    });

    it("is scraped over mTLS, as Prometheus's own identity, on a STRICT platform (prod)", () => {
        const { result, error, ofType } = run("prod", config("prod"));
        assert.equal(error, undefined);
        assert.deepEqual(result?.scrape, { scheme: "https", identity: "cluster.local/ns/monitoring/sa/monitoring-prometheus" });
        assert.equal(ofType("kubernetes:monitoring.coreos.com/v1:ServiceMonitor")[0].inputs.spec.endpoints[0].scheme, "https");
    });

    it("writes only the data team's half of the shop's frontend calling reports, in its own namespace", () => {
        const { error, registered } = run("prod", config("prod"));
        assert.equal(error, undefined);
        const accepts = registered.filter((r) => r.inputs.metadata?.name === "accepts-reports");
        assert.deepEqual(accepts.map((r) => `${r.type} ${r.inputs.metadata.namespace}`).sort(),
            ["kubernetes:networking.k8s.io/v1:NetworkPolicy data", "kubernetes:security.istio.io/v1:AuthorizationPolicy data"]);
        const policy = accepts.find((r) => r.type.endsWith("AuthorizationPolicy"))!;
        assert.deepEqual(policy.inputs.spec.rules, [{ from: [{ source: { principals: ["cluster.local/ns/shop/sa/frontend"] } }] }]);
        assert.ok(registered.every((r) => r.inputs.metadata?.namespace === undefined || r.inputs.metadata.namespace === "data"));
    });

    it("refuses secretEnv set without --secret, without printing its value", () => {
        const planted = "planted-secret-5d1c9e";
        const { error, ofType } = run("dev", config("dev", { env: { LOG_LEVEL: "debug" }, secretEnv: { API_TOKEN: planted } }));
        assert.match(error ?? "", /team-service:secretEnv/);
        assert.ok(!(error ?? "").includes(planted), error);
        assert.deepEqual(ofType("kubernetes:core/v1:ConfigMap"), []);
    });

    it("stops before registering anything when the team does not exist on the platform", () => {
        const { error, registered } = run("dev", config("dev", { team: "nobody" }));
        assert.match(error ?? "", /has no tenant team "nobody"; its teams: /);
        assert.deepEqual(registered.filter((r) => !r.type.startsWith("pulumi:pulumi:")), []);
    });
});
