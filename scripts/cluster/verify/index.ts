// `npm run cluster:verify -- [--stack <name>]... [--charts DIR] [--keep]`
// For each stack (default: dev, staging, prod): a fresh local cluster shaped for it, every object of
// `plan --render` applied and judged (verifyStack.ts), one line per stack, exit 1 if any failed.
// --keep leaves the last stack's cluster running to inspect (`npm run cluster -- exec ...`).
import "../../checkNode";
import { down, up } from "../cluster";
import { chartCache } from "../../helm/chartCache";
import { runInsideNetns } from "../netns";
import { chartCrdStandIns } from "../standIns/chartCrds";
import { NODE_SHAPES } from "../nodeShapes";
import { stackObjects } from "./stackObjects";
import { passed, report, verifyStack } from "./verifyStack";

function parse(argv: string[]): { stacks: string[]; charts?: string; keep: boolean } {
    const stacks: string[] = [];
    let charts: string | undefined;
    let keep = false;
    for (let i = 0; i < argv.length; i++) {
        if (argv[i] === "--stack") stacks.push(argv[++i]);
        else if (argv[i] === "--charts") charts = argv[++i];
        else if (argv[i] === "--keep") keep = true;
        else throw new Error(`unknown argument ${argv[i]}; usage: cluster:verify [--stack <name>]... [--charts DIR] [--keep]`);
    }
    for (const s of stacks) if (!NODE_SHAPES[s]) throw new Error(`--stack ${s}: known stacks are ${Object.keys(NODE_SHAPES).join(", ")}`);
    return { stacks: stacks.length ? stacks : Object.keys(NODE_SHAPES), charts, keep };
}

async function main(argv: string[]): Promise<number> {
    const { stacks, charts, keep } = parse(argv);
    let ok = true;
    for (const stack of stacks) {
        const objects = await stackObjects(stack, charts);
        const standInCrds = chartCrdStandIns(chartCache(charts).dir);
        const cluster = await up(stack);
        process.stdout.write(`cluster ${stack}: up in ${(cluster.startMillis / 1000).toFixed(1)} s with ${NODE_SHAPES[stack].count} fake nodes\n`);
        for (const line of standInCrds.lines) process.stdout.write(`cluster ${stack}: ${line}\n`);
        try {
            const verdict = await verifyStack(cluster, objects, standInCrds.crds);
            process.stdout.write(`${report(verdict)}\n`);
            ok &&= passed(verdict);
        } finally {
            if (!(keep && stack === stacks[stacks.length - 1])) await down(cluster.dir);
        }
    }
    return ok ? 0 : 1;
}

runInsideNetns();
main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
        process.stderr.write(`cluster:verify: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
        process.exit(1);
    },
);
