// npm 11 asks each project to declare which dependencies may run install scripts (package.json
// `allowScripts`); a stricter npm skips the undeclared ones silently. Every dependency with an
// install script is declared, and the one the project cannot run without, the `node` package that
// installs Node 22 for every npm script, is allowed.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
const lock = JSON.parse(fs.readFileSync(path.join(ROOT, "package-lock.json"), "utf8"));

/** name -> version of every locked package that has an install script. */
function withInstallScripts(): Map<string, string> {
    const found = new Map<string, string>();
    for (const [at, entry] of Object.entries(lock.packages as Record<string, { hasInstallScript?: boolean; version?: string }>)) {
        if (entry.hasInstallScript && at.includes("node_modules/")) found.set(at.slice(at.lastIndexOf("node_modules/") + "node_modules/".length), entry.version ?? "");
    }
    return found;
}

/** allowScripts' decision for a package: its pinned entry, else its name-only entry. */
function decision(name: string, version: string): boolean | undefined {
    const declared = manifest.allowScripts as Record<string, boolean> | undefined;
    return declared?.[`${name}@${version}`] ?? declared?.[name];
}

describe("install scripts", () => {
    it("are declared in allowScripts for every locked package that has one", () => {
        const packages = withInstallScripts();
        assert.ok(packages.has("node"), "the lock holds the node package, and it has an install script");
        const undeclared = [...packages].filter(([name, version]) => decision(name, version) === undefined).map(([name, version]) => `${name}@${version}`);
        assert.deepEqual(undeclared, [], "run `npm install-scripts ls`, then approve or deny each");
    });

    it("are allowed for the node package, which installs Node 22", () => {
        assert.equal(decision("node", manifest.devDependencies.node), true);
    });
});
