// The charts of a stack's run rendered by a real Helm, as a real preview would register them.
// Needs a chart cache ($PLATFORM_CHART_CACHE, else .charts/); suites that need one call
// `withChartCache`, which registers them only when a cache is there and otherwise says, once,
// what was left out.
import * as fs from "fs";
import { chartCache, ChartCache } from "../../scripts/helm/chartCache";
import { renderCharts, RenderResult } from "../../scripts/helm/renderCharts";
import { RecordedResource, RunResult, runOk } from ".";

export function presentChartCache(): ChartCache | undefined {
    const cache = chartCache();
    return fs.existsSync(cache.dir) && fs.readdirSync(cache.dir).some((f) => f.endsWith(".tgz")) ? cache : undefined;
}

const skipped: string[] = [];
process.once("exit", () => {
    if (skipped.length > 0) {
        process.stdout.write(`\nchart rendering: no chart cache at ${chartCache().dir} (set PLATFORM_CHART_CACHE or run ` +
            `npm run charts:pull), so these ran without the charts' objects: ${skipped.join("; ")}\n`);
    }
});

/** Registers `suite` with the cache when there is one; otherwise notes `what` for the one-line report. */
export function withChartCache(what: string, suite: (cache: ChartCache) => void): void {
    const cache = presentChartCache();
    if (cache) suite(cache);
    else skipped.push(what);
}

export interface RenderedRun {
    run: RunResult;
    rendering: RenderResult;
    /** The program's resources followed by every chart's rendered objects. */
    resources: RecordedResource[];
}

const rendered = new Map<string, Promise<RenderedRun>>();

export function renderedStack(stack: string, cache: ChartCache): Promise<RenderedRun> {
    const key = `${stack}:${cache.dir}`;
    let found = rendered.get(key);
    if (!found) {
        const run = runOk(stack);
        found = renderCharts(run.resources, cache).then((rendering) => ({
            run, rendering, resources: [...run.resources, ...rendering.children],
        }));
        rendered.set(key, found);
    }
    return found;
}
