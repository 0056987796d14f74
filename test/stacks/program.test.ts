// The whole program under mocks, once per stack, with that stack's Pulumi.<stack>.yaml.
import { strict as assert } from "assert";
import { ofType, runStack } from "../harness";
import { findSecretLeaks } from "../harness/secrets";

const STACKS = ["dev", "staging", "prod"];
/** The shop's payments provider key as an operator would seed it into dev's store. */
const PLANTED_PROVIDER_KEY = "sk_live_planted-provider-key-0427";

describe("the program, per stack", () => {
    for (const stack of STACKS) {
        describe(stack, () => {
            it("runs without error and registers resources through one explicit provider", () => {
                const run = runStack(stack);
                assert.equal(run.error, undefined);
                const providers = ofType(run, "pulumi:providers:kubernetes");
                assert.equal(providers.length, 1, "exactly one Kubernetes provider");
                const k8sObjects = run.resources.filter((r) => r.custom && r.type.startsWith("kubernetes:"));
                assert.ok(k8sObjects.length > 20);
                for (const r of k8sObjects) {
                    assert.ok(r.provider?.startsWith(providers[0].urn), `${r.type} ${r.name} uses the platform provider`);
                }
            });

            it("parents every Kubernetes object under a platform component", () => {
                const run = runStack(stack);
                const components = new Map(run.resources.filter((r) => r.type.startsWith("platform:")).map((r) => [r.urn, r]));
                for (const r of run.resources.filter((x) => x.custom && x.type.startsWith("kubernetes:"))) {
                    assert.ok(r.parent && components.has(r.parent), `${r.type} ${r.name} has a component parent`);
                }
            });

            it("writes no secret value in plaintext into any input or output", () => {
                // dev's store is seeded from Pulumi secrets: plant the payments provider key there.
                const seed = stack === "dev" ? { secretStoreSeed: { secret: JSON.stringify({ "shop-payments": { "provider-api-key": PLANTED_PROVIDER_KEY } }) } } : {};
                const run = runStack(stack, { kubeconfig: { secret: "apiVersion: v1\nclusters: [] # kubeconfig-sentinel-42" }, ...seed });
                assert.equal(run.error, undefined);
                assert.ok(run.secretValues.length >= 2, "the run produced secrets to look for");
                assert.deepEqual(findSecretLeaks({ ...run, secretValues: [...run.secretValues, PLANTED_PROVIDER_KEY] }), []);
            });
        });
    }

    it("rejects bad config before registering any resource", () => {
        const run = runStack("prod", { workloads: { replicas: 0 }, monitoring: { storageSize: "500mb" } });
        assert.match(run.error ?? "", /platform:workloads\.replicas: must be at least 1/);
        assert.match(run.error ?? "", /platform:monitoring\.storageSize: must be a Kubernetes quantity/);
        assert.equal(run.resources.length, 0);
    });

    it("rejects a plaintext kubeconfig before registering any resource", () => {
        const run = runStack("dev", { kubeconfig: "apiVersion: v1" });
        assert.match(run.error ?? "", /platform:kubeconfig: holds a secret/);
        assert.equal(run.resources.length, 0);
    });

    it("passes the kube context to the provider", () => {
        const run = runStack("dev", { kubernetes: { context: "kind-platform" } });
        assert.equal(ofType(run, "pulumi:providers:kubernetes")[0].inputs.context, "kind-platform");
    });

    it("renders YAML to a directory instead of applying when asked (GitOps mode)", () => {
        const run = runStack("dev", { kubernetes: { renderYamlToDirectory: "out/rendered" } });
        assert.equal(ofType(run, "pulumi:providers:kubernetes")[0].inputs.renderYamlToDirectory, "out/rendered");
    });
});
