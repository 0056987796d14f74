// How plan fails: on files it cannot read or write, on a program error, and under npm run.
import { strict as assert } from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { parsePlanArgs, UsageError } from "../../scripts/plan/args";
import { runPlan } from "../../scripts/plan/plan";
import { planArgs, ROOT, tempDir } from "./fixtures";

/** A project root with Pulumi.yaml, a stack file and (optionally) its policy config. */
function projectWith(stack: string, stackFile: string, policyConfig = true): string {
    const root = tempDir("plan-root-");
    fs.copyFileSync(path.join(ROOT, "Pulumi.yaml"), path.join(root, "Pulumi.yaml"));
    fs.writeFileSync(path.join(root, `Pulumi.${stack}.yaml`), stackFile);
    if (policyConfig) {
        fs.mkdirSync(path.join(root, "stacks", stack), { recursive: true });
        fs.copyFileSync(path.join(ROOT, "stacks/dev/policy-config.json"), path.join(root, "stacks", stack, "policy-config.json"));
    }
    return root;
}

function inputError(argv: string[], root: string): UsageError {
    try {
        parsePlanArgs(argv, root);
    } catch (e) {
        assert.ok(e instanceof UsageError, String(e));
        return e;
    }
    assert.fail("expected a UsageError");
}

/** npm as a user runs it, not as the test runner's own `npm test` left its environment. */
function npmRun(args: string[], cwd: string) {
    const env = { ...process.env };
    for (const key of Object.keys(env)) if (key === "INIT_CWD" || key.startsWith("npm_")) delete env[key];
    return spawnSync("npm", ["run", ...args], { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, env });
}

describe("plan failures", () => {
    it("names the file, line and column of malformed stack YAML, without a stack trace", () => {
        const root = projectWith("qa", "config:\n  platform:profile: dev\n   platform:mesh: {\n");
        const e = inputError(["--stack", "qa", "--out", tempDir()], root);
        assert.match(e.message, /^Pulumi\.qa\.yaml:\d+:\d+: invalid YAML: \S/);
        assert.doesNotMatch(e.message, /\n| {4}at /);
        assert.equal(e.showUsage, false);
    });

    it("rejects a stack file whose config is not a mapping", () => {
        const e = inputError(["--stack", "qa", "--out", tempDir()], projectWith("qa", "config: [platform:profile]\n"));
        assert.match(e.message, /^Pulumi\.qa\.yaml: config: must be a mapping/);
    });

    it("says which policy config file a new stack needs", () => {
        const e = inputError(["--stack", "sandbox", "--out", tempDir()], projectWith("sandbox", "config:\n  platform:profile: dev\n", false));
        assert.match(e.message, /^stack "sandbox" has no policy config: create stacks\/sandbox\/policy-config\.json \(start from stacks\/dev\/policy-config\.json/);
        assert.match(e.message, /or pass --policy-config <file>$/);
    });

    it("refuses an output directory the kernel refuses, such as /proc/x (Linux), before running the program", () => {
        // Argument parsing is synchronous and runs no program: the refusal comes from it, not from a
        // write after the program ran (timing it would fail on a loaded machine, not on a slow plan).
        const e = inputError(["--stack", "dev", "--out", "/proc/x"], ROOT);
        assert.match(e.message, /^output directory \/proc\/x is not writable \(ENOENT\)$/);
        assert.equal(fs.existsSync("/proc/x"), false, "nothing was created");
    });

    it("names a policy config that is not JSON, or not an object, as the user gave it", async () => {
        const dir = tempDir();
        const file = path.join(dir, "policy.json");
        fs.writeFileSync(file, "[]");
        await assert.rejects(runPlan(planArgs("dev", { policyConfig: file })), new RegExp(`policy config ${file} must be a JSON object keyed by policy name`));
    });

    it("keeps the previous output when a later run's program fails", async () => {
        const args = planArgs("dev");
        const first = await runPlan(args);
        assert.equal(first.exitCode, 0);
        const files = fs.readdirSync(args.outDir, { recursive: true }).sort();
        assert.ok(files.length > 40);
        const failed = await runPlan(args, { overrides: { workloads: { replicas: 0 } } });
        assert.equal(failed.exitCode, 1);
        assert.deepEqual(fs.readdirSync(args.outDir, { recursive: true }).sort(), files);
    });

    describe("under npm run", () => {
        it("takes relative paths from where the user ran npm and shows them as given", () => {
            const run = npmRun(["-s", "plan", "--", "--stack", "dev", "--policy-config", "nope.json"], path.join(ROOT, "test"));
            assert.equal(run.status, 2);
            assert.match(run.stderr, /^plan: policy config file nope\.json does not exist\n/);
        });

        it("writes pure JSON to --json-file even though npm prints its banner on stdout", () => {
            const out = tempDir();
            const report = path.join(tempDir(), "report.json");
            const run = npmRun(["plan", "--", "--stack", "dev", "--out", out, "--json", "--json-file", report], ROOT);
            assert.equal(run.status, 0, run.stderr);
            assert.match(run.stdout, /^\n> platform@\S+ plan\n/, "npm's banner");
            assert.equal(JSON.parse(fs.readFileSync(report, "utf8")).exitCode, 0);
            assert.match(run.stderr, /npm printed its banner on stdout before this JSON; for pure JSON run `npm run -s plan/);
            assert.equal(JSON.parse(run.stdout.slice(run.stdout.indexOf("{"))).stack, "dev");
        });
    });
});
