// Bad arguments get a clear error and the usage, before anything runs.
import { strict as assert } from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { existingStacks, parsePlanArgs, UsageError } from "../../scripts/plan/args";
import { runPlan } from "../../scripts/plan/plan";
import { planArgs, ROOT, tempDir } from "./fixtures";

const usageError = (argv: string[], pattern: RegExp) =>
    assert.throws(() => parsePlanArgs(argv), (e: unknown) => e instanceof UsageError && pattern.test((e as Error).message));

describe("plan arguments", () => {
    it("knows the stacks from the Pulumi.<stack>.yaml files", () => {
        assert.deepEqual(existingStacks(), ["dev", "prod", "staging"]);
    });

    it("accepts a stack and fills in the defaults", () => {
        const out = tempDir();
        const args = parsePlanArgs(["--stack", "prod", "--out", out, "--json"]);
        assert.deepEqual(args, {
            stack: "prod", outDir: out, json: true, services: 0,
            policyConfig: path.join(ROOT, "stacks", "prod", "policy-config.json"),
        });
    });

    it("rejects an unknown stack and lists the stacks that exist", () => {
        usageError(["--stack", "qa"], /unknown stack "qa" \(no Pulumi\.qa\.yaml\); stacks: dev, prod, staging/);
    });

    it("requires --stack", () => usageError([], /--stack is required; stacks: dev, prod, staging/));

    it("rejects an unknown flag", () => usageError(["--stack", "dev", "--bogus"], /Unknown option '--bogus'/));

    it("rejects a missing policy config file", () => {
        usageError(["--stack", "dev", "--policy-config", "/nonexistent/policy-config.json"], /policy config file .*nonexistent\/policy-config\.json does not exist/);
    });

    it("rejects an output directory that cannot be written", () => {
        const file = path.join(tempDir(), "a-file");
        fs.writeFileSync(file, "");
        usageError(["--stack", "dev", "--out", file], /output directory .*a-file is not writable \(EEXIST\)/);
        usageError(["--stack", "dev", "--out", path.join(file, "below")], /output directory .*below is not writable \(ENOTDIR\)/);
    });

    it("rejects a --services count that is not a non-negative integer", () => {
        usageError(["--stack", "dev", "--services=-1"], /--services must be a non-negative integer/);
        usageError(["--stack", "dev", "--services", "ten"], /--services must be a non-negative integer \(got "ten"\)/);
    });

    it("returns nothing for --help", () => assert.equal(parsePlanArgs(["--help"]), undefined));

    it("rejects a policy config the pack does not accept, before running the program", async () => {
        const file = path.join(tempDir(), "policy-config.json");
        fs.writeFileSync(file, JSON.stringify({ "no-such-policy": "mandatory" }));
        await assert.rejects(runPlan(planArgs("dev", { policyConfig: file })),
            (e: unknown) => e instanceof UsageError && /config names unknown policy "no-such-policy"/.test((e as Error).message));
        fs.writeFileSync(file, "{ not json");
        await assert.rejects(runPlan(planArgs("dev", { policyConfig: file })), /is not valid JSON/);
    });

    it("exits 2 with the error and the usage on the command line", () => {
        const run = spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/plan/index.ts"), "--stack", "qa"], {
            cwd: ROOT, encoding: "utf8",
        });
        assert.equal(run.status, 2);
        assert.match(run.stderr, /^plan: unknown stack "qa" .*stacks: dev, prod, staging\n\nUsage: npm run plan -- --stack <name>/);
        assert.equal(run.stdout, "");
    });
});
