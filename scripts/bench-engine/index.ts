// `npm run bench:engine -- [--stack <name>]... [--charts DIR] [--logs DIR]`
// The numbers users feel: `pulumi preview` (with and without the pack) and `pulumi up` of the
// platform's program on a fresh local cluster, by the real engine, against a floor in the same run:
// the same stack's rendered objects (`npm run plan -- --render`) deployed by one yaml/v2
// ConfigGroup (floor/index.js) on a fresh cluster of the same shape. CPU is the engine's, the
// language host's, the program's and the providers' together (user + system, /usr/bin/time).
// One run of each: an `up` takes minutes. Compare ratios, not seconds, across machines.
import "../checkNode";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { TOOL_BIN } from "../cluster/layout";
import { runInsideNetns } from "../cluster/netns";
import { NODE_SHAPES } from "../cluster/nodeShapes";
import { chartCache } from "../helm/chartCache";
import { onFreshCluster } from "../e2e/freshCluster";
import { failed, plan, StackRun, StepResult, timing } from "../e2e/steps";
import { addProject, CommandResult, pulumi, REPO } from "../e2e/workspace";

const FLOOR = path.join(__dirname, "floor");
type Phase = "preview" | "preview --policy-pack" | "up";
type Figures = Partial<Record<Phase, CommandResult>>;

function parse(argv: string[]): { stacks: string[]; charts: string; logs: string } {
    const stacks: string[] = [];
    let charts: string | undefined;
    let logs = path.join(os.tmpdir(), "platform-bench-engine");
    for (let i = 0; i < argv.length; i++) {
        if (argv[i] === "--stack") stacks.push(argv[++i]);
        else if (argv[i] === "--charts") charts = argv[++i];
        else if (argv[i] === "--logs") logs = argv[++i];
        else throw new Error(`unknown argument ${argv[i]}; usage: bench:engine [--stack <name>]... [--charts DIR] [--logs DIR]`);
    }
    for (const s of stacks) if (!NODE_SHAPES[s]) throw new Error(`--stack ${s}: known stacks are ${Object.keys(NODE_SHAPES).join(", ")}`);
    return { stacks: stacks.length ? stacks : ["dev"], charts: chartCache(charts).dir, logs: path.resolve(logs) };
}

/** Runs `args` in `project`, keeping its figures under `phase`, as one report line. */
async function measure(run: StackRun, figures: Figures, phase: Phase, who: string, args: string[], project: string): Promise<StepResult> {
    const c = await pulumi(run.ws, [...args, "--stack", run.stack], path.join(run.logs, `bench-${who}-${phase.replace(/\W+/g, "-")}-${run.stack}.log`), {}, project);
    if (c.code !== 0) return failed(`${who} ${phase}`, c, `${phase} failed`);
    figures[phase] = c;
    return { step: `${who} ${phase}`, ok: true, detail: timing(c) };
}

async function platformFigures(stack: string, charts: string, logs: string, figures: Figures): Promise<{ ok: boolean; planDir?: string }> {
    let planDir: string | undefined;
    const ok = await onFreshCluster(stack, charts, logs, async (run, record) => {
        const init = await pulumi(run.ws, ["stack", "init", stack], path.join(logs, `bench-init-${stack}.log`));
        if (!record({ step: "stack init", ok: init.code === 0, detail: "platform" })) return false;
        const planned = plan(run);
        if (!record(planned.result)) return false;
        planDir = planned.dir;
        const pack = ["--policy-pack", path.join(REPO, "policy"), "--policy-pack-config", path.join(REPO, "stacks", stack, "policy-config.json")];
        return record(await measure(run, figures, "preview", "platform", ["preview"], run.ws.project)) &&
            record(await measure(run, figures, "preview --policy-pack", "platform", ["preview", ...pack], run.ws.project)) &&
            record(await measure(run, figures, "up", "platform", ["up", "--yes", "--skip-preview"], run.ws.project));
    });
    return { ok, planDir };
}

function floorFigures(stack: string, charts: string, logs: string, planDir: string, figures: Figures): Promise<boolean> {
    return onFreshCluster(stack, charts, logs, async (run, record) => {
        const project = addProject(run.ws.dir, FLOOR, "floor");
        fs.writeFileSync(path.join(project, `Pulumi.${stack}.yaml`), `config:\n  engine-floor:planDirectory: ${JSON.stringify(planDir)}\n`);
        const init = await pulumi(run.ws, ["stack", "init", stack], path.join(logs, `bench-floor-init-${stack}.log`), {}, project);
        if (!record({ step: "stack init", ok: init.code === 0, detail: "floor" })) return false;
        const r = await measure(run, figures, "preview", "floor", ["preview"], project);
        if (!record(r)) return false;
        figures["preview --policy-pack"] = figures.preview;
        return record(await measure(run, figures, "up", "floor", ["up", "--yes", "--skip-preview"], project));
    });
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main(argv: string[]): Promise<number> {
    const { stacks, charts, logs } = parse(argv);
    if (!fs.existsSync(path.join(TOOL_BIN, "pulumi"))) throw new Error(`the engine is not built: run npm run toolchain:engine (builds into ${TOOL_BIN})`);
    fs.mkdirSync(logs, { recursive: true });
    process.stdout.write(`bench:engine: ${os.cpus().length} cores, load ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}; ` +
        "floor = the same objects in one yaml/v2 ConfigGroup; the floor's preview stands for both previews (it has no pack)\n");
    let ok = true;
    for (const stack of stacks) {
        const platform: Figures = {};
        const floor: Figures = {};
        const p = await platformFigures(stack, charts, logs, platform);
        if (!p.ok || !p.planDir || !(await floorFigures(stack, charts, logs, p.planDir, floor))) { ok = false; continue; }
        for (const phase of ["preview", "preview --policy-pack", "up"] as Phase[]) {
            const a = platform[phase]!;
            const b = floor[phase]!;
            process.stdout.write(`bench:engine ${stack} ${phase}: platform ${s(a.cpuMillis)} CPU, ${s(a.wallMillis)} wall; ` +
                `floor ${s(b.cpuMillis)} CPU, ${s(b.wallMillis)} wall; ratio ${(a.cpuMillis / b.cpuMillis).toFixed(2)}x CPU, ${(a.wallMillis / b.wallMillis).toFixed(2)}x wall\n`);
        }
    }
    return ok ? 0 : 1;
}

runInsideNetns();
main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
        process.stderr.write(`bench:engine: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
        process.exit(1);
    },
);
