// The team-service example as a team starts from it: its folder copied outside the repository, its
// dependencies installed there (the consumer package from its tarball, everything else at the
// versions this repository pins, from the npm cache), and its own test run there with `npm test`.
// It needs nothing of the repository: no test harness, no platform program.
import { strict as assert } from "assert";
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PackedPackage, writeScratchProject } from "./scratchLock";

const ROOT = path.resolve(__dirname, "../..");
const EXAMPLE_DIR = path.join(ROOT, "examples/team-service");

/** npm as a team runs it in its own project, not as this test runner's environment left it. */
function cleanEnv(): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: "" };
    for (const key of Object.keys(env)) if (key === "INIT_CWD" || key.startsWith("npm_")) delete env[key];
    return env;
}

describe("the team-service example, copied outside the repository", function () {
    this.timeout(900_000);
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "team-service-copy-"));
    const app = path.join(scratch, "team-service");
    after(() => fs.rmSync(scratch, { recursive: true, force: true }));

    it("installs and passes its own test there", () => {
        const pack = (name: string): PackedPackage => JSON.parse(execFileSync("npm", ["pack", "--workspace", name, "--pack-destination", scratch, "--json"],
            { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }))[0];
        const packed = [pack("@reference-platform/consumer"), pack("@reference-platform/grammar")];
        fs.cpSync(EXAMPLE_DIR, app, { recursive: true, filter: (from) => !from.includes(`${path.sep}node_modules`) });
        const manifest = JSON.parse(fs.readFileSync(path.join(EXAMPLE_DIR, "package.json"), "utf8"));
        // The lock a team would have: the example's dependencies and devDependencies, the consumer from its tarball.
        const others = [...Object.keys(manifest.dependencies), ...Object.keys(manifest.devDependencies)].filter((n) => !n.startsWith("@reference-platform/"));
        writeScratchProject(app, ROOT, packed, others);
        const written = JSON.parse(fs.readFileSync(path.join(app, "package.json"), "utf8"));
        fs.writeFileSync(path.join(app, "package.json"), JSON.stringify({ ...written, name: manifest.name, scripts: manifest.scripts }, null, 2));
        execFileSync("npm", ["ci", "--offline", "--no-audit", "--no-fund", "--ignore-scripts"], { cwd: app, stdio: ["ignore", "ignore", "pipe"], env: cleanEnv() });

        const linkedOut = fs.readdirSync(path.join(app, "node_modules"), { recursive: true, withFileTypes: true })
            .filter((e) => e.isSymbolicLink() && !fs.realpathSync(path.join(e.parentPath, e.name)).startsWith(fs.realpathSync(app)));
        assert.deepEqual(linkedOut.map((e) => e.name), [], "nothing installed links back into the repository");

        const test = spawnSync("npm", ["test"], { cwd: app, encoding: "utf8", env: cleanEnv() });
        assert.equal(test.status, 0, `${test.stdout}\n${test.stderr}`);
        assert.match(test.stdout, /\b5 passing\b/, test.stdout);
    });
});
