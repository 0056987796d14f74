// The suites load the consumer package by its name, that is its compiled dist/: it must be built
// from the sources as they are, or they would test an older copy.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";

const PACKAGES = ["grammar", "platform-consumer"];

function sources(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true })
        .flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : []));
}

describe("workspace package builds", () => {
    for (const name of PACKAGES) it(`${name} is current: every source has its JavaScript and declarations, built after it was changed`, () => {
        const PACKAGE_DIR = path.resolve(__dirname, "../../packages", name);
        const manifest = JSON.parse(fs.readFileSync(path.join(PACKAGE_DIR, "package.json"), "utf8"));
        // The package is a composite project built incrementally (tsc --build): a build that finds a
        // source unchanged in content leaves its outputs as they are and records the check in
        // .tsbuildinfo, so a source is current when its outputs or that record are newer.
        const buildInfo = path.join(PACKAGE_DIR, ".tsbuildinfo");
        const checked = fs.existsSync(buildInfo) ? fs.statSync(buildInfo).mtimeMs : 0;
        const stale = sources(path.join(PACKAGE_DIR, "src")).flatMap((source) => {
            const base = path.join(PACKAGE_DIR, "dist", path.relative(path.join(PACKAGE_DIR, "src"), source)).replace(/\.ts$/, "");
            const changed = fs.statSync(source).mtimeMs;
            return [`${base}.js`, `${base}.d.ts`]
                .filter((built) => !fs.existsSync(built) || (fs.statSync(built).mtimeMs < changed && checked < changed))
                .map((built) => path.relative(PACKAGE_DIR, built));
        });
        assert.deepEqual(stale, [], `${manifest.name} is older than its sources: run \`npm run build\` (tsc --build; npm ci does it)`);
    });
});
