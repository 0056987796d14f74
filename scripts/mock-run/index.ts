// Runs a stack's program under the SDK's mocks (runUnderMocks.ts) in a child process, and caches
// the result per (stack, overrides, options). What `plan`, `charts:pull`, the benches and the test
// harness run.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ChildRunOptions, RUN_OPTIONS_ENV, SYNTHETIC_SERVICES_ENV } from "./childEnv";
import { RunResult, StackOverrides } from "./types";
import { containsSecret, unwrapSecrets } from "./wire";

export * from "./types";

const ROOT = path.resolve(__dirname, "../..");
const ENTRY = path.join(__dirname, "runUnderMocks.ts");

const cache = new Map<string, RunResult>();

export interface RunOptions {
    /** Extra services added through the Microservice component (bench only). */
    syntheticServices?: number;
    /** Reuse a cached result for the same arguments (default true). */
    cache?: boolean;
    /** Run another Pulumi project (its Pulumi.yaml main), e.g. an example consumer. */
    projectDir?: string;
    /** Run this program (relative to the repository root) with the project's stack config, instead of its main. */
    main?: string;
    /** Extra environment variables for the program's process. */
    env?: Record<string, string>;
    /** What StackReferences return: a platform run's outputs (secrets stay secret). */
    stackReferenceOutputs?: RunResult["outputs"];
    /** Preview a new stack: computed outputs are unknown (see ChildRunOptions.preview). */
    preview?: boolean;
    /** RandomPassword hashes are real bcrypt, as the provider's (slow; see mocks.ts). */
    bcryptHashes?: boolean;
}

/** A run's outputs as the engine stores them for a StackReference. */
function asStackReference(outputs: RunResult["outputs"]): ChildRunOptions["stackReference"] {
    return {
        outputs: unwrapSecrets(outputs) as Record<string, unknown>,
        secretOutputNames: Object.keys(outputs).filter((k) => containsSecret(outputs[k])),
    };
}

export function runStack(stack: string, overrides: StackOverrides = {}, options: RunOptions = {}): RunResult {
    const synthetic = options.syntheticServices ?? 0;
    const childOptions: ChildRunOptions = {
        projectDir: options.projectDir,
        main: options.main,
        stackReference: options.stackReferenceOutputs ? asStackReference(options.stackReferenceOutputs) : undefined,
        preview: options.preview,
        bcryptHashes: options.bcryptHashes,
    };
    const key = `${stack}:${JSON.stringify(overrides)}:${synthetic}:${JSON.stringify(childOptions)}:${JSON.stringify(options.env ?? {})}`;
    const cached = options.cache === false ? undefined : cache.get(key);
    if (cached) return cached;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "platform-run-"));
    const resultFile = path.join(dir, "result.json");
    const args = ["--import", "tsx", ENTRY, stack, resultFile];
    if (Object.keys(overrides).length > 0) {
        fs.writeFileSync(path.join(dir, "overrides.json"), JSON.stringify(overrides));
        args.push(path.join(dir, "overrides.json"));
    }
    try {
        execFileSync(process.execPath, args, {
            cwd: ROOT,
            stdio: ["ignore", "ignore", "inherit"],
            env: { ...process.env, ...options.env, [SYNTHETIC_SERVICES_ENV]: String(synthetic), [RUN_OPTIONS_ENV]: JSON.stringify(childOptions) },
        });
        const result = JSON.parse(fs.readFileSync(resultFile, "utf8")) as RunResult;
        cache.set(key, result);
        return result;
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}
