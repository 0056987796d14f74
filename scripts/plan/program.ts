// Runs the platform program for a stack under the SDK's mocks, in a child process (the Pulumi
// runtime is a process-wide singleton), through the mock runner the tests build on.
import { RunOptions, RunResult, runStack, StackOverrides } from "../mock-run";

export interface ProgramRun {
    result: RunResult;
    /** Wall-clock time of the child process, start-up included. */
    wallMillis: number;
}

/** `cache: false` forces a fresh run even if this process already ran the same stack. */
export function runProgram(stack: string, syntheticServices = 0, cache = true, overrides: StackOverrides = {}): ProgramRun {
    const started = Date.now();
    const options: RunOptions = { syntheticServices, cache };
    const result = runStack(stack, overrides, options);
    return { result, wallMillis: Date.now() - started };
}
