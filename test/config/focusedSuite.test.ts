// The documented ways to run part of the suite run only that part (.mocharc.cjs adds the default
// suites only when the command line names none).
import { strict as assert } from "assert";
import { spawnSync } from "child_process";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");
const MOCHA = path.join(ROOT, "node_modules/mocha/bin/mocha.js");

/** The test files a mocha command line would load, without running them. */
function filesRun(args: string[]): string[] {
    const run = spawnSync(process.execPath, [MOCHA, "--dry-run", "--reporter", "json", ...args], { cwd: ROOT, encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout) as { tests: { file: string }[] };
    return [...new Set(report.tests.map((t) => path.relative(ROOT, t.file)))].sort();
}

describe("focused test runs", () => {
    it("a folder (npm test -- test/plan) runs the *.test.ts files below it only", () => {
        const files = filesRun(["test/plan"]);
        assert.ok(files.length >= 5, files.join(", "));
        for (const f of files) assert.match(f, /^test\/plan\/.*\.test\.ts$/);
    });

    it("a glob (the policy README's command) runs the matching files only", () => {
        const files = filesRun(["test/policy/**/*.test.ts"]);
        assert.ok(files.includes(path.join("test", "policy", "pod-security", "controls.test.ts")), files.join(", "));
        for (const f of files) assert.match(f, /^test\/policy\//);
    });

    it("no spec runs every suite, the examples' too", () => {
        const files = filesRun([]);
        const areas = new Set(files.map((f) => f.split(path.sep).slice(0, 2).join("/")));
        for (const area of ["test/config", "test/policy", "test/plan", "test/stacks", "examples/team-service"]) assert.ok(areas.has(area), [...areas].join(", "));
    });
});
