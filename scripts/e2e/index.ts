// `npm run e2e -- [--stack <name>]... [--deploy <name>]... [--upgrade <name>]... [--charts DIR] [--logs DIR]`
// The real Pulumi engine (built by scripts/toolchain/build-engine.sh) on the local control plane
// (scripts/toolchain/build-cluster.sh), per stack on a fresh cluster shaped for it: the preview with
// the policy pack must find what `plan --render` finds. The stacks named by --deploy (default: dev)
// are then deployed (`up`), their outputs checked against the contract, updated again with no
// change expected, and destroyed (prod through its protected resources). The stacks named by
// --upgrade are deployed by an earlier, fixed commit (upgrade.ts), then previewed and updated by
// this checkout on a cluster of their own (--upgrade alone runs only that). One line per step; exit 1 if any failed. Nothing is
// downloaded.
import "../checkNode";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { TOOL_BIN } from "../cluster/layout";
import { runInsideNetns } from "../cluster/netns";
import { NODE_SHAPES } from "../cluster/nodeShapes";
import { chartCache } from "../helm/chartCache";
import {
    aggregatedApisAvailable, consumerUpAndDown, destroyLeavesNothing, outputsMatchContract, plan, previewWithPack, protectedDestroy, up,
} from "./steps";
import { upAtEarlierCommit, upgradePreview } from "./upgrade";
import { onFreshCluster } from "./freshCluster";
import { commandsNotRun, WORKFLOW } from "./workflowCommands";
import { EXECUTED, pulumi, REPO } from "./workspace";

/** Stacks deployed, not only previewed, unless --deploy says otherwise: CI's time allows the smallest. */
const DEFAULT_DEPLOYED = ["dev"];
const ENGINE = ["pulumi", "pulumi-language-nodejs", "pulumi-resource-kubernetes", "pulumi-resource-random", "pulumi-resource-tls"];

interface Options {
    stacks: string[];
    deploy: string[];
    upgrade: string[];
    charts: string;
    logs: string;
}

function parse(argv: string[]): Options {
    const stacks: string[] = [];
    const deploy: string[] = [];
    const upgrade: string[] = [];
    let charts: string | undefined;
    let logs = path.join(os.tmpdir(), "platform-e2e-logs");
    for (let i = 0; i < argv.length; i++) {
        if (argv[i] === "--stack") stacks.push(argv[++i]);
        else if (argv[i] === "--deploy") deploy.push(argv[++i]);
        else if (argv[i] === "--upgrade") upgrade.push(argv[++i]);
        else if (argv[i] === "--charts") charts = argv[++i];
        else if (argv[i] === "--logs") logs = argv[++i];
        else throw new Error(`unknown argument ${argv[i]}; usage: e2e [--stack <name>]... [--deploy <name>]... [--upgrade <name>]... [--charts DIR] [--logs DIR]`);
    }
    for (const s of [...stacks, ...deploy, ...upgrade]) if (!NODE_SHAPES[s]) throw new Error(`--stack/--deploy ${s}: known stacks are ${Object.keys(NODE_SHAPES).join(", ")}`);
    // `--upgrade` alone runs only the upgrades.
    const upgradeOnly = upgrade.length > 0 && stacks.length === 0 && deploy.length === 0;
    const deployed = deploy.length || upgradeOnly ? deploy : DEFAULT_DEPLOYED;
    const previewed = stacks.length || upgradeOnly ? stacks : Object.keys(NODE_SHAPES);
    return { stacks: [...new Set([...previewed, ...deployed])], deploy: deployed, upgrade, charts: chartCache(charts).dir, logs: path.resolve(logs) };
}

