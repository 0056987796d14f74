// What `plan --render` costs: the whole plan with every chart rendered by Helm against the same
// plan without rendering, as CPU time (the plan's process plus the children it waits for: the
// program's run under mocks and each `helm template`), pair after pair so the machine's drift
// hits both alike; and how long each chart took to render, from the plan's own report (charts
// render in parallel, so the render phase's wall time is below their sum). Ratios, not verdicts.
//
//   PLATFORM_CHART_CACHE=/work/shared/charts npm run bench:plan [-- --stack dev] [--repeat 3]
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parseArgs } from "util";
import { median, measureNode, table, Usage } from "./bench/measure";

const ROOT = path.resolve(__dirname, "..");
const PLAN = path.join(ROOT, "scripts/plan/index.ts");

interface PlanReport {
    exitCode: number;
    program: { error?: string; resources: number };
    phaseMillis: Record<string, number>;
    rendering?: { charts: { name: string; chart: string; version?: string; rendered: boolean; reason?: string; objects: number; millis: number }[] };
}

interface PlanRun {
    usage: Usage;
    report: PlanReport;
}

const cpuOf = (u: Usage) => u.cpuMillis + (u.childrenCpuMillis ?? 0);

function runPlan(stack: string, render: boolean, work: string, charts: string | undefined): PlanRun {
    const jsonFile = path.join(work, render ? "render.json" : "plain.json");
    const args = ["--import", "tsx", PLAN, "--stack", stack, "--out", path.join(work, render ? "out-render" : "out-plain"), "--json-file", jsonFile];
    if (render) args.push("--render", ...(charts ? ["--charts", charts] : []));
    // Exit 1 is a plan that found violations; the report says whether the program itself failed.
    const usage = measureNode(args, { cwd: ROOT, okStatus: [0, 1] });
    const report = JSON.parse(fs.readFileSync(jsonFile, "utf8")) as PlanReport;
    if (report.program.error) throw new Error(`the program failed for stack ${stack}: ${report.program.error}`);
    return { usage, report };
}

const f2 = (n: number) => n.toFixed(2);
const ms = (n: number) => n.toFixed(0);

function main(): void {
    const { values } = parseArgs({ options: { stack: { type: "string", default: "dev" }, repeat: { type: "string", default: "3" }, charts: { type: "string" } } });
    const stack = values.stack!;
    const repeat = Number(values.repeat);
    if (!Number.isInteger(repeat) || repeat < 1) throw new Error("--repeat needs a positive integer");
    const charts = values.charts ?? process.env.PLATFORM_CHART_CACHE;
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "bench-plan-"));
    try {
        process.stderr.write("warm-up: plan and plan --render once each ...\n");
        runPlan(stack, false, work, charts);
        runPlan(stack, true, work, charts);
        const pairs: { plain: PlanRun; render: PlanRun }[] = [];
        for (let round = 0; round < repeat; round++) {
            const plain = runPlan(stack, false, work, charts);
            const render = runPlan(stack, true, work, charts);
            pairs.push({ plain, render });
            process.stderr.write(`  round ${round + 1}: plan ${ms(cpuOf(plain.usage))} ms, plan --render ${ms(cpuOf(render.usage))} ms CPU\n`);
        }
        const rendered = pairs[0].render.report.rendering?.charts ?? [];
        if (!rendered.some((c) => c.rendered)) {
            throw new Error(`no chart was rendered (${rendered.map((c) => `${c.name}: ${c.reason}`).join("; ") || "no charts"}): ` +
                "set PLATFORM_CHART_CACHE or --charts to a chart cache (npm run charts:pull)");
        }

        console.log(`Stack ${stack}, ${os.cpus().length} CPUs, Node ${process.version}, ${repeat} interleaved pairs, ` +
            `CPU time of the plan and the processes it waits for (program, helm)\n`);
        const ratios = pairs.map((p) => cpuOf(p.render.usage) / cpuOf(p.plain.usage));
        const wallRatios = pairs.map((p) => p.render.usage.wallMillis / p.plain.usage.wallMillis);
        console.log(table(["", "plan", "plan --render", "render/plain (min-max)"], [
            ["CPU ms", ms(median(pairs.map((p) => cpuOf(p.plain.usage)))), ms(median(pairs.map((p) => cpuOf(p.render.usage)))),
                `${f2(median(ratios))} (${f2(Math.min(...ratios))}-${f2(Math.max(...ratios))})`],
            ["wall ms", ms(median(pairs.map((p) => p.plain.usage.wallMillis))), ms(median(pairs.map((p) => p.render.usage.wallMillis))),
                `${f2(median(wallRatios))} (${f2(Math.min(...wallRatios))}-${f2(Math.max(...wallRatios))})`],
            ["peak MB (the plan's process)", ms(median(pairs.map((p) => p.plain.usage.maxRssMb))), ms(median(pairs.map((p) => p.render.usage.maxRssMb))),
                f2(median(pairs.map((p) => p.render.usage.maxRssMb / p.plain.usage.maxRssMb)))],
        ]));

        const chartMillis = (name: string) => median(pairs.map((p) => p.render.report.rendering!.charts.find((c) => c.name === name)!.millis));
        const phase = median(pairs.map((p) => p.render.report.phaseMillis.render ?? 0));
        const sum = rendered.reduce((total, c) => total + chartMillis(c.name), 0);
        console.log(`\nRender time per chart (wall, median; charts render in parallel):\n`);
        console.log(table(["chart", "version", "objects", "render ms"], rendered.map((c) => [
            c.name, `${c.chart} ${c.version ?? ""}`.trim(), c.rendered ? c.objects : `not rendered: ${c.reason}`, ms(chartMillis(c.name)),
        ])));
        console.log(`\nRender phase (wall, median): ${ms(phase)} ms for ${rendered.length} charts whose render times add up to ${ms(sum)} ms ` +
            `(${f2(sum / phase)} charts at a time on average)`);
    } finally {
        fs.rmSync(work, { recursive: true, force: true });
    }
}

main();
