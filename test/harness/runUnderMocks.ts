// Child-process entry: runs the platform program for one stack under the SDK's mocks and writes
// what was registered, and the stack outputs, as JSON. One process per run because the Pulumi
// runtime is a process-wide singleton.
//
//   node --import tsx test/harness/runUnderMocks.ts <stack> <result.json> [overrides.json]
// PLATFORM_SYNTHETIC_SERVICES=N adds N synthetic services (bench only; see syntheticServices.ts).
import * as pulumi from "@pulumi/pulumi";
import * as fs from "fs";
import * as path from "path";
import { PlatformMocks } from "./mocks";
import { RecordedResource, ResolvedValue, RunResult, StackOverrides } from "./types";
import { loadStackConfig } from "./stackConfig";
import { addSyntheticServices, syntheticServiceCount } from "./syntheticServices";
import { ChildRunOptions, RUN_OPTIONS_ENV } from "./childEnv";

const [stack, resultFile, overridesFile] = process.argv.slice(2);
const runOptions: ChildRunOptions = JSON.parse(process.env[RUN_OPTIONS_ENV] || "{}");
const root = path.resolve(__dirname, "../..", runOptions.projectDir ?? ".");
const overrides: StackOverrides = overridesFile ? JSON.parse(fs.readFileSync(overridesFile, "utf8")) : {};
const { project, main, config, secretKeys, secretValues } = loadStackConfig(root, stack, overrides);

const mocksModule = require("@pulumi/pulumi/runtime/mocks");
const recorded: RecordedResource[] = [];
const originalRegister = mocksModule.MockMonitor.prototype.registerResource;
mocksModule.MockMonitor.prototype.registerResource = function (request: any, callback: any) {
    const record: RecordedResource = {
        type: request.getType(),
        name: request.getName(),
        urn: "",
        parent: request.getParent() || undefined,
        custom: request.getCustom(),
        dependencies: request.getDependenciesList(),
        protect: request.getProtect?.() ?? false,
        retainOnDelete: request.getRetainondelete?.() ?? false,
        provider: request.getProvider() || undefined,
        aliases: (request.getAliasesList?.() ?? []).length,
        inputs: {},
        serializedInputs: request.getObject()?.toJavaScript() ?? {},
    };
    recorded.push(record);
    return originalRegister.call(this, request, (err: unknown, response: any) => {
        if (!err && response) record.urn = response.getUrn();
        callback(err, response);
    });
};

const mocks = new PlatformMocks();
pulumi.runtime.setAllConfig(config, secretKeys);
pulumi.runtime.setMocks({
    newResource: (args) => {
        const result = args.type === "pulumi:pulumi:StackReference"
            ? { id: args.inputs.name, state: { name: args.inputs.name, ...runOptions.stackReference } }
            : runOptions.preview ? { id: undefined, state: args.inputs } : mocks.newResource(args);
        const record = [...recorded].reverse().find((r) => r.type === args.type && r.name === args.name);
        if (record) record.inputs = args.inputs;
        return result;
    },
    call: (args) => mocks.call(args),
}, project, stack, runOptions.preview === true);

async function resolve(value: unknown, depth = 0): Promise<ResolvedValue> {
    if (depth > 30) throw new Error("output nesting too deep");
    if (pulumi.Output.isInstance(value)) {
        const output = value as pulumi.Output<unknown>;
        const secret = await pulumi.isSecret(output);
        // An unknown output (preview) never runs apply callbacks: record the wire's unknown sentinel.
        if (!(await (output as unknown as { isKnown: Promise<boolean> }).isKnown)) return pulumi.runtime.unknownValue;
        const inner = await new Promise<unknown>((done) => output.apply((v) => { done(v); return v; }));
        const resolved = await resolve(inner, depth + 1);
        return secret ? { __secret: true, value: resolved } : resolved;
    }
    if (value instanceof Promise) return resolve(await value, depth + 1);
    if (Array.isArray(value)) return Promise.all(value.map((v) => resolve(v, depth + 1)));
    if (pulumi.Resource.isInstance(value)) return { __resource: true };
    if (value && typeof value === "object") {
        const out: Record<string, ResolvedValue> = {};
        for (const [k, v] of Object.entries(value)) out[k] = await resolve(v, depth + 1);
        return out;
    }
    return value as ResolvedValue;
}

async function settle(): Promise<void> {
    // Registrations happen asynchronously; wait until no new one arrives for a few turns.
    let stableTurns = 0;
    let last = -1;
    while (stableTurns < 4) {
        await new Promise((r) => setTimeout(r, 25));
        const pending = recorded.filter((r) => !r.urn).length;
        stableTurns = recorded.length === last && pending === 0 ? stableTurns + 1 : 0;
        last = recorded.length;
    }
}

const result: RunResult = { stack, resources: recorded, outputs: {}, secretValues, error: undefined, millis: 0 };

/** A failure inside an Output (as the engine would report it) ends the run with that error. */
function failRun(e: unknown): void {
    result.error = e instanceof Error ? e.message : String(e);
    result.secretValues = [...secretValues, ...mocks.generatedSecrets];
    fs.writeFileSync(resultFile, JSON.stringify(result));
    process.exit(0);
}
process.on("unhandledRejection", failRun);
process.on("uncaughtException", failRun);

(async () => {
    const started = Date.now();
    try {
        const program = require(path.join(root, main));
        await settle();
        const synthetic = syntheticServiceCount();
        if (synthetic > 0) {
            const providerRef = recorded.find((r) => r.custom && r.type.startsWith("kubernetes:"))?.provider;
            if (!providerRef) throw new Error("no Kubernetes object recorded to take the provider from");
            addSyntheticServices(synthetic, program, providerRef);
            await settle();
        }
        for (const [k, v] of Object.entries(program)) result.outputs[k] = await resolve(v);
        await settle();
    } catch (e) {
        result.error = e instanceof Error ? e.message : String(e);
        await new Promise((r) => setTimeout(r, 50));
    }
    result.millis = Date.now() - started;
    result.secretValues = [...secretValues, ...mocks.generatedSecrets];
    fs.writeFileSync(resultFile, JSON.stringify(result));
    process.exit(0);
})();
