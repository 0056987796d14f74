// The pack as `pulumi policy publish` uploads it: `npm pack` of policy/ alone. The grammar package
// is not on any registry the service can reach, so the tarball must carry it (bundleDependencies).
import { strict as assert } from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");
const PACK_DIR = path.join(ROOT, "policy");
const GRAMMAR = "@reference-platform/grammar";

describe("the packed policy pack", function () {
    this.timeout(300_000);
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "policy-pack-"));
    let files: string[];

    before(() => {
        const packed = JSON.parse(execFileSync("npm", ["pack", "--pack-destination", scratch, "--json"],
            { cwd: PACK_DIR, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }))[0];
        files = packed.files.map((f: { path: string }) => f.path);
        execFileSync("tar", ["xzf", path.join(scratch, packed.filename), "-C", scratch]);
    });
    after(() => fs.rmSync(scratch, { recursive: true, force: true }));

    it("bundles the built grammar package, at the version the pack depends on", () => {
        const manifest = JSON.parse(fs.readFileSync(path.join(PACK_DIR, "package.json"), "utf8"));
        assert.ok(manifest.bundleDependencies.includes(GRAMMAR));
        for (const file of ["package.json", "dist/index.js", "dist/quantity.js"]) {
            assert.ok(files.includes(`node_modules/${GRAMMAR}/${file}`), `${file} in ${files.join(", ")}`);
        }
        const bundled = JSON.parse(fs.readFileSync(path.join(scratch, "package/node_modules", GRAMMAR, "package.json"), "utf8"));
        assert.equal(bundled.version, manifest.dependencies[GRAMMAR]);
    });

    it("leaves no copy of the grammar in policy/node_modules once packed", () => {
        assert.equal(fs.existsSync(path.join(PACK_DIR, "node_modules", GRAMMAR)), false);
    });

    it("loads its policies with the bundled grammar, from the unpacked tarball", () => {
        // Other dependencies come from this repository's node_modules (NODE_PATH is searched last);
        // the grammar must resolve inside the tarball, since the service has no other copy.
        const out = execFileSync(process.execPath, ["-e",
            "const p = require('./bin/policies.js'); console.log(p.policies.length, require.resolve('@reference-platform/grammar'))"],
        { cwd: path.join(scratch, "package"), encoding: "utf8", env: { ...process.env, NODE_PATH: path.join(ROOT, "node_modules"), NODE_OPTIONS: "" } });
        const [count, grammar] = out.trim().split(" ");
        assert.ok(Number(count) >= 10, out);
        assert.equal(fs.realpathSync(grammar), fs.realpathSync(path.join(scratch, "package/node_modules", GRAMMAR, "dist/index.js")));
    });
});
