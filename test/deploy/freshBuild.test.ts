// What `pulumi up` runs is rebuilt first when any source it is built from changed, the workspace
// packages' sources included: the program imports @reference-platform/grammar and
// @reference-platform/consumer by name, through their dist/, so an edit under packages/*/src must
// reach bin/'s program before a deploy.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const freshBuild = require("../../infra/freshBuild.js") as {
    buildIsFresh(root: string): boolean;
    ensureFreshBuild(root: string): boolean;
};

const ROOT = path.resolve(__dirname, "../..");

/** Sets a file's modification time to `seconds` since the epoch. */
const setTime = (file: string, seconds: number) => fs.utimesSync(file, seconds, seconds);

describe("the deploy's build of bin/", function () {
    this.timeout(300_000);

    describe("freshness, over a tree of the project's shape", () => {
        let root: string;
        const BUILT = 1_000_000;
        const files = [
            "tsconfig.json", "tsconfig.build.json", "packages/grammar/tsconfig.json", "packages/platform-consumer/tsconfig.json",
            "infra/index.ts", "components/mesh/index.ts", "stacks/base.ts",
            "packages/grammar/src/quantity.ts", "packages/platform-consumer/src/shared/fields.ts",
        ];
        beforeEach(() => {
            root = fs.mkdtempSync(path.join(os.tmpdir(), "fresh-build-"));
            for (const file of [...files, "bin/infra/index.js"]) {
                fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
                fs.writeFileSync(path.join(root, file), "");
                setTime(path.join(root, file), BUILT - 10);
            }
            setTime(path.join(root, "bin/infra/index.js"), BUILT);
        });
        afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

        it("is fresh when nothing changed since the build", () => {
            assert.equal(freshBuild.buildIsFresh(root), true);
        });

        for (const file of files) {
            it(`is stale after an edit of ${file}`, () => {
                setTime(path.join(root, file), BUILT + 10);
                assert.equal(freshBuild.buildIsFresh(root), false);
            });
        }

        it("is stale when bin/ was never built", () => {
            fs.rmSync(path.join(root, "bin"), { recursive: true });
            assert.equal(freshBuild.buildIsFresh(root), false);
        });
    });

    it("rebuilds an edited consumer package before the program, in a copy of the project", () => {
        const copy = fs.mkdtempSync(path.join(os.tmpdir(), "fresh-build-copy-"));
        try {
            // The sources, the build configs and the current builds, timestamps kept, so only the
            // edit below is newer than the build; node_modules is the project's own.
            for (const entry of ["tsconfig.json", "tsconfig.build.json", "infra", "components", "stacks", "bin"]) {
                fs.cpSync(path.join(ROOT, entry), path.join(copy, entry), { recursive: true, preserveTimestamps: true });
            }
            for (const pkg of ["grammar", "platform-consumer"]) {
                for (const entry of ["tsconfig.json", "package.json", ".tsbuildinfo", "src", "dist"]) {
                    const from = path.join(ROOT, "packages", pkg, entry);
                    if (fs.existsSync(from)) fs.cpSync(from, path.join(copy, "packages", pkg, entry), { recursive: true, preserveTimestamps: true });
                }
            }
            fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(copy, "node_modules"));
            freshBuild.ensureFreshBuild(copy);
            assert.equal(freshBuild.buildIsFresh(copy), true, "the copy starts from a current build");

            const probe = `fresh-build-probe-${process.pid}`;
            const edited = path.join(copy, "packages/platform-consumer/src/shared/issues.ts");
            fs.appendFileSync(edited, `\nexport const FRESH_BUILD_PROBE = "${probe}";\n`);
            assert.equal(freshBuild.buildIsFresh(copy), false, "the edit makes the build stale");

            assert.equal(freshBuild.ensureFreshBuild(copy), true, "it rebuilt");
            const built = fs.readFileSync(path.join(copy, "packages/platform-consumer/dist/shared/issues.js"), "utf8");
            assert.ok(built.includes(probe), "the package's dist/ holds the edit");
            assert.equal(freshBuild.buildIsFresh(copy), true, "and bin/ is current again");
        } finally {
            fs.rmSync(copy, { recursive: true, force: true });
        }
    });
});
