// The program's cost against the SDK floor, as CPU time. For each count of synthetic services
// (added through the Microservice component), runs the platform under the harness's mocks, then
// the floor program (scripts/bench/floor.ts: the same resources registered directly) twice: as
// plain resources (the floor) and with the Kubernetes objects through their @pulumi/kubernetes
// classes (the typed floor). All run as `pulumi up` loads a program (tsc's JavaScript,
// source-map-support registered), round after round so the machine's drift hits all alike. Prints
// CPU per resource, the ratios between the three (medians over rounds), the log-log slope of CPU
// over resources, and peak memory at a large count.
// It prints ratios, not verdicts: the machine is shared, compare like with like.
//
//   npm run bench [-- --stack dev] [--counts 10,100,500] [--repeat 3] [--memory-services 1000]
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parseArgs } from "util";
import { RUN_OPTIONS_ENV, SYNTHETIC_SERVICES_ENV } from "./mock-run/childEnv";
import { RunResult } from "./mock-run/types";
import { logLogSlope, measureNode, median, table, Usage } from "./bench/measure";
import { buildProgram, ProgramBuild } from "./bench/programBuild";

interface Pair {
    platform: Usage;
    /** The same recorded resources, Kubernetes objects through their @pulumi/kubernetes classes. */
    typedFloor: Usage;
    floor: Usage;
}

interface Point {
    services: number;
    resources: number;
    pairs: Pair[];
}

function runPlatform(build: ProgramBuild, stack: string, services: number, resultFile: string): Usage {
    const usage = measureNode(build.harnessArgs(stack, resultFile), {
        cwd: build.dir, env: { [SYNTHETIC_SERVICES_ENV]: String(services), [RUN_OPTIONS_ENV]: "{}" },
    });
    const run = JSON.parse(fs.readFileSync(resultFile, "utf8")) as RunResult;
    if (run.error) throw new Error(`the program failed with ${services} services: ${run.error}`);
    return usage;
}

function runFloor(build: ProgramBuild, stack: string, recording: string, work: string, typedClasses = false): Usage {
    const setupFile = path.join(work, "floor-setup.json");
    const usage = measureNode(build.harnessArgs(stack, path.join(work, "floor-result.json")), {
        cwd: build.dir,
        env: {
            [SYNTHETIC_SERVICES_ENV]: "0", [RUN_OPTIONS_ENV]: JSON.stringify({ projectDir: build.floorProjectDir }),
            BENCH_FLOOR_RECORDING: recording, BENCH_FLOOR_SETUP_FILE: setupFile, BENCH_FLOOR_CLASSES: typedClasses ? "1" : "0",
        },
    });
    const floorRun = JSON.parse(fs.readFileSync(path.join(work, "floor-result.json"), "utf8")) as RunResult;
    if (floorRun.error) throw new Error(`the floor program failed: ${floorRun.error}`);
    const setup = JSON.parse(fs.readFileSync(setupFile, "utf8")) as { cpuMicros: number };
    return { ...usage, cpuMillis: usage.cpuMillis - setup.cpuMicros / 1000 };
}

const f1 = (n: number) => n.toFixed(1);
const f2 = (n: number) => n.toFixed(2);

