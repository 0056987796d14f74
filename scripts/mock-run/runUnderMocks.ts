// Child-process entry: runs a stack's program under the SDK's mocks and writes what was registered,
// and the stack outputs, as JSON. One process per run because the Pulumi runtime is a process-wide
// singleton.
//
//   node --import tsx scripts/mock-run/runUnderMocks.ts <stack> <result.json> [overrides.json]
// PLATFORM_SYNTHETIC_SERVICES=N adds N synthetic services (bench only; see syntheticServices.ts);
// PLATFORM_RUN_OPTIONS carries the rest (childEnv.ts).
import * as pulumi from "@pulumi/pulumi";
import * as fs from "fs";
import * as path from "path";
import { ChildRunOptions, RUN_OPTIONS_ENV } from "./childEnv";
import { PlatformMocks } from "./mocks";
import { loadStackConfig } from "./stackConfig";
import { addSyntheticServices, syntheticServiceCount } from "./syntheticServices";
import { RecordedResource, ResolvedValue, RunResult, StackOverrides } from "./types";

// SDK internals, public in its JavaScript: the mock monitor (to record registrations) and the wait
// for outstanding RPCs that `pulumi.runtime.disconnect` does before it closes.
const { MockMonitor } = require("@pulumi/pulumi/runtime/mocks");
const { waitForRPCs } = require("@pulumi/pulumi/runtime/settings") as { waitForRPCs(): Promise<void> };

const [stack, resultFile, overridesFile] = process.argv.slice(2);
const runOptions: ChildRunOptions = JSON.parse(process.env[RUN_OPTIONS_ENV] || "{}");
const root = path.resolve(__dirname, "../..", runOptions.projectDir ?? ".");
const overrides: StackOverrides = overridesFile ? JSON.parse(fs.readFileSync(overridesFile, "utf8")) : {};
const { project, main, config, secretKeys, secretValues } = loadStackConfig(root, stack, overrides);

/** Every registration in order, and the same by URN. */
const recorded: RecordedResource[] = [];
const byUrn = new Map<string, RecordedResource>();
/** The registration whose mock call is under way: the monitor calls the mocks before its first await. */
let registering: RecordedResource | undefined;

const originalRegister = MockMonitor.prototype.registerResource;
MockMonitor.prototype.registerResource = function (request: any, callback: any) {
    const parent = request.getParent() || undefined;
    const record: RecordedResource = {
        type: request.getType(),
        name: request.getName(),
        // The URN the monitor gives the resource (its own newUrn), known before it answers.
        urn: this.newUrn(parent, request.getType(), request.getName()),
        parent,
        custom: request.getCustom(),
        dependencies: request.getDependenciesList(),
        protect: request.getProtect?.() ?? false,
        retainOnDelete: request.getRetainondelete?.() ?? false,
        provider: request.getProvider() || undefined,
        aliases: (request.getAliasesList?.() ?? []).length,
        inputs: {},
        serializedInputs: request.getObject()?.toJavaScript() ?? {},
    };
    if (byUrn.has(record.urn)) throw new Error(`duplicate URN ${record.urn}`);
    recorded.push(record);
    byUrn.set(record.urn, record);
    registering = record;
    try {
        return originalRegister.call(this, request, callback);
    } finally {
        registering = undefined;
    }
};

const mocks = new PlatformMocks({ bcryptHashes: runOptions.bcryptHashes });
pulumi.runtime.setAllConfig(config, secretKeys);
pulumi.runtime.setMocks({
    newResource: (args) => {
        // registerResource calls the mocks synchronously; readResource (a `get`) has no record.
        const record = registering;
        if (record && (record.type !== args.type || record.name !== args.name)) {
            throw new Error(`mock call for ${args.type} ${args.name} during the registration of ${record.urn}`);
        }
        if (record) record.inputs = args.inputs;
        if (args.type === "pulumi:pulumi:StackReference") {
            return { id: args.inputs.name, state: { name: args.inputs.name, ...runOptions.stackReference } };
        }
        return runOptions.preview ? { id: undefined, state: args.inputs } : mocks.newResource(args);
    },
    call: (args) => mocks.call(args),
}, project, stack, runOptions.preview === true);

const result: RunResult = { stack, resources: recorded, outputs: {}, secretValues, error: undefined, millis: 0, cpuMillis: 0 };
const startedWall = Date.now();
const startedCpu = process.cpuUsage();

function writeResult(): void {
    const cpu = process.cpuUsage(startedCpu);
    result.millis = Date.now() - startedWall;
    result.cpuMillis = (cpu.user + cpu.system) / 1000;
    result.secretValues = [...secretValues, ...mocks.generatedSecrets];
    fs.writeFileSync(resultFile, JSON.stringify(result));
}

/** A failure inside an Output (as the engine would report it) ends the run with that error. */
function failRun(e: unknown): void {
    result.error = e instanceof Error ? e.message : String(e);
    writeResult();
    process.exit(0);
}
process.on("unhandledRejection", failRun);
process.on("uncaughtException", failRun);

(async () => {
    try {
        // As the SDK's runner does: an exported function is the program, and its result the outputs.
        const exported = require(runOptions.main ? path.resolve(__dirname, "../..", runOptions.main) : path.join(root, main));
        const program = await (exported instanceof Function ? exported() : exported);
        await waitForRPCs();
        const synthetic = syntheticServiceCount();
        if (synthetic > 0) {
            const providerRef = recorded.find((r) => r.custom && r.type.startsWith("kubernetes:"))?.provider;
            if (!providerRef) throw new Error("no Kubernetes object recorded to take the provider from");
            addSyntheticServices(synthetic, program, providerRef);
        }
        // The outputs as the SDK sends a stack's outputs: secrets wrapped, unknowns as the sentinel.
        result.outputs = await pulumi.runtime.serializeProperties("outputs", program) as Record<string, ResolvedValue>;
        await waitForRPCs();
    } catch (e) {
        result.error = e instanceof Error ? e.message : String(e);
        await waitForRPCs().catch(() => undefined);
    }
    // A failed registration reaches the program as an unhandled rejection (the SDK rethrows it for
    // that); Node reports those after the current tick, so give it one before the result is final.
    await new Promise((resolve) => setImmediate(resolve));
    writeResult();
    process.exit(0);
})();
