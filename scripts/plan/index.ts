// `npm run plan -- --stack <name> [--out DIR] [--json] [--json-file FILE] [--services N] [--policy-config FILE]`
// See args.ts for the usage text and exit codes.
import "../checkNode";
import * as fs from "fs";
import { parsePlanArgs, USAGE, UsageError } from "./args";
import { runPlan } from "./plan";
import { renderText } from "./report";

function usageFailure(e: UsageError): number {
    process.stderr.write(e.showUsage ? `plan: ${e.message}\n\n${USAGE}\n` : `plan: ${e.message}\n`);
    return 2;
}

/** `npm run` without -s prints its banner on stdout, ahead of anything this process writes. */
function npmBannerOnStdout(): boolean {
    return process.env.npm_lifecycle_event === "plan" && process.env.npm_config_loglevel !== "silent";
}

async function main(argv: string[]): Promise<number> {
    let args;
    try {
        args = parsePlanArgs(argv);
    } catch (e) {
        if (!(e instanceof UsageError)) throw e;
        return usageFailure(e);
    }
    if (!args) {
        process.stdout.write(`${USAGE}\n`);
        return 0;
    }
    try {
        const report = await runPlan(args);
        const json = `${JSON.stringify(report, null, 2)}\n`;
        if (args.jsonFile) fs.writeFileSync(args.jsonFile, json);
        if (args.json && npmBannerOnStdout()) {
            process.stderr.write("plan: npm printed its banner on stdout before this JSON; for pure JSON run `npm run -s plan -- ...` " +
                "or pass --json-file <file>\n");
        }
        process.stdout.write(args.json ? json : `${renderText(report)}\n`);
        return report.exitCode;
    } catch (e) {
        if (e instanceof UsageError) return usageFailure(e);
        throw e;
    }
}

main(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (e) => {
        process.stderr.write(`plan: failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
        process.exitCode = 1;
    },
);
