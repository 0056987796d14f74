// Runs the program for a stack in a child process and caches the result per (stack, overrides).
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ChildRunOptions, RUN_OPTIONS_ENV, SYNTHETIC_SERVICES_ENV } from "./childEnv";
import { RecordedResource, RunResult, StackOverrides } from "./types";

export * from "./types";

const cache = new Map<string, RunResult>();

export interface RunOptions {
    /** Extra services added through the Microservice component (bench only). */
    syntheticServices?: number;
    /** Reuse a cached result for the same arguments (default true). */
    cache?: boolean;
    /** Run another Pulumi project (its Pulumi.yaml main), e.g. an example consumer. */
    projectDir?: string;
    /** What StackReferences return: a platform run's resolved outputs (secrets stay secret). */
    stackReferenceOutputs?: RunResult["outputs"];
    /** Preview a new stack: computed outputs are unknown (see ChildRunOptions.preview). */
    preview?: boolean;
}

/** A run's resolved outputs as the engine stores them for a StackReference. */
function asStackReference(outputs: RunResult["outputs"]): ChildRunOptions["stackReference"] {
    const unwrap = (v: unknown): unknown => {
        if (Array.isArray(v)) return v.map(unwrap);
        if (v && typeof v === "object") {
            const o = v as Record<string, unknown>;
            if (o.__secret === true) return unwrap(o.value);
            return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, unwrap(x)]));
        }
        return v;
    };
    const hasSecret = (v: unknown): boolean => !!v && typeof v === "object" &&
        ((v as { __secret?: boolean }).__secret === true || Object.values(v).some(hasSecret));
    return {
        outputs: unwrap(outputs) as Record<string, unknown>,
        secretOutputNames: Object.keys(outputs).filter((k) => hasSecret(outputs[k])),
    };
}

export function runStack(stack: string, overrides: StackOverrides = {}, options: RunOptions = {}): RunResult {
    const synthetic = options.syntheticServices ?? 0;
    const childOptions: ChildRunOptions = {
        projectDir: options.projectDir,
        stackReference: options.stackReferenceOutputs ? asStackReference(options.stackReferenceOutputs) : undefined,
        preview: options.preview,
    };
    const key = `${stack}:${JSON.stringify(overrides)}:${synthetic}:${JSON.stringify(childOptions)}`;
    const cached = options.cache === false ? undefined : cache.get(key);
    if (cached) return cached;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "platform-run-"));
    const resultFile = path.join(dir, "result.json");
    const args = ["--import", "tsx", path.join(__dirname, "runUnderMocks.ts"), stack, resultFile];
    if (Object.keys(overrides).length > 0) {
        fs.writeFileSync(path.join(dir, "overrides.json"), JSON.stringify(overrides));
        args.push(path.join(dir, "overrides.json"));
    }
    execFileSync(process.execPath, args, {
        cwd: path.resolve(__dirname, "../.."),
        stdio: ["ignore", "ignore", "inherit"],
        env: { ...process.env, [SYNTHETIC_SERVICES_ENV]: String(synthetic), [RUN_OPTIONS_ENV]: JSON.stringify(childOptions) },
    });
    const result = JSON.parse(fs.readFileSync(resultFile, "utf8")) as RunResult;
    fs.rmSync(dir, { recursive: true, force: true });
    cache.set(key, result);
    return result;
}

/** runStack, asserting the program ran without error. */
export function runOk(stack: string, overrides: StackOverrides = {}): RunResult {
    const run = runStack(stack, overrides);
    if (run.error !== undefined) throw new Error(`program failed for ${stack}: ${run.error}`);
    return run;
}

/** Resources of a type (e.g. "kubernetes:apps/v1:Deployment"), optionally narrowed by name. */
export function ofType(run: RunResult, type: string, name?: string | RegExp): RecordedResource[] {
    return run.resources.filter((r) => r.type === type &&
        (name === undefined || (typeof name === "string" ? r.name === name : name.test(r.name))));
}

export function one(run: RunResult, type: string, name: string): RecordedResource {
    const found = ofType(run, type, name);
    if (found.length !== 1) throw new Error(`expected one ${type} named ${name}, found ${found.length}`);
    return found[0];
}

export function childrenOf(run: RunResult, parent: RecordedResource): RecordedResource[] {
    return run.resources.filter((r) => r.parent === parent.urn);
}

export function byUrn(run: RunResult, urn: string): RecordedResource | undefined {
    return run.resources.find((r) => r.urn === urn);
}
