// The users' workflow cannot run here; its structure is checked against the documented inputs of
// pulumi/actions v6 and helm/kind-action, and the exact policy-pack flags of the issue.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { ROOT } from "./fixtures";

const workflow = parse(fs.readFileSync(path.join(ROOT, ".github/workflows/platform.yml"), "utf8"));
type Step = { uses?: string; run?: string; with?: Record<string, unknown>; if?: string };
const steps = (job: string): Step[] => workflow.jobs[job].steps;
const runs = (job: string) => steps(job).map((s) => s.run ?? "").join("\n");

/** Inputs of pulumi/actions v6.x action.yml and helm/kind-action v1.14.0 action.yml. */
const PULUMI_ACTION_INPUTS = new Set([
    "command", "stack-name", "pulumi-version", "pulumi-version-file", "work-dir", "comment-on-pr", "comment-on-pr-number",
    "comment-on-summary", "github-token", "cloud-url", "secrets-provider", "parallel", "message", "config-map",
    "expect-no-changes", "diff", "replace", "exclude", "exclude-dependents", "target", "target-dependents", "policyPacks",
    "policyPackConfigs", "refresh", "upsert", "remove", "edit-pr-comment", "color", "exclude-protected", "plan",
    "suppress-outputs", "suppress-progress", "always-include-summary", "continue-on-error", "log-verbosity", "log-flow", "debug",
]);
const KIND_ACTION_INPUTS = new Set([
    "version", "config", "kubeconfig", "node_image", "cluster_name", "wait", "verbosity", "kubectl_version", "registry",
    "registry_image", "registry_name", "registry_port", "registry_enable_delete", "install_only", "ignore_failed_clean", "cloud_provider",
]);

describe("the users' GitHub Actions workflow", () => {
    it("runs on pull requests with the passphrase from a repository secret", () => {
        assert.deepEqual(Object.keys(workflow.on), ["pull_request"]);
        assert.equal(workflow.env.PULUMI_CONFIG_PASSPHRASE, "${{ secrets.PULUMI_CONFIG_PASSPHRASE }}");
        assert.deepEqual(Object.keys(workflow.jobs), ["preview", "e2e"]);
    });

    it("previews every stack with the policy pack and that stack's policy config", () => {
        assert.deepEqual(workflow.jobs.preview.strategy.matrix.stack, ["dev", "staging", "prod"]);
        const pulumi = steps("preview").find((s) => s.uses?.startsWith("pulumi/actions@"))!;
        assert.equal(pulumi.uses, "pulumi/actions@v6");
        assert.deepEqual(pulumi.with, {
            command: "preview",
            "stack-name": "${{ matrix.stack }}",
            "work-dir": "./",
            "cloud-url": "file://~",
            "secrets-provider": "passphrase",
            upsert: true,
            policyPacks: "policy",
            policyPackConfigs: "stacks/${{ matrix.stack }}/policy-config.json",
        });
    });

    it("sets up Node 22 and installs with npm ci before using Pulumi, in both jobs", () => {
        for (const job of ["preview", "e2e"]) {
            const list = steps(job);
            const node = list.findIndex((s) => s.uses === "actions/setup-node@v4");
            const ci = list.findIndex((s) => s.run === "npm ci");
            const pulumi = list.findIndex((s) => s.uses?.startsWith("pulumi/actions@"));
            assert.equal(list[node].with?.["node-version"], 22);
            assert.ok(node >= 0 && node < ci && ci < pulumi, job);
        }
    });

    it("uses only documented inputs of the actions", () => {
        for (const job of Object.keys(workflow.jobs)) {
            for (const step of steps(job)) {
                const known = step.uses?.startsWith("pulumi/actions@") ? PULUMI_ACTION_INPUTS
                    : step.uses?.startsWith("helm/kind-action@") ? KIND_ACTION_INPUTS : undefined;
                for (const input of Object.keys(step.with ?? {})) {
                    if (known) assert.ok(known.has(input), `${job}: ${step.uses} has no input "${input}"`);
                }
            }
        }
    });

    it("e2e: a kind cluster, pulumi up on dev, the shop through the ingress gateway, then destroy", () => {
        const list = steps("e2e");
        const kind = list.find((s) => s.uses?.startsWith("helm/kind-action@"))!;
        assert.equal(kind.uses, "helm/kind-action@v1.14.0");
        assert.equal(kind.with?.cloud_provider, true);
        const script = runs("e2e");
        assert.match(script, /pulumi login file:\/\/~/);
        assert.match(script, /pulumi up --stack dev --yes --policy-pack policy --policy-pack-config stacks\/dev\/policy-config\.json/);
        assert.match(script, /kubectl -n shop rollout status/);
        assert.match(script, /port-forward service\/istio-ingressgateway/);
        assert.match(script, /curl -sk .*-H 'Host: shop\.localtest\.me' https:\/\/shop\.localtest\.me:8443\//s);
        const destroy = list[list.length - 1];
        assert.equal(destroy.run, "pulumi destroy --stack dev --yes");
        assert.equal(destroy.if, "always()");
    });
});
