// `npm run cluster -- up --stack <dev|staging|prod>`   start a local cluster shaped for the stack
// `npm run cluster -- down`                            stop it
// `npm run cluster -- exec <command> [args...]`        run a command beside it (KUBECONFIG set)
// Everything runs inside the cluster's own network namespace (netns.ts); see README "Local cluster".
import "../checkNode";
import { spawnSync } from "child_process";
import { attach, down, up } from "./cluster";
import { runInsideNetns } from "./netns";
import { NODE_SHAPES } from "./nodeShapes";

const USAGE = `usage: npm run cluster -- up --stack <${Object.keys(NODE_SHAPES).join("|")}> | down | exec <command> [args...]`;

async function main(argv: string[]): Promise<number> {
    const [verb, ...rest] = argv;
    if (verb === "up") {
        const i = rest.indexOf("--stack");
        const stack = i >= 0 ? rest[i + 1] : undefined;
        if (!stack || !NODE_SHAPES[stack]) {
            process.stderr.write(`cluster: --stack must be one of ${Object.keys(NODE_SHAPES).join(", ")}\n${USAGE}\n`);
            return 2;
        }
        const cluster = await up(stack);
        process.stdout.write(`cluster: ${stack} is up in ${(cluster.startMillis / 1000).toFixed(1)} s; KUBECONFIG=${cluster.kubeconfig}\n`);
        return 0;
    }
    if (verb === "down") {
        await down();
        process.stdout.write("cluster: stopped\n");
        return 0;
    }
    if (verb === "exec" && rest.length > 0) {
        const cluster = attach();
        const child = spawnSync(rest[0], rest.slice(1), { stdio: "inherit", env: { ...process.env, KUBECONFIG: cluster.kubeconfig } });
        return child.status ?? 1;
    }
    process.stderr.write(`${USAGE}\n`);
    return 2;
}

runInsideNetns();
main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
        process.stderr.write(`cluster: ${e instanceof Error ? e.message : String(e)}\n`);
        process.exit(1);
    },
);
