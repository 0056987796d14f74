// The objects the pinned charts render for a run, for tests of real chart output. Rendering needs
// a chart cache ($PLATFORM_CHART_CACHE, else .charts/); without one these tests are not
// registered, and one line says so.
import * as fs from "fs";
import { chartCache, CHART_CACHE_ENV } from "../../scripts/helm/chartCache";
import { renderCharts } from "../../scripts/helm/renderCharts";
import { one } from "./index";
import { RecordedResource, RunResult } from "./types";

export const CHART_CACHE = chartCache();
export const hasChartCache = fs.existsSync(CHART_CACHE.dir);

let announced = false;
/** `it` over rendered charts: registered only with a chart cache. */
export function itRendered(title: string, test: () => Promise<void>): void {
    if (hasChartCache) {
        it(title, test);
    } else if (!announced) {
        announced = true;
        console.log(`tests over rendered charts not registered: no chart cache at ${CHART_CACHE.dir} (set ${CHART_CACHE_ENV} to a directory of pinned chart archives)`);
    }
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
