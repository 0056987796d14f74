// Preloaded into a measured process (`node --require <this file> ...`): at exit, writes the
// process's own CPU time and peak memory as JSON to the file named by BENCH_USAGE_FILE.
// process.resourceUsage() is getrusage(RUSAGE_SELF): every thread of the process, no wall time.
"use strict";
const fs = require("fs");
const file = process.env.BENCH_USAGE_FILE;
if (file) {
    process.on("exit", () => {
        const usage = process.resourceUsage();
        fs.writeFileSync(file, JSON.stringify({
            cpuMicros: usage.userCPUTime + usage.systemCPUTime,
            maxRssKb: usage.maxRSS,
        }));
    });
}
