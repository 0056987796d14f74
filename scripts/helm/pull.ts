// `npm run charts:pull -- [--stack S] [--charts DIR]`: fills the chart cache with the archives a
// stack's program installs, from the pinned repositories or the stack's mirrors and OCI registries
// (platform:chartRepositories), with `helm pull`. For users with network; plan and the tests read
// the cache offline.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { parseArgs } from "util";
import { runStack } from "../mock-run";
import { archiveName, chartCache } from "./chartCache";
import { helmBinary } from "./helmBinary";
import { CHART_TYPE } from "./renderCharts";

export interface ChartToPull {
    chart: string;
    version: string;
    repo?: string;
}

/** `helm pull` arguments for one chart: an OCI reference, or a chart in a Helm repository. */
export function helmPullArgs(c: ChartToPull, destination: string): string[] {
    const ref = c.chart.startsWith("oci://") ? [c.chart] : [c.chart, "--repo", c.repo ?? ""];
    return ["pull", ...ref, "--version", c.version, "--destination", destination];
}

function main(): number {
    const { values } = parseArgs({ options: { stack: { type: "string", multiple: true }, charts: { type: "string" } }, strict: true });
    const stacks = values.stack ?? ["dev", "staging", "prod"];
    const cache = chartCache(values.charts);
    fs.mkdirSync(cache.dir, { recursive: true });
    const wanted = new Map<string, ChartToPull>();
    for (const stack of stacks) {
        const run = runStack(stack);
        if (run.error) {
            process.stderr.write(`charts:pull: the ${stack} program failed: ${run.error}\n`);
            return 1;
        }
        for (const r of run.resources.filter((x) => x.type === CHART_TYPE)) {
            const c = { chart: r.inputs.chart, version: r.inputs.version, repo: r.inputs.repositoryOpts?.repo };
            wanted.set(archiveName(c.chart, c.version), c);
        }
    }
    let failed = 0;
    for (const [archive, c] of wanted) {
        if (fs.existsSync(path.join(cache.dir, archive))) {
            process.stdout.write(`  have   ${archive}\n`);
            continue;
        }
        try {
            execFileSync(helmBinary().path, helmPullArgs(c, cache.dir), { stdio: ["ignore", "ignore", "pipe"] });
            process.stdout.write(`  pulled ${archive} from ${c.repo ?? c.chart}\n`);
        } catch (e) {
            failed++;
            const stderr = String((e as { stderr?: Buffer }).stderr ?? (e as Error).message).trim();
            process.stderr.write(`  FAILED ${archive} from ${c.repo ?? c.chart}: ${stderr}\n`);
        }
    }
    process.stdout.write(`charts:pull: ${wanted.size - failed} of ${wanted.size} archives in ${cache.dir}\n`);
    return failed > 0 ? 1 : 0;
}

if (require.main === module) process.exitCode = main();
