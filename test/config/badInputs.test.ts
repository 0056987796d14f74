// Every case of badInputs.ts through the config loader; those marked "program" through the program
// under mocks too (no resource may be registered before the error), those marked "plan" through
// `plan`, which must fail with the same line and write no manifest.
import { strict as assert } from "assert";
import * as fs from "fs";
import { ConfigError } from "../../infra/config";
import { runStack } from "../harness";
import { runPlan } from "../../scripts/plan/plan";
import { renderText } from "../../scripts/plan/report";
import { planArgs } from "../plan/fixtures";
import { BAD_INPUTS, BadInput, VALID } from "./badInputs";
import { resolveConfig } from "./resolve";

function loaderOutcome(c: BadInput): string {
    try {
        resolveConfig(c.config, c.stack);
        return VALID;
    } catch (e) {
        if (!(e instanceof ConfigError)) throw e;
        return e.message;
    }
}

function assertOutcome(outcome: string, expect: BadInput["expect"]): void {
    if (expect === VALID) assert.equal(outcome, VALID);
    else assert.match(outcome, expect);
}

describe("bad input table (test/config/badInputs.ts)", () => {
    describe("config loader", () => {
        for (const c of BAD_INPUTS) {
            it(`${c.expect === VALID ? "accepts" : "rejects"} ${c.title}`, () => assertOutcome(loaderOutcome(c), c.expect));
        }
    });

    describe("program under mocks", () => {
        for (const c of BAD_INPUTS.filter((x) => x.also === "program")) {
            it(`${c.expect === VALID ? "runs with" : "fails before any resource on"} ${c.title}`, () => {
                const run = runStack(c.stack ?? "dev", c.config);
                if (c.expect === VALID) {
                    assert.equal(run.error, undefined);
                    assert.ok(run.resources.length > 0);
                } else {
                    assert.match(run.error ?? "", c.expect);
                    assert.match(run.error ?? "", /^Invalid stack configuration:/);
                    assert.deepEqual(run.resources.map((r) => r.type), []);
                }
            });
        }
    });

    describe("plan", () => {
        for (const c of BAD_INPUTS.filter((x) => x.also === "plan")) {
            it(`fails on ${c.title}, with the problem and no pass, writing nothing`, async () => {
                const args = planArgs(c.stack ?? "dev");
                const report = await runPlan(args, { overrides: c.config });
                assert.equal(report.exitCode, 1);
                assert.match(report.program.error ?? "", c.expect as RegExp);
                const text = renderText(report);
                assert.match(text, c.expect as RegExp);
                assert.doesNotMatch(text, /no violations|no schema errors|PASS/);
                assert.deepEqual(fs.readdirSync(args.outDir), []);
            });
        }
    });
});
