// The consumer package as a team outside this repository gets it: packed, installed from the
// tarball into a scratch project under the OS temp directory with only public dependencies, and
// loaded there by Node 20 and Node 22, against the real outputs of each platform stack.
import { strict as assert } from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CONTRACT_AREAS, CONTRACT_VERSION } from "@reference-platform/consumer/contract";
import * as yaml from "yaml";
import { RunResult, runStack } from "../harness";
import { PackedPackage, writeScratchProject } from "./scratchLock";

const ROOT = path.resolve(__dirname, "../..");
const PACKAGE_DIR = path.join(ROOT, "packages/platform-consumer");
const manifest = JSON.parse(fs.readFileSync(path.join(PACKAGE_DIR, "package.json"), "utf8"));
const STACKS = ["dev", "staging", "prod"];
const stackName = (stack: string) => `organization/platform/${stack}`;

/** Node binaries by major version: 22 from the `node` devDependency, 20 the machine's. */
function nodeBinaries(): Map<number, string> {
    const candidates = [
        path.join(ROOT, "node_modules/node/bin/node"),
        process.env.PLATFORM_NODE20 ?? "",
        ...(process.env.PATH ?? "").split(path.delimiter).filter((d) => !d.includes("node_modules")).map((d) => path.join(d, "node")),
        "/usr/bin/node", "/usr/local/bin/node",
    ];
    const found = new Map<number, string>();
    for (const file of candidates.filter((f) => f && fs.existsSync(f))) {
        const major = Number(execFileSync(file, ["-p", "process.versions.node.split('.')[0]"], { encoding: "utf8" }).trim());
        if (!found.has(major)) found.set(major, file);
    }
    return found;
}

function contractOutputs(run: RunResult): Record<string, unknown> {
    return Object.fromEntries(["contractVersion", ...CONTRACT_AREAS].map((k) => [k, run.outputs[k]]));
}

interface CheckResult {
    node: string;
    exportsLoaded: Record<string, string[]>;
    results: { settings?: any; error?: string; runError?: boolean }[];
    registered: string[];
}

interface ExampleRun {
    node: string;
    result?: { url: string; scrape: { scheme: string; identity: string | null }; platformContractVersion: number };
    error?: string;
    registered: { type: string; name: string; inputs: any }[];
}

const EXAMPLE_DIR = "examples/team-service";
/** The example's committed stack config (Pulumi.<stack>.yaml), as the engine passes it. */
function exampleConfig(stack: string): Record<string, string> {
    const file = yaml.parse(fs.readFileSync(path.join(ROOT, EXAMPLE_DIR, `Pulumi.${stack}.yaml`), "utf8")) as { config: Record<string, unknown> };
    return Object.fromEntries(Object.entries(file.config).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]));
}

