// Keeps bin/ (what `pulumi preview` and `pulumi up` run) no older than what it is built from: the
// program's sources (infra/, components/, stacks/) and the workspace packages it imports by name
// (@reference-platform/grammar, @reference-platform/consumer), whose dist/ the program loads
// through node_modules. One command rebuilds all of it: `tsc --build tsconfig.build.json`, whose
// project references rebuild an edited package before the program, incrementally (a package whose
// sources did not change is not rebuilt). `npm run build` and `npm ci`'s prepare step run the same.
"use strict";
const { execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");

/** Directories (under the project root) whose .ts files bin/ is built from. */
const SOURCE_DIRS = ["infra", "components", "stacks", "packages/grammar/src", "packages/platform-consumer/src"];
/** The build's configs: a change to one is a change to the build. */
const BUILD_CONFIGS = ["tsconfig.json", "tsconfig.build.json", "packages/grammar/tsconfig.json", "packages/platform-consumer/tsconfig.json"];
/** The program's built entry; tsc --build updates its timestamp on every build that finds it current. */
const BUILT_ENTRY = path.join("bin", "infra", "index.js");
/** tsc's arguments (after the tsc script) for the one build of bin/ and the packages it imports. */
const BUILD_ARGS = ["--build", "tsconfig.build.json"];

function newestSourceMillis(root) {
    let newest = Math.max(...BUILD_CONFIGS.map((f) => fs.statSync(path.join(root, f)).mtimeMs));
    for (const dir of SOURCE_DIRS) {
        for (const file of fs.readdirSync(path.join(root, dir), { recursive: true })) {
            if (String(file).endsWith(".ts")) newest = Math.max(newest, fs.statSync(path.join(root, dir, String(file))).mtimeMs);
        }
    }
    return newest;
}

/** True when bin/ exists and is no older than any source or build config. */
function buildIsFresh(root) {
    const entry = path.join(root, BUILT_ENTRY);
    return fs.existsSync(entry) && fs.statSync(entry).mtimeMs >= newestSourceMillis(root);
}

function rebuild(root) {
    let tsc;
    try {
        tsc = require.resolve("typescript/bin/tsc", { paths: [root] });
    } catch {
        throw new Error("bin/ is missing or older than the sources and TypeScript is not installed: run `npm ci`");
    }
    process.stderr.write("platform: sources changed since the last build, rebuilding (tsc --build tsconfig.build.json)\n");
    execFileSync(process.execPath, [tsc, ...BUILD_ARGS], { cwd: root, stdio: "inherit" });
}

/** Rebuilds when a source is newer than the build; returns whether it rebuilt. */
function ensureFreshBuild(root) {
    if (buildIsFresh(root)) return false;
    rebuild(root);
    return true;
}

module.exports = { SOURCE_DIRS, BUILD_CONFIGS, BUILT_ENTRY, BUILD_ARGS, buildIsFresh, ensureFreshBuild };
