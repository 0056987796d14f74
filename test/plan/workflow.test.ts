// The users' GitHub Actions workflow cannot run here. @action-validator/core checks it against the
// GitHub workflow schema (and that `needs` name real jobs); the rest checks what its jobs promise:
// the README's commands on pull requests, every stack previewed with its own policy config, Node 22
// installed before anything runs, documented action inputs only, and an e2e that cleans up.
import { validateWorkflow } from "@action-validator/core";
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { ProfileName } from "../../infra/config/types";
import { POLICY_CONFIG_STACKS, policyConfigPath } from "../../infra/policyConfig";
import { ROOT } from "./fixtures";

const SOURCE = fs.readFileSync(path.join(ROOT, ".github/workflows/platform.yml"), "utf8");
const workflow = parse(SOURCE);
type Step = { uses?: string; run?: string; with?: Record<string, unknown>; if?: string };
type Job = { steps: Step[]; strategy?: { matrix?: Record<string, unknown[]> } };
const jobs: Record<string, Job> = workflow.jobs;
/** Each shell command a job runs, one per line, without comments and continuations. */
const commands = (job: Job): string[] => job.steps.flatMap((s) => (s.run ?? "").replace(/\\\n\s*/g, " ").split("\n"))
    .map((line) => line.replace(/(^|\s)#.*$/, "").trim()).filter(Boolean);

/** The commands of the README's quick start, the first shell block under "## Quick start". */
function readmeQuickStart(): string[] {
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("## Quick start"));
    const block = /```sh\n([\s\S]*?)```/.exec(section)![1];
    return block.split("\n").map((line) => line.replace(/#.*$/, "").trim()).filter(Boolean);
}

/** Inputs of pulumi/actions v6.x action.yml and helm/kind-action v1.14.0 action.yml. */
const ACTION_INPUTS: Record<string, Set<string>> = {
    "pulumi/actions": new Set([
        "command", "stack-name", "pulumi-version", "pulumi-version-file", "work-dir", "comment-on-pr", "comment-on-pr-number",
        "comment-on-summary", "github-token", "cloud-url", "secrets-provider", "parallel", "message", "config-map",
        "expect-no-changes", "diff", "replace", "exclude", "exclude-dependents", "target", "target-dependents", "policyPacks",
        "policyPackConfigs", "refresh", "upsert", "remove", "edit-pr-comment", "color", "exclude-protected", "plan",
        "suppress-outputs", "suppress-progress", "always-include-summary", "continue-on-error", "log-verbosity", "log-flow", "debug",
    ]),
    "helm/kind-action": new Set([
        "version", "config", "kubeconfig", "node_image", "cluster_name", "wait", "verbosity", "kubectl_version", "registry",
        "registry_image", "registry_name", "registry_port", "registry_enable_delete", "install_only", "ignore_failed_clean", "cloud_provider",
    ]),
};

const usesPulumi = (s: Step) => s.uses?.startsWith("pulumi/actions@") || /^pulumi /m.test(s.run ?? "");

describe("the users' GitHub Actions workflow", () => {
    it("is a valid workflow for GitHub's schema", () => {
        const { actionType, errors } = validateWorkflow(SOURCE);
        assert.equal(actionType, "workflow");
        assert.deepEqual(errors, []);
    });

    it("the validator rejects a broken copy (a job without runs-on, a need on a missing job)", () => {
        const noRunner = validateWorkflow(SOURCE.replace(/runs-on: ubuntu-latest/g, "runs_on: ubuntu-latest"));
        assert.ok(noRunner.errors.length > 0);
        const missingNeed = validateWorkflow(SOURCE.replace(/needs: .*/, "needs: [no-such-job]"));
        assert.ok(missingNeed.errors.some((e) => e.code === "unresolved_job"), JSON.stringify(missingNeed.errors));
    });

    it("runs on pull requests, with the passphrase from a repository secret", () => {
        assert.ok("pull_request" in workflow.on);
        assert.equal(workflow.env.PULUMI_CONFIG_PASSPHRASE, "${{ secrets.PULUMI_CONFIG_PASSPHRASE }}");
    });

    it("runs the README's quick start commands, in order, in a pull-request job", () => {
        const quickStart = readmeQuickStart();
        assert.ok(quickStart.includes("npm test"), quickStart.join("; "));
        const runsAll = Object.entries(jobs).filter(([, job]) => {
            const list = commands(job);
            const at = quickStart.map((c) => list.indexOf(c));
            return at.every((i, n) => i >= 0 && (n === 0 || i > at[n - 1]));
        });
        assert.ok(runsAll.length > 0, `no job runs ${quickStart.join(", then ")}`);
    });

    it("previews every stack with the policy pack and that stack's committed policy config", () => {
        const previews = Object.values(jobs).flatMap((job) => job.steps.filter((s) => s.uses?.startsWith("pulumi/actions@") && s.with?.command === "preview")
            .map((step) => ({ job, step })));
        assert.ok(previews.length > 0, "a job runs pulumi preview");
        for (const { job, step } of previews) {
            const stacks = job.strategy?.matrix?.stack as string[];
            assert.deepEqual([...stacks].sort(), [...POLICY_CONFIG_STACKS].sort());
            assert.equal(step.with!["stack-name"], "${{ matrix.stack }}");
            assert.ok(fs.existsSync(path.join(ROOT, String(step.with!.policyPacks), "PulumiPolicy.yaml")), "policyPacks is the pack's folder");
            for (const stack of stacks) {
                const config = String(step.with!.policyPackConfigs).replace("${{ matrix.stack }}", stack);
                assert.equal(config, policyConfigPath(stack as ProfileName));
            }
        }
    });

    it("passes the stack's policy config to every pulumi up and preview on the command line", () => {
        const lines = Object.values(jobs).flatMap(commands).filter((c) => /^pulumi (up|preview)\b/.test(c));
        assert.ok(lines.length > 0);
        for (const line of lines) {
            const stack = /--stack (\S+)/.exec(line)![1];
            assert.ok(line.includes(`--policy-pack policy --policy-pack-config ${policyConfigPath(stack as ProfileName)}`), line);
        }
    });

    it("sets up Node 22 and installs with npm ci before any other command or Pulumi", () => {
        for (const [name, job] of Object.entries(jobs)) {
            const steps = job.steps;
            const node = steps.findIndex((s) => s.uses?.startsWith("actions/setup-node@"));
            const ci = steps.findIndex((s) => s.run === "npm ci");
            assert.ok(node >= 0 && steps[node].with?.["node-version"] === 22, `${name}: Node 22`);
            assert.ok(node < ci, `${name}: npm ci after setup-node`);
            steps.forEach((s, i) => {
                if ((s.run !== undefined && i !== ci) || usesPulumi(s)) assert.ok(i > ci, `${name}: step ${i} runs before npm ci`);
            });
        }
    });

    it("uses only documented inputs of the actions", () => {
        for (const [name, job] of Object.entries(jobs)) {
            for (const step of job.steps) {
                const known = ACTION_INPUTS[step.uses?.split("@")[0] ?? ""];
                if (!known) continue;
                for (const input of Object.keys(step.with ?? {})) assert.ok(known.has(input), `${name}: ${step.uses} has no input "${input}"`);
            }
        }
    });

    it("destroys, whatever happened, every stack a job brings up", () => {
        for (const [name, job] of Object.entries(jobs)) {
            const ups = job.steps.map((s, i) => ({ s, i })).filter(({ s }) => /^pulumi up\b/m.test(s.run ?? ""));
            for (const { s, i } of ups) {
                const stack = /--stack (\S+)/.exec(s.run!)![1];
                const destroy = job.steps.findIndex((d, j) => j > i && d.run?.trim() === `pulumi destroy --stack ${stack} --yes`);
                assert.ok(destroy > i, `${name}: no pulumi destroy of ${stack} after pulumi up`);
                assert.equal(job.steps[destroy].if, "always()", `${name}: the destroy runs even after a failure`);
            }
        }
    });
});
