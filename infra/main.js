// What `pulumi preview` / `pulumi up` run (Pulumi.yaml `main`, `typescript: false`): the program as
// JavaScript built by tsc into bin/ (by `npm ci`'s prepare step, or `npm run build`), so a deploy
// neither type-checks nor transpiles. Type errors are caught by `npm run typecheck` and CI.
//
// When a source is newer than the build (an edit, a checkout), it rebuilds first, so a deploy never
// runs stale code. Under a TypeScript loader (the test harness, ts-node) it runs the sources.
"use strict";
const { execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const BUILT_ENTRY = path.join(ROOT, "bin", "infra", "index.js");
const SOURCE_DIRS = ["infra", "components", "stacks"];
const BUILD_CONFIGS = ["tsconfig.json", "tsconfig.build.json"];

function newestSourceMillis() {
    let newest = Math.max(...BUILD_CONFIGS.map((f) => fs.statSync(path.join(ROOT, f)).mtimeMs));
    for (const dir of SOURCE_DIRS) {
        for (const file of fs.readdirSync(path.join(ROOT, dir), { recursive: true })) {
            if (String(file).endsWith(".ts")) newest = Math.max(newest, fs.statSync(path.join(ROOT, dir, String(file))).mtimeMs);
        }
    }
    return newest;
}

function buildIsFresh() {
    return fs.existsSync(BUILT_ENTRY) && fs.statSync(BUILT_ENTRY).mtimeMs >= newestSourceMillis();
}

function rebuild() {
    let tsc;
    try {
        tsc = require.resolve("typescript/bin/tsc", { paths: [ROOT] });
    } catch {
        throw new Error("bin/ is missing or older than the sources and TypeScript is not installed: run `npm ci`");
    }
    process.stderr.write("platform: sources changed since the last build, rebuilding bin/ (npm run build)\n");
    execFileSync(process.execPath, [tsc, "-p", path.join(ROOT, "tsconfig.build.json")], { cwd: ROOT, stdio: "inherit" });
}

if (require.extensions[".ts"]) {
    module.exports = require("./index.ts");
} else {
    if (!buildIsFresh()) rebuild();
    module.exports = require(BUILT_ENTRY);
}
