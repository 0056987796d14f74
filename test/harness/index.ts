// Runs the program for a stack in a child process and caches the result per (stack, overrides).
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { SYNTHETIC_SERVICES_ENV } from "./syntheticEnv";
import { RecordedResource, RunResult, StackOverrides } from "./types";

export * from "./types";

const cache = new Map<string, RunResult>();

export interface RunOptions {
    /** Extra services added through the Microservice component (bench only). */
    syntheticServices?: number;
    /** Reuse a cached result for the same arguments (default true). */
    cache?: boolean;
}

export function runStack(stack: string, overrides: StackOverrides = {}, options: RunOptions = {}): RunResult {
    const synthetic = options.syntheticServices ?? 0;
    const key = `${stack}:${JSON.stringify(overrides)}:${synthetic}`;
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
        env: { ...process.env, [SYNTHETIC_SERVICES_ENV]: String(synthetic) },
    });
    const result = JSON.parse(fs.readFileSync(resultFile, "utf8")) as RunResult;
    fs.rmSync(dir, { recursive: true, force: true });
    cache.set(key, result);
    return result;
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
