// What `pulumi preview` / `pulumi up` run (Pulumi.yaml `main`, `typescript: false`): the program as
// JavaScript built by tsc into bin/ (by `npm ci`'s prepare step, or `npm run build`), so a deploy
// neither type-checks nor transpiles. Type errors are caught by `npm run typecheck` and CI.
//
// When a source is newer than the build (an edit, a checkout), including a source of a workspace
// package the program imports, it rebuilds first (./freshBuild.js), so a deploy never runs stale
// code. Under a TypeScript loader (the test harness, ts-node) it runs the sources.
"use strict";
const path = require("path");
const { BUILT_ENTRY, ensureFreshBuild } = require("./freshBuild");

const ROOT = path.resolve(__dirname, "..");

if (require.extensions[".ts"]) {
    module.exports = require("./index.ts");
} else {
    ensureFreshBuild(ROOT);
    module.exports = require(path.join(ROOT, BUILT_ENTRY));
}
