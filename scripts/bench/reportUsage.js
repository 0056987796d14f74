// Preloaded into a measured process (`node --require <this file> ...`): at exit, writes the
// process's own CPU time and peak memory as JSON to the file named by BENCH_USAGE_FILE.
// process.resourceUsage() is getrusage(RUSAGE_SELF): every thread of the process, no wall time.
// The CPU of the children it waited for (helm, the program's child) comes from /proc (Linux).
"use strict";
const fs = require("fs");
const file = process.env.BENCH_USAGE_FILE;
const CLOCK_TICKS_PER_SECOND = 100;

function childrenCpuMicros() {
    try {
        // Fields after the command name: state is the 1st, cutime and cstime the 14th and 15th.
        const fields = fs.readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ");
        return ((Number(fields[13]) + Number(fields[14])) * 1e6) / CLOCK_TICKS_PER_SECOND;
    } catch {
        return undefined;
    }
}

if (file) {
    process.on("exit", () => {
        const usage = process.resourceUsage();
        fs.writeFileSync(file, JSON.stringify({
            cpuMicros: usage.userCPUTime + usage.systemCPUTime,
            maxRssKb: usage.maxRSS,
            childrenCpuMicros: childrenCpuMicros(),
        }));
    });
}
