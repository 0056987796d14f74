// The test side of the mock runner (scripts/mock-run): runs a stack once per (stack, overrides)
// and looks up what it registered.
import { RecordedResource, RunResult, runStack, StackOverrides } from "../../scripts/mock-run";

export * from "../../scripts/mock-run";

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

interface RunIndex {
    byUrn: Map<string, RecordedResource>;
    children: Map<string, RecordedResource[]>;
}

const indexes = new WeakMap<RunResult, RunIndex>();

/** The run's resources by URN and by parent URN, built once per run. */
function indexOf(run: RunResult): RunIndex {
    let index = indexes.get(run);
    if (!index) {
        index = { byUrn: new Map(), children: new Map() };
        for (const r of run.resources) {
            index.byUrn.set(r.urn, r);
            const siblings = r.parent ? index.children.get(r.parent) : undefined;
            if (siblings) siblings.push(r);
            else if (r.parent) index.children.set(r.parent, [r]);
        }
        indexes.set(run, index);
    }
    return index;
}

export function childrenOf(run: RunResult, parent: RecordedResource): RecordedResource[] {
    return indexOf(run).children.get(parent.urn) ?? [];
}

export function byUrn(run: RunResult, urn: string): RecordedResource | undefined {
    return indexOf(run).byUrn.get(urn);
}

/**
 * The mesh switched off. Only the mesh splits traffic by weight, so the Microservice refuses a
 * canary without it: staging's catalog canary and the automated canary of orders (staging, prod)
 * roll instead (a no-op on dev). The mesh counts the requests that scaling on request rate reads,
 * so catalog scales on cpu and memory.
 */
export const MESH_OFF: StackOverrides = {
    mesh: { enabled: false },
    shop: {
        services: {
            catalog: { delivery: { strategy: "rolling" }, autoscaling: { scaleOn: "resources" } },
            orders: { delivery: { strategy: "rolling" } },
        },
    },
};

/**
 * Monitoring switched off. KEDA reads the request rate from Prometheus, so catalog scales on cpu
 * and memory, and a canary's analysis reads it too, so orders rolls (no-ops on dev).
 */
export const MONITORING_OFF: StackOverrides = {
    monitoring: { enabled: false },
    shop: { services: { catalog: { autoscaling: { scaleOn: "resources" } }, orders: { delivery: { strategy: "rolling" } } } },
};
