// The charts of a run rendered by a real Helm, as a real preview would register them, for tests of
// real chart output. Rendering needs a chart cache ($PLATFORM_CHART_CACHE, else .charts/): the
// suites and cases that need one are registered only when it is there, and otherwise one line at
// the end of the run says what was left out.
import * as fs from "fs";
import { chartCache, CHART_CACHE_ENV, ChartCache } from "../../scripts/helm/chartCache";
import { renderCharts, RenderResult } from "../../scripts/helm/renderCharts";
import { one, runOk } from "./index";
import { RecordedResource, RunResult } from "../../scripts/mock-run";

export const CHART_CACHE = chartCache();

function presentChartCache(): ChartCache | undefined {
    const cache = CHART_CACHE;
    return fs.existsSync(cache.dir) && fs.readdirSync(cache.dir).some((f) => f.endsWith(".tgz")) ? cache : undefined;
}

export const hasChartCache = presentChartCache() !== undefined;

const skipped: string[] = [];
process.once("exit", () => {
    if (skipped.length > 0) {
        process.stderr.write(`\ntests over rendered charts not registered: no chart cache at ${CHART_CACHE.dir} (set ${CHART_CACHE_ENV} ` +
            `to a directory of pinned chart archives, or run npm run charts:pull); left out: ${[...new Set(skipped)].join("; ")}\n`);
    }
});

/** Registers `suite` with the cache when there is one; otherwise notes `what` for the one-line report. */
export function withChartCache(what: string, suite: (cache: ChartCache) => void): void {
    const cache = presentChartCache();
    if (cache) suite(cache);
    else skipped.push(what);
}

/** `it` over rendered charts: registered only with a chart cache. */
export function itRendered(title: string, test: () => Promise<void>): void {
    withChartCache(`"${title}"`, () => it(title, test));
}

export interface RenderedRun {
    run: RunResult;
    rendering: RenderResult;
    /** The program's resources followed by every chart's rendered objects. */
    resources: RecordedResource[];
}

const renderedStacks = new Map<string, Promise<RenderedRun>>();

/** A stack's run (from runOk's cache) with its charts rendered once per cache. */
export function renderedStack(stack: string, cache: ChartCache): Promise<RenderedRun> {
    const key = `${stack}:${cache.dir}`;
    let found = renderedStacks.get(key);
    if (!found) {
        const run = runOk(stack);
        found = renderCharts(run.resources, cache).then((rendering) => ({
            run, rendering, resources: [...run.resources, ...rendering.children],
        }));
        renderedStacks.set(key, found);
    }
    return found;
}

const renders = new WeakMap<RunResult, Promise<RecordedResource[]>>();

/** Every object the run's charts render, as the resources the engine registers under each Chart. */
export function renderedChildren(run: RunResult): Promise<RecordedResource[]> {
    let rendered = renders.get(run);
    if (!rendered) {
        rendered = renderCharts(run.resources, CHART_CACHE).then(({ charts, children }) => {
            const failed = charts.filter((c) => !c.rendered);
            if (failed.length > 0) throw new Error(`charts not rendered: ${failed.map((c) => `${c.name}: ${c.reason}`).join("; ")}`);
            return children;
        });
        renders.set(run, rendered);
    }
    return rendered;
}

/** The manifests one Chart of the run renders (the Chart named `chartName`). */
export async function renderedBy(run: RunResult, chartName: string): Promise<Record<string, any>[]> {
    const chart = one(run, "kubernetes:helm.sh/v4:Chart", chartName);
    return (await renderedChildren(run)).filter((r) => r.parent === chart.urn).map((r) => r.inputs);
}

/** The rendered objects of a kind, e.g. "Deployment". */
export const ofKind = (objects: Record<string, any>[], kind: string) => objects.filter((o) => o.kind === kind);

/** Every pod template's spec among the objects (workloads and custom resources with a pod spec are not included). */
export function podSpecs(objects: Record<string, any>[]): { where: string; spec: Record<string, any> }[] {
    return objects
        .filter((o) => ["Deployment", "StatefulSet", "DaemonSet", "Job"].includes(o.kind))
        .map((o) => ({ where: `${o.kind} ${o.metadata.namespace ?? ""}/${o.metadata.name}`, spec: o.spec.template.spec }));
}

/**
 * Where a rendered container breaks the restricted Pod Security level or runs unsized: not
 * non-root, no RuntimeDefault seccomp (container or pod), escalation allowed, capabilities kept,
 * or no CPU and memory requests and memory limit.
 */
export function restrictedAndSizedViolations(objects: Record<string, any>[]): string[] {
    const problems: string[] = [];
    for (const { where, spec } of podSpecs(objects)) {
        const pod = spec.securityContext ?? {};
        for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
            const ctx = c.securityContext ?? {};
            const at = `${where} container ${c.name}`;
            if ((ctx.runAsNonRoot ?? pod.runAsNonRoot) !== true) problems.push(`${at}: runAsNonRoot`);
            if ((ctx.seccompProfile ?? pod.seccompProfile)?.type !== "RuntimeDefault") problems.push(`${at}: seccomp RuntimeDefault`);
            if (ctx.allowPrivilegeEscalation !== false) problems.push(`${at}: allowPrivilegeEscalation false`);
            if (!ctx.capabilities?.drop?.includes("ALL")) problems.push(`${at}: drops ALL capabilities`);
            const r = c.resources ?? {};
            if (!(r.requests?.cpu && r.requests?.memory && r.limits?.memory)) problems.push(`${at}: CPU and memory requests, a memory limit`);
        }
    }
    return problems;
}
