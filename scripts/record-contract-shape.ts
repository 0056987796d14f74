// Records the contract's shape for the current CONTRACT_VERSION in the consumer package
// (packages/platform-consumer/shapes/v<N>.json) and sets the package's version to <N>.0.0, the
// major version being the contract version. Refuses to overwrite a recorded version: a released
// shape never changes; change the schema, bump the version, record anew.
// `npm run contract:record` builds the package first, so this reads the current sources.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { CONTRACT_VERSION, contractShape, shapeFile } from "@reference-platform/consumer/contract";

const ROOT = path.resolve(__dirname, "..");
const PACKAGE_DIR = path.join(ROOT, "packages/platform-consumer");

const file = shapeFile(CONTRACT_VERSION);
if (fs.existsSync(file)) {
    console.error(`contract v${CONTRACT_VERSION} is already recorded in ${file}; bump CONTRACT_VERSION in ` +
        "packages/platform-consumer/src/contract/schema.ts to record a changed shape");
    process.exit(1);
}
fs.writeFileSync(file, JSON.stringify(contractShape(), null, 2) + "\n");
console.log(`recorded contract v${CONTRACT_VERSION} in ${path.relative(process.cwd(), file)}`);

/** Sets "version" in a package.json, or a dependency's range on the consumer package. */
function setVersion(file: string, edit: (manifest: Record<string, any>) => void): void {
    const manifest = JSON.parse(fs.readFileSync(file, "utf8"));
    edit(manifest);
    fs.writeFileSync(file, JSON.stringify(manifest, null, 2) + "\n");
}

const packageFile = path.join(PACKAGE_DIR, "package.json");
const { name, version } = JSON.parse(fs.readFileSync(packageFile, "utf8")) as { name: string; version: string };
if (Number(version.split(".")[0]) !== CONTRACT_VERSION) {
    const next = `${CONTRACT_VERSION}.0.0`;
    setVersion(packageFile, (m) => { m.version = next; });
    setVersion(path.join(ROOT, "package.json"), (m) => { m.dependencies[name] = next; });
    // The examples install the package like a team outside the repository does: by its range.
    for (const example of fs.readdirSync(path.join(ROOT, "examples"))) {
        const file = path.join(ROOT, "examples", example, "package.json");
        if (fs.existsSync(file)) setVersion(file, (m) => { if (m.dependencies?.[name]) m.dependencies[name] = `^${next}`; });
    }
    // Brings package-lock.json to the new version; every other entry stays as it is.
    execFileSync("npm", ["install", "--offline", "--ignore-scripts", "--no-audit", "--no-fund"], { cwd: ROOT, stdio: "inherit" });
    console.log(`${name} is now ${next}; publish it (README: "Publishing a new version")`);
}