describe("consumer package, installed from its tarball outside the repository", function () {
    this.timeout(900_000);
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "platform-consumer-"));
    const app = path.join(scratch, "app");
    const nodes = nodeBinaries();
    const platforms = new Map<string, RunResult>();
    let packed: PackedPackage & { files: { path: string }[] };
    const checks = new Map<number, CheckResult>();
    const examples = new Map<string, ExampleRun>();

    before(() => {
        for (const stack of STACKS) platforms.set(stack, runStack(stack));
        // Runs the package's prepack (tsc), as publishing does.
        const pack = (name: string) => JSON.parse(execFileSync("npm", ["pack", "--workspace", name, "--pack-destination", scratch, "--json"],
            { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }))[0];
        packed = pack(manifest.name);
        // The grammar package the consumer depends on, as the registry would serve it.
        const grammar = pack("@reference-platform/grammar");
        fs.mkdirSync(app);
        // What a team brings itself: the peer dependencies, at the versions the platform uses.
        writeScratchProject(app, ROOT, [packed, grammar], ["@pulumi/pulumi", "@pulumi/kubernetes"]);
        // From the npm cache only (this repository's `npm ci` filled it): no registry lookup.
        execFileSync("npm", ["ci", "--offline", "--no-audit", "--no-fund", "--ignore-scripts"], { cwd: app, stdio: ["ignore", "ignore", "pipe"] });
        for (const file of ["check.js", "consumer.ts"]) fs.copyFileSync(path.join(__dirname, "scratch", file), path.join(app, file));
        const cases = [
            ...STACKS.map((stack) => ({ stack: stackName(stack), team: "data", outputs: contractOutputs(platforms.get(stack)!) })),
            { stack: "organization/platform/dev-missing-team", team: "nobody", outputs: contractOutputs(platforms.get("dev")!) },
            { stack: "organization/platform/dev-prototype-key", team: "constructor", outputs: contractOutputs(platforms.get("dev")!) },
        ];
        fs.writeFileSync(path.join(app, "cases.json"), JSON.stringify(cases));
        // The example program, compiled as its team would compile it, run there against each stack.
        execFileSync(process.execPath, [path.join(ROOT, "node_modules/typescript/bin/tsc"), "--outDir", path.join(app, "example"),
            "--module", "commonjs", "--target", "ES2022", "--esModuleInterop", "--skipLibCheck", "--types", "node",
            path.join(ROOT, EXAMPLE_DIR, "index.ts")], { cwd: ROOT, stdio: "pipe" });
        fs.copyFileSync(path.join(__dirname, "scratch", "example.js"), path.join(app, "example.js"));
        for (const stack of STACKS) fs.writeFileSync(path.join(app, `${stack}.outputs.json`), JSON.stringify(contractOutputs(platforms.get(stack)!)));
        for (const [major, node] of nodes) {
            if (major !== 20 && major !== 22) continue;
            const env = { ...process.env, NODE_OPTIONS: "" };
            const out = execFileSync(node, ["check.js", "cases.json"], { cwd: app, encoding: "utf8", env });
            checks.set(major, JSON.parse(out));
            for (const stack of STACKS) {
                const config = exampleConfig(stack);
                const run = execFileSync(node, ["example.js", `${stack}.outputs.json`, stack], { cwd: app, encoding: "utf8", env: { ...env, PULUMI_CONFIG: JSON.stringify(config) } });
                examples.set(`${major}/${stack}`, JSON.parse(run));
            }
        }
    });

    after(() => fs.rmSync(scratch, { recursive: true, force: true }));

    it("ships compiled JavaScript, its declarations and the recorded shapes, and no TypeScript source", () => {
        const files = packed.files.map((f) => f.path);
        for (const entry of ["dist/index.js", "dist/index.d.ts", "package.json", "README.md", `shapes/v${CONTRACT_VERSION}.json`]) {
            assert.ok(files.includes(entry), `${entry} in ${files.join(", ")}`);
        }
        for (const target of Object.values(manifest.exports as Record<string, string | Record<string, string>>)
            .flatMap((t) => (typeof t === "string" ? [t] : Object.values(t))).filter((t) => !t.includes("*"))) {
            assert.ok(files.includes(target.replace(/^\.\//, "")), `export target ${target} is packed`);
        }
        assert.deepEqual(files.filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts")), []);
    });

    it("installs with public dependencies only, every one from the registry, none from this repository", () => {
        const installed = JSON.parse(fs.readFileSync(path.join(app, "node_modules", manifest.name, "package.json"), "utf8"));
        assert.equal(installed.version, manifest.version);
        const specs = { ...installed.dependencies, ...installed.peerDependencies } as Record<string, string>;
        assert.deepEqual(Object.entries(specs).filter(([, spec]) => !/^[\^~]?\d+\.\d+\.\d+$/.test(spec)), [], "registry version ranges only");
        const linked = fs.readdirSync(path.join(app, "node_modules"), { recursive: true, withFileTypes: true })
            .filter((e) => e.isSymbolicLink() && !fs.realpathSync(path.join(e.parentPath, e.name)).startsWith(fs.realpathSync(app)));
        assert.deepEqual(linked.map((e) => e.name), []);
        // The installed tree is complete, the peer dependency included.
        execFileSync("npm", ["ls", "--all", "--offline"], { cwd: app, stdio: "ignore" });
    });

    it("is versioned by the contract: its major version is the contract version", () => {
        assert.equal(Number(manifest.version.split(".")[0]), CONTRACT_VERSION);
    });

    it("declares the oldest Node it is tested on below", () => {
        assert.equal(manifest.engines.node, ">=20");
    });

    for (const major of [20, 22]) {
        describe(`on Node ${major}`, () => {
            const check = () => {
                const result = checks.get(major);
                assert.ok(result, `no Node ${major} found (tried the node devDependency, PLATFORM_NODE20, PATH, /usr/bin/node)`);
                assert.equal(Number(result.node.split(".")[0]), major);
                return result;
            };

            it("loads every export, CommonJS and ESM", () => {
                const { exportsLoaded } = check();
                for (const name of ["CONTRACT_VERSION", "contractSchema", "PlatformReference", "PlatformStack", "readContract", "serviceSettings"]) {
                    assert.ok(exportsLoaded["."].includes(name), name);
                }
                assert.ok(exportsLoaded["./contract"].includes("contractShape"));
                assert.ok(exportsLoaded["./settings"].includes("serviceSettings"));
                assert.ok(exportsLoaded["./microservice"].includes("Microservice"));
                const esm = execFileSync(nodes.get(major)!, ["--input-type=module", "-e",
                    "import { CONTRACT_VERSION, serviceSettings } from '@reference-platform/consumer';" +
                    "import { PlatformReference } from '@reference-platform/consumer/reference';" +
                    "console.log(CONTRACT_VERSION, typeof serviceSettings, typeof PlatformReference)"],
                { cwd: app, encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "" } });
                assert.equal(esm.trim(), `${CONTRACT_VERSION} function function`);
            });

            for (const [i, stack] of STACKS.entries()) {
                it(`derives the ${stack} platform's scheme and identity with no setting`, () => {
                    const { settings, error } = check().results[i];
                    assert.equal(error, undefined);
                    const outputs = platforms.get(stack)!.outputs as Record<string, any>;
                    assert.equal(settings.namespace, outputs.namespaces.teams.data);
                    assert.equal(settings.podSecurityLevel, outputs.namespaces.teamPodSecurityLevel);
                    assert.equal(settings.defaults.replicas, outputs.workloads.replicas);
                    assert.equal(settings.tracing.otlpGrpcEndpoint, outputs.tracing.otlpGrpcEndpoint);
                    const scrape = outputs.monitoring.mtlsScrape;
                    if (outputs.mesh.mtlsMode === "STRICT") {
                        assert.deepEqual(settings.scrape, {
                            scheme: "https",
                            identity: `${outputs.mesh.trustDomain}/ns/${scrape.prometheusNamespace}/sa/${scrape.prometheusServiceAccount}`,
                        });
                        assert.equal(settings.monitoring.mtlsScrape.certificateFiles.cert, scrape.certFile);
                    } else {
                        assert.deepEqual(settings.scrape, { scheme: "http", identity: null });
                        assert.equal(settings.monitoring.mtlsScrape, undefined);
                    }
                });
            }

            for (const stack of STACKS) {
                it(`runs the example program against the ${stack} platform, with the package's Microservice`, () => {
                    check();
                    const run = examples.get(`${major}/${stack}`)!;
                    assert.equal(run.error, undefined);
                    assert.equal(Number(run.node.split(".")[0]), major);
                    const outputs = platforms.get(stack)!.outputs as Record<string, any>;
                    const namespace = outputs.namespaces.teams.data;
                    const deployment = run.registered.find((r) => r.type === "kubernetes:apps/v1:Deployment");
                    assert.equal(deployment?.inputs.metadata.namespace, namespace);
                    assert.ok(run.registered.some((r) => r.type === "platform:workloads:Microservice"),
                        run.registered.map((r) => r.type).join(", "));
                    assert.equal(run.result?.platformContractVersion, CONTRACT_VERSION);
                    assert.equal(run.result?.url, `http://reports.${namespace}.svc.cluster.local`);
                    const monitor = run.registered.find((r) => r.type === "kubernetes:monitoring.coreos.com/v1:ServiceMonitor");
                    assert.equal(monitor?.inputs.spec.endpoints[0].scheme, outputs.mesh.mtlsMode === "STRICT" ? "https" : "http");
                });
            }

            it("fails on an unknown or prototype team before the program registers its service", () => {
                const { results, registered } = check();
                assert.match(results[3].error ?? "", /^platform stack "organization\/platform\/dev-missing-team": has no tenant team "nobody"; its teams: data, shop$/);
                assert.match(results[4].error ?? "", /has no tenant team "constructor"; its teams: data, shop$/);
                assert.deepEqual([results[3].runError, results[4].runError], [true, true], "reported as one line, no stack trace");
                assert.deepEqual(registered.filter((r) => r.startsWith("scratch:")).sort(), ["scratch:index:Service::service-0", "scratch:index:Service::service-1", "scratch:index:Service::service-2"]);
            });
        });
    }

    it("type-checks a consumer against its declarations, by the exports map and by typesVersions", () => {
        const tsc = path.join(ROOT, "node_modules/typescript/bin/tsc");
        for (const [module, moduleResolution] of [["node16", "node16"], ["commonjs", "node10"]]) {
            const config = path.join(app, `tsconfig.${moduleResolution}.json`);
            fs.writeFileSync(config, JSON.stringify({
                compilerOptions: { noEmit: true, strict: true, skipLibCheck: true, types: [], target: "ES2022", module, moduleResolution },
                files: ["consumer.ts"],
            }));
            try {
                execFileSync(process.execPath, [tsc, "-p", config], { cwd: app, encoding: "utf8", stdio: "pipe" });
            } catch (e) {
                assert.fail(`${moduleResolution}: ${(e as { stdout?: string }).stdout}`);
            }
        }
    });
});
