// Times the program (under mocks) and `plan` with 10, 100 and 500 synthetic services, and checks
// that the cost grows linearly: the marginal cost per service from 100 to 500 services should be
// about the one from 10 to 100 (ratio near 1; above 2 means the growth is worse than linear).
//
// Each figure is the fastest of --repeat runs (default 3): the machine's other load only adds time.
//
//   npm run bench [-- --stack dev] [--counts 10,100,500] [--repeat 3]
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parseArgs } from "util";
import { runStack } from "../test/harness";

const ROOT = path.resolve(__dirname, "..");
const MAX_RATIO = 2;

interface Sample {
    services: number;
    resources: number;
    /** The program's own run inside the child process (registration until settled). */
    programMillis: number;
    /** The whole `plan` command: program, YAML, schemas, policies, report. */
    planMillis: number;
    planExit: number | null;
}

function timeProgram(stack: string, services: number): { millis: number; resources: number } {
    const run = runStack(stack, {}, { syntheticServices: services, cache: false });
    if (run.error) throw new Error(`the program failed with ${services} services: ${run.error}`);
    return { millis: run.millis, resources: run.resources.length };
}

function timePlan(stack: string, services: number): { millis: number; exit: number | null } {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "plan-bench-"));
    const started = Date.now();
    const run = spawnSync(process.execPath, [
        "--import", "tsx", path.join(ROOT, "scripts/plan/index.ts"),
        "--stack", stack, "--services", String(services), "--json", "--out", out,
    ], { cwd: ROOT, encoding: "utf8", maxBuffer: 512 * 1024 * 1024 });
    const millis = Date.now() - started;
    fs.rmSync(out, { recursive: true, force: true });
    if (run.status !== 0 && run.status !== 1) throw new Error(`plan failed with ${services} services:\n${run.stderr}`);
    return { millis, exit: run.status };
}

/** Marginal cost per service of the last interval over the first one. */
function growthRatio(samples: Sample[], key: "programMillis" | "planMillis"): number {
    const [a, b] = samples;
    const [y, z] = samples.slice(-2);
    const first = (b[key] - a[key]) / (b.services - a.services);
    const last = (z[key] - y[key]) / (z.services - y.services);
    return last / first;
}

function table(samples: Sample[]): string {
    const header = ["services", "resources", "program ms", "ms/service", "plan ms", "ms/service", "plan exit"];
    const rows = samples.map((s) => [
        s.services, s.resources, s.programMillis, (s.programMillis / s.services).toFixed(1),
        s.planMillis, (s.planMillis / s.services).toFixed(1), s.planExit ?? "-",
    ].map(String));
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells: string[]) => `| ${cells.map((c, i) => c.padStart(widths[i])).join(" | ")} |`;
    return [line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}

function main(): number {
    const { values } = parseArgs({
        options: {
            stack: { type: "string", default: "dev" },
            counts: { type: "string", default: "10,100,500" },
            repeat: { type: "string", default: "3" },
        },
    });
    const stack = values.stack ?? "dev";
    const counts = (values.counts ?? "").split(",").map(Number);
    const repeat = Number(values.repeat);
    if (counts.length < 3 || counts.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error("--counts needs 3 or more positive integers");
    if (!Number.isInteger(repeat) || repeat < 1) throw new Error("--repeat needs a positive integer");
    const fastest = <T extends { millis: number }>(measure: () => T): T =>
        Array.from({ length: repeat }, measure).reduce((best, m) => (m.millis < best.millis ? m : best));

    // Warm the module caches (tsx's transform cache, the OS file cache) so the first sample is fair.
    timeProgram(stack, 1);
    const samples: Sample[] = counts.map((services) => {
        const program = fastest(() => timeProgram(stack, services));
        const plan = fastest(() => timePlan(stack, services));
        process.stderr.write(`  ${services} services: program ${program.millis} ms, plan ${plan.millis} ms\n`);
        return { services, resources: program.resources, programMillis: program.millis, planMillis: plan.millis, planExit: plan.exit };
    });

    const programRatio = growthRatio(samples, "programMillis");
    const planRatio = growthRatio(samples, "planMillis");
    const linear = programRatio <= MAX_RATIO && planRatio <= MAX_RATIO;
    console.log(`Stack ${stack}, ${os.cpus().length} CPUs, Node ${process.version}, fastest of ${repeat} runs\n`);
    console.log(table(samples));
    console.log(`\nMarginal cost per service, ${counts.at(-2)}->${counts.at(-1)} over ${counts[0]}->${counts[1]} services ` +
        `(1 = linear, above ${MAX_RATIO} = worse than linear):`);
    console.log(`  program ${programRatio.toFixed(2)}, plan ${planRatio.toFixed(2)}: ${linear ? "roughly linear" : "NOT linear"}`);
    return linear ? 0 : 1;
}

process.exitCode = main();
