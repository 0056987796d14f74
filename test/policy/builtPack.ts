// The built pack (policy/bin) as the CLI runs it, for the suites that start it over the Analyzer
// protocol: rebuilt first when a source is newer, and probe packs that load the build's modules.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export const PACK_DIR = path.resolve(__dirname, "../../policy");
export const BUILT_MAIN = path.join(PACK_DIR, "bin", "index.js");

/** Rebuilds policy/bin when a source is newer (an edit since `npm ci`), as `npm run build` would. */
export function ensureFreshBuild(): void {
    const sources = fs.readdirSync(PACK_DIR, { recursive: true }).map(String)
        .filter((f) => f.endsWith(".ts") && !f.startsWith("bin") && !f.startsWith("node_modules"));
    const newest = Math.max(...sources.map((f) => fs.statSync(path.join(PACK_DIR, f)).mtimeMs));
    if (fs.existsSync(BUILT_MAIN) && fs.statSync(BUILT_MAIN).mtimeMs >= newest) return;
    execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", path.join(PACK_DIR, "tsconfig.json"), "--noCheck"], { stdio: "inherit" });
}

export interface ProbePack {
    dir: string;
    remove(): void;
}

/**
 * A pack in a temporary directory that installs the built pack's shared deserialisation, exactly as
 * policy/index.ts does, and offers the policies `policiesModule` exports (absolute path).
 */
export function writeProbePack(policiesModule: string): ProbePack {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "probe-pack-"));
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "probe-pack", version: "0.0.0", private: true, main: "index.js" }));
    fs.writeFileSync(path.join(dir, "index.js"), `"use strict";
const { PolicyPack } = require(require.resolve("@pulumi/policy", { paths: [${JSON.stringify(PACK_DIR)}] }));
require(${JSON.stringify(path.join(PACK_DIR, "bin", "lib", "sharedDeserialization.js"))}).shareDeserialization();
new PolicyPack("probe-pack", { policies: Object.values(require(${JSON.stringify(policiesModule)})) });
`);
    // run-policy-pack is resolved from the pack directory, as the CLI resolves it from the pack's own.
    const runner = require.resolve("@pulumi/pulumi/cmd/run-policy-pack", { paths: [PACK_DIR] });
    fs.symlinkSync(runner.slice(0, runner.lastIndexOf(`${path.sep}@pulumi${path.sep}`)), path.join(dir, "node_modules"));
    return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
