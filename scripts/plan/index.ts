// `npm run plan -- --stack <name> [--out DIR] [--json] [--services N] [--policy-config FILE]`
// See args.ts for the usage text and exit codes.
import { parsePlanArgs, USAGE, UsageError } from "./args";
import { runPlan } from "./plan";
import { renderText } from "./report";

async function main(argv: string[]): Promise<number> {
    let args;
    try {
        args = parsePlanArgs(argv);
    } catch (e) {
        if (!(e instanceof UsageError)) throw e;
        process.stderr.write(`plan: ${e.message}\n\n${USAGE}\n`);
        return 2;
    }
    if (!args) {
        process.stdout.write(`${USAGE}\n`);
        return 0;
    }
    try {
        const report = await runPlan(args);
        process.stdout.write(args.json ? `${JSON.stringify(report, null, 2)}\n` : `${renderText(report)}\n`);
        return report.exitCode;
    } catch (e) {
        if (e instanceof UsageError) {
            process.stderr.write(`plan: ${e.message}\n\n${USAGE}\n`);
            return 2;
        }
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
