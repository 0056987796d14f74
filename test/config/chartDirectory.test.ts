// platform:chartDirectory: every chart installs from a local directory of `helm pull` archives.
// The loader names each missing archive before any resource is registered; with a complete
// directory every Chart the program registers points at an archive in it, and no repository.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ConfigError } from "../../infra/config";
import { ofType, runStack } from "../harness";
import { resolveConfig } from "./resolve";

// What `helm pull` writes for the charts pinned in infra/charts.ts, written out here as a user sees them.
const PINNED_ARCHIVES = [
    "base-1.29.6.tgz", "istiod-1.29.6.tgz", "cni-1.29.6.tgz", "gateway-1.29.6.tgz",
    "kube-prometheus-stack-88.5.3.tgz", "jaeger-4.11.1.tgz", "eck-operator-3.5.0.tgz",
    "fluent-bit-0.58.1.tgz", "argo-cd-10.1.1.tgz", "kiali-server-2.29.0.tgz", "external-secrets-2.9.0.tgz",
    "metrics-server-3.13.1.tgz", "vpa-5.0.0.tgz", "keda-2.20.2.tgz",
    "argo-rollouts-2.41.0.tgz",
];
const CANARY_ARCHIVES = ["base-1.30.3.tgz", "istiod-1.30.3.tgz", "cni-1.30.3.tgz", "gateway-1.30.3.tgz"];
const CANARY = { mesh: { revisions: [{ name: "1-29", version: "1.29.6" }, { name: "1-30", version: "1.30.3" }] } };

/** A directory holding placeholder archives of these names (the loader checks presence, not contents). */
function archiveDirectory(names: readonly string[]): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chart-directory-"));
    for (const name of names) fs.writeFileSync(path.join(dir, name), "");
    return dir;
}

function loaderError(config: Record<string, unknown>, stack = "dev"): string {
    try {
        resolveConfig(config, stack);
    } catch (e) {
        if (e instanceof ConfigError) return e.message;
        throw e;
    }
    return "";
}

describe("platform:chartDirectory", () => {
    const dirs: string[] = [];
    const directory = (names: readonly string[]) => {
        const dir = archiveDirectory(names);
        dirs.push(dir);
        return dir;
    };
    after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

    it("accepts a directory holding every pinned archive, and returns it absolute", () => {
        const dir = directory(PINNED_ARCHIVES);
        const relative = path.relative(process.cwd(), dir);
        assert.equal(resolveConfig({ chartDirectory: relative }, "prod").chartDirectory, dir);
    });

    it("names the one archive a directory lacks", () => {
        const dir = directory(PINNED_ARCHIVES.filter((a) => a !== "jaeger-4.11.1.tgz"));
        const message = loaderError({ chartDirectory: dir });
        assert.match(message, /platform:chartDirectory: .* lacks jaeger-4\.11\.1\.tgz \(jaeger\); it must hold every pinned chart/);
        assert.doesNotMatch(message, /kiali-server|argo-cd/);
    });

    it("asks for the Istio charts of every mesh revision the stack runs", () => {
        const dir = directory(PINNED_ARCHIVES);
        const message = loaderError({ chartDirectory: dir, ...CANARY }, "staging");
        for (const archive of CANARY_ARCHIVES) assert.ok(message.includes(archive), `${archive} in: ${message}`);
        assert.equal(loaderError({ chartDirectory: directory([...PINNED_ARCHIVES, ...CANARY_ARCHIVES]), ...CANARY }, "staging"), "");
    });

    it("refuses a directory that does not exist, naming the key and how to fill one", () => {
        assert.match(loaderError({ chartDirectory: "/nonexistent/charts" }),
            /platform:chartDirectory: \/nonexistent\/charts is not a directory; fill one with `npm run charts:pull -- --charts \/nonexistent\/charts`/);
    });

    it("refuses a value that is not a path", () => {
        assert.match(loaderError({ chartDirectory: 42 }), /platform:chartDirectory: must be a directory path .* \(got 42\)/);
    });

    it("refuses per-chart mirrors beside it, which it would silently override", () => {
        const dir = directory(PINNED_ARCHIVES);
        assert.match(loaderError({ chartDirectory: dir, chartRepositories: { jaeger: "https://mirror.internal/charts" } }),
            /platform:chartDirectory: every chart installs from the directory, so platform:chartRepositories \(jaeger\) would be ignored/);
    });

    describe("the program under mocks", () => {
        it("installs every Chart from an archive in the directory, with no repository", () => {
            const dir = directory([...PINNED_ARCHIVES, ...CANARY_ARCHIVES]);
            const run = runStack("prod", { chartDirectory: dir, ...CANARY });
            assert.equal(run.error, undefined);
            const charts = ofType(run, "kubernetes:helm.sh/v4:Chart");
            assert.ok(charts.length >= PINNED_ARCHIVES.length, `${charts.length} charts`);
            for (const c of charts) {
                assert.equal(path.dirname(c.inputs.chart), dir, c.name);
                assert.ok([...PINNED_ARCHIVES, ...CANARY_ARCHIVES].includes(path.basename(c.inputs.chart)), `${c.name}: ${c.inputs.chart}`);
                assert.equal(c.inputs.repositoryOpts, undefined, c.name);
            }
            assert.ok(charts.some((c) => c.inputs.chart.endsWith("istiod-1.30.3.tgz")), "the canary revision's istiod");
        });

        it("registers no resource when an archive is missing", () => {
            const run = runStack("dev", { chartDirectory: directory(PINNED_ARCHIVES.slice(1)) });
            assert.match(String(run.error), /platform:chartDirectory: .* lacks base-1\.29\.6\.tgz/);
            assert.equal(run.resources.filter((r) => r.type !== "pulumi:pulumi:Stack").length, 0);
        });
    });
});