function main(): void {
    const { values } = parseArgs({
        options: {
            stack: { type: "string", default: "dev" },
            counts: { type: "string", default: "10,100,500" },
            repeat: { type: "string", default: "3" },
            "memory-services": { type: "string", default: "1000" },
        },
    });
    const stack = values.stack!;
    const counts = values.counts!.split(",").map(Number);
    const repeat = Number(values.repeat);
    const memoryServices = Number(values["memory-services"]);
    if (counts.length < 2 || counts.some((n) => !Number.isInteger(n) || n < 0)) throw new Error("--counts needs 2 or more non-negative integers, e.g. 10,100,500");
    if (!Number.isInteger(repeat) || repeat < 1) throw new Error("--repeat needs a positive integer");
    if (!Number.isInteger(memoryServices) || memoryServices < 0) throw new Error("--memory-services needs a non-negative integer (0 skips it)");

    process.stderr.write("building the program as pulumi up runs it (tsc) ...\n");
    const build = buildProgram(stack);
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "bench-"));
    try {
        const recordingOf = (services: number) => path.join(work, `platform-${services}.json`);
        // Warm-up (OS file cache, first-run costs), and the recordings the floor replays.
        const points: Point[] = counts.map((services) => {
            runPlatform(build, stack, services, recordingOf(services));
            const run = JSON.parse(fs.readFileSync(recordingOf(services), "utf8")) as RunResult;
            return { services, resources: run.resources.length, pairs: [] };
        });
        runFloor(build, stack, recordingOf(counts[0]), work);
        for (let round = 0; round < repeat; round++) {
            for (const point of points) {
                const scratch = path.join(work, "scratch.json");
                const platform = runPlatform(build, stack, point.services, scratch);
                const typedFloor = runFloor(build, stack, recordingOf(point.services), work, true);
                const floor = runFloor(build, stack, recordingOf(point.services), work);
                point.pairs.push({ platform, typedFloor, floor });
                process.stderr.write(`  round ${round + 1}, ${point.services} services: platform ${platform.cpuMillis.toFixed(0)} ms, ` +
                    `typed floor ${typedFloor.cpuMillis.toFixed(0)} ms, floor ${floor.cpuMillis.toFixed(0)} ms CPU\n`);
            }
        }

        console.log(`Stack ${stack}, ${os.cpus().length} CPUs, Node ${process.version}, ${repeat} interleaved pairs per count, CPU time\n`);
        const perResource = (u: Usage, p: Point) => (u.cpuMillis * 1000) / p.resources;
        const ratio = (p: Point, over: keyof Pair, under: keyof Pair) => {
            const ratios = p.pairs.map((x) => x[over].cpuMillis / x[under].cpuMillis);
            return `${f2(median(ratios))} (${f2(Math.min(...ratios))}-${f2(Math.max(...ratios))})`;
        };
        console.log(table(
            ["services", "resources", "platform µs/resource", "typed floor µs/resource", "floor µs/resource",
                "platform/floor (min-max)", "typed floor/floor", "platform/typed floor"],
            points.map((p) => [p.services, p.resources, f1(median(p.pairs.map((x) => perResource(x.platform, p)))),
                f1(median(p.pairs.map((x) => perResource(x.typedFloor, p)))), f1(median(p.pairs.map((x) => perResource(x.floor, p)))),
                ratio(p, "platform", "floor"), ratio(p, "typedFloor", "floor"), ratio(p, "platform", "typedFloor")]),
        ));
        console.log("\nfloor: the recorded resources registered as plain resources; typed floor: the Kubernetes objects among them " +
            "through their @pulumi/kubernetes classes (scripts/bench/floor.ts).");
        const slope = (which: keyof Pair) => logLogSlope(points.filter((p) => p.services > 0)
            .map((p) => ({ x: p.resources, y: median(p.pairs.map((x) => x[which].cpuMillis)) })));
        console.log(`\nScaling exponent (log-log slope of CPU over resources, ${counts[0]}-${counts.at(-1)} services): ` +
            `platform ${f2(slope("platform"))}, typed floor ${f2(slope("typedFloor"))}, floor ${f2(slope("floor"))} (1 = linear; below 1 while fixed costs dominate)`);

        if (memoryServices > 0) {
            const recording = path.join(work, `platform-${memoryServices}.json`);
            const platform = runPlatform(build, stack, memoryServices, recording);
            const resources = (JSON.parse(fs.readFileSync(recording, "utf8")) as RunResult).resources.length;
            const floor = runFloor(build, stack, recording, work);
            console.log(`\nPeak memory (maxRSS) at ${memoryServices} services (${resources} resources): platform ${platform.maxRssMb.toFixed(0)} MB, ` +
                `floor ${floor.maxRssMb.toFixed(0)} MB, ratio ${f2(platform.maxRssMb / floor.maxRssMb)}; ` +
                `CPU ${f2(platform.cpuMillis / floor.cpuMillis)}x the floor`);
        }
    } finally {
        fs.rmSync(work, { recursive: true, force: true });
        build.remove();
    }
}

main();
