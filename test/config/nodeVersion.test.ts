// Scripts and tests refuse to run on a Node older than package.json's engines.node, saying how to fix it.
import { strict as assert } from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");

describe("Node version check (scripts/checkNode.ts)", () => {
    // A copy of the check next to a package.json that asks for a Node newer than the one running.
    function runWithEngines(engines: string) {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "node-check-"));
        fs.mkdirSync(path.join(dir, "scripts"));
        fs.copyFileSync(path.join(ROOT, "scripts/checkNode.ts"), path.join(dir, "scripts/checkNode.ts"));
        fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ engines: { node: engines } }));
        return spawnSync(process.execPath, ["--import", "tsx", "-e", `require(${JSON.stringify(path.join(dir, "scripts/checkNode.ts"))}); console.log("ran")`], {
            cwd: ROOT, encoding: "utf8",
        });
    }

    it("stops with the reason and the fix on an older Node", () => {
        const newer = Number(process.versions.node.split(".")[0]) + 1;
        const run = runWithEngines(`>=${newer}`);
        assert.equal(run.status, 1);
        assert.equal(run.stdout, "");
        assert.match(run.stderr, new RegExp(`needs Node >=${newer} \\(package.json engines.node\\), but .* is Node ${process.versions.node.replace(/\./g, "\\.")}`));
        assert.match(run.stderr, /npm ci --ignore-scripts.*\n.*npm rebuild node/);
    });

    it("lets the run go on when the Node is recent enough", () => {
        const run = runWithEngines(`>=${process.versions.node.split(".")[0]}`);
        assert.equal(run.status, 0, run.stderr);
        assert.equal(run.stdout, "ran\n");
    });
});
