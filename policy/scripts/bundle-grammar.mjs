// `npm pack` runs this (prepack) so that the pack's tarball carries @reference-platform/grammar as
// a bundled dependency: `pulumi policy publish` packs this folder, and the service installs the
// tarball where the grammar package is not published. npm bundles only what is in this folder's
// own node_modules, and the workspace hoists the grammar to the root, so the built package (its
// package.json and dist/) is copied here; `postpack` (with --remove) deletes the copy again.
import { cpSync, existsSync, mkdirSync, readdirSync, rmdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";

const NAME = "@reference-platform/grammar";
const packDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const bundled = join(packDir, "node_modules", ...NAME.split("/"));

rmSync(bundled, { recursive: true, force: true });
if (process.argv.includes("--remove")) {
    // Leaves no empty node_modules/@reference-platform behind (a directory that holds more stays).
    for (const dir of [dirname(bundled), dirname(dirname(bundled))]) {
        if (existsSync(dir) && readdirSync(dir).length === 0) rmdirSync(dir);
    }
    process.exit(0);
}

const source = dirname(createRequire(join(packDir, "package.json")).resolve(`${NAME}/package.json`));
mkdirSync(bundled, { recursive: true });
cpSync(join(source, "package.json"), join(bundled, "package.json"));
cpSync(join(source, "dist"), join(bundled, "dist"), { recursive: true });