function runStack(stack: string, deploy: boolean, charts: string, logs: string): Promise<boolean> {
    return onFreshCluster(stack, charts, logs, async (run, record) => {
        // As the workflow does: log in to a local backend, then select the stack, creating it.
        const login = await pulumi(run.ws, ["login", run.ws.env.PULUMI_BACKEND_URL!], path.join(logs, `login-${stack}.log`));
        const init = login.code === 0 ? await pulumi(run.ws, ["stack", "select", "--create", "--secrets-provider", "passphrase", stack], path.join(logs, `init-${stack}.log`)) : login;
        if (!record({ step: "stack select --create", ok: init.code === 0, detail: init.code === 0 ? "local backend, passphrase secrets" : init.output })) return false;
        const planned = plan(run);
        if (!record(planned.result)) return false;
        if (!record(await previewWithPack(run, planned.report))) return false;
        if (!deploy) return true;
        // The workflow's own command, its preview included.
        if (!record(await up(run, "up", [], { skipPreview: false }))) return false;
        record(await outputsMatchContract(run));
        record(await aggregatedApisAvailable(run));
        record(await up(run, "second up", ["--expect-no-changes"]));
        record(await consumerUpAndDown(run));
        record(stack === "prod" ? await protectedDestroy(run, planned.dir) : await destroyLeavesNothing(run, planned.dir));
        return true;
    });
}

/** Deployed by the earlier commit, then updated by this checkout; the cluster goes with it, so no destroy. */
function runUpgrade(stack: string, charts: string, logs: string): Promise<boolean> {
    return onFreshCluster(stack, charts, logs, async (run, record) => {
        if (!record(await upAtEarlierCommit(run))) return false;
        if (!record(await upgradePreview(run))) return false;
        if (!record(await up(run, "upgrade up"))) return false;
        record(await outputsMatchContract(run));
        record(await up(run, "second up after upgrade", ["--expect-no-changes"]));
        return true;
    });
}

/** Judged only when this run took the workflow's whole path: every matrix stack previewed, dev deployed. */
function judgeWorkflow(stacks: string[], deploy: string[]): boolean {
    const workflow = path.relative(REPO, WORKFLOW);
    if (!Object.keys(NODE_SHAPES).every((s) => stacks.includes(s)) || !deploy.includes("dev")) {
        process.stdout.write(`e2e: not judged: ${workflow}'s commands (this run did not preview every stack and deploy dev)\n`);
        return true;
    }
    const missing = commandsNotRun(EXECUTED);
    process.stdout.write(`e2e: ${missing.length ? "FAIL" : "PASS"} workflow: ${missing.length ? `not run: ${missing.join("; ")}` : `every pulumi command of ${workflow} ran`}\n`);
    return missing.length === 0;
}

async function main(argv: string[]): Promise<number> {
    const { stacks, deploy, upgrade, charts, logs } = parse(argv);
    for (const tool of ENGINE) {
        if (!fs.existsSync(path.join(TOOL_BIN, tool))) throw new Error(`${tool} is not built: run scripts/toolchain/build-engine.sh (builds into ${TOOL_BIN})`);
    }
    fs.mkdirSync(logs, { recursive: true });
    // The engine loads the pack's built JavaScript (policy/bin): build it from the sources at hand.
    const build = spawnSync("npm", ["run", "-s", "build", "--workspace", "policy"], { cwd: REPO, encoding: "utf8" });
    if (build.status !== 0) throw new Error(`building the policy pack failed:\n${build.stdout}${build.stderr}`);
    process.stdout.write(`e2e: the real engine from ${TOOL_BIN}, charts from ${charts}, logs in ${logs}; ` +
        "STAND-INS: kwok's fake nodes, the webhook and aggregated-API backends and the load balancer (each says below what it leaves unproven)\n");
    let ok = true;
    for (const stack of stacks) ok = (await runStack(stack, deploy.includes(stack), charts, logs)) && ok;
    for (const stack of upgrade) ok = (await runUpgrade(stack, charts, logs)) && ok;
    ok = judgeWorkflow(stacks, deploy) && ok;
    process.stdout.write(`e2e: ${ok ? "PASS" : "FAIL"}\n`);
    return ok ? 0 : 1;
}

runInsideNetns();
main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
        process.stderr.write(`e2e: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
        process.exit(1);
    },
);
