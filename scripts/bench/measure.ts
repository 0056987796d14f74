// Running a command as a measured child process: its CPU time (user + system, all threads, from
// its own getrusage at exit) and peak resident memory, through the reportUsage.js preload.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export interface Usage {
    cpuMillis: number;
    maxRssMb: number;
    /** CPU of the child processes it waited for (undefined where /proc is missing). */
    childrenCpuMillis?: number;
    wallMillis: number;
}

const REPORTER = path.resolve(__dirname, "reportUsage.js");

/** Runs `node <nodeArgs>` with the usage reporter preloaded; throws on an exit status not in `okStatus` ([0]). */
export function measureNode(nodeArgs: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; okStatus?: number[] }): Usage {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-usage-"));
    const file = path.join(dir, "usage.json");
    try {
        const started = process.hrtime.bigint();
        const run = spawnSync(process.execPath, ["--require", REPORTER, ...nodeArgs], {
            cwd: options.cwd, encoding: "utf8", maxBuffer: 256 * 1024 * 1024,
            env: { ...process.env, ...options.env, BENCH_USAGE_FILE: file },
        });
        if (!(options.okStatus ?? [0]).includes(run.status ?? -1)) throw new Error(`node ${nodeArgs.join(" ")} exited ${run.status}:\n${run.stderr}`);
        const wallMillis = Number(process.hrtime.bigint() - started) / 1e6;
        const usage = JSON.parse(fs.readFileSync(file, "utf8")) as { cpuMicros: number; maxRssKb: number; childrenCpuMicros?: number };
        return {
            cpuMillis: usage.cpuMicros / 1000, maxRssMb: usage.maxRssKb / 1024, wallMillis,
            childrenCpuMillis: usage.childrenCpuMicros === undefined ? undefined : usage.childrenCpuMicros / 1000,
        };
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

export const median = (xs: number[]): number => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Least-squares slope of log(y) over log(x): 1 is linear, 2 quadratic. */
export function logLogSlope(points: { x: number; y: number }[]): number {
    const lx = points.map((p) => Math.log(p.x));
    const ly = points.map((p) => Math.log(p.y));
    const mx = lx.reduce((a, b) => a + b, 0) / lx.length;
    const my = ly.reduce((a, b) => a + b, 0) / ly.length;
    const num = lx.reduce((a, x, i) => a + (x - mx) * (ly[i] - my), 0);
    const den = lx.reduce((a, x) => a + (x - mx) ** 2, 0);
    return num / den;
}

/** A Markdown table with right-aligned cells. */
export function table(header: string[], rows: (string | number)[][]): string {
    const cells = rows.map((r) => r.map(String));
    const widths = header.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i].length)));
    const line = (c: string[]) => `| ${c.map((x, i) => x.padStart(widths[i])).join(" | ")} |`;
    return [line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...cells.map(line)].join("\n");
}
