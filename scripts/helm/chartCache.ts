// A directory of pulled chart archives, named as `helm pull` names them: <chart>-<version>.tgz.
// Chosen by --charts, else $PLATFORM_CHART_CACHE, else .charts/ at the repository root.
import * as fs from "fs";
import * as path from "path";

export const CHART_CACHE_ENV = "PLATFORM_CHART_CACHE";
export const DEFAULT_CHART_CACHE = path.resolve(__dirname, "../../.charts");

export interface ChartCache {
    dir: string;
    /** How the directory was chosen, for messages. */
    origin: "flag" | "env" | "default";
}

export function chartCache(flag?: string): ChartCache {
    if (flag) return { dir: path.resolve(flag), origin: "flag" };
    const fromEnv = process.env[CHART_CACHE_ENV];
    if (fromEnv) return { dir: path.resolve(fromEnv), origin: "env" };
    return { dir: DEFAULT_CHART_CACHE, origin: "default" };
}

/** "kube-prometheus-stack" for "kube-prometheus-stack" or "oci://registry.example.com/charts/kube-prometheus-stack". */
export function chartName(chart: string): string {
    return chart.slice(chart.lastIndexOf("/") + 1);
}

export function archiveName(chart: string, version: string): string {
    return `${chartName(chart)}-${version}.tgz`;
}

/** A chart given as the path of a local archive rather than a name in a repository. */
export function isArchivePath(chart: string): boolean {
    return chart.endsWith(".tgz") && path.isAbsolute(chart);
}

/** The archive's path, or why there is none. */
export function findArchive(cache: ChartCache, chart: string, version: string | undefined): { file: string } | { missing: string } {
    // A stack with platform:chartDirectory names the archive itself.
    if (isArchivePath(chart)) return fs.existsSync(chart) ? { file: chart } : { missing: `${chart} does not exist` };
    if (!version) return { missing: `chart ${chart} has no pinned version` };
    if (!fs.existsSync(cache.dir)) return { missing: `no chart cache at ${cache.dir} (fill it: npm run charts:pull; or point --charts at one)` };
    const file = path.join(cache.dir, archiveName(chart, version));
    return fs.existsSync(file) ? { file } : { missing: `${archiveName(chart, version)} is not in ${cache.dir}` };
}
