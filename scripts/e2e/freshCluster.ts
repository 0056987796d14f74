// One stack's run of the real engine on a cluster of its own: the cluster shaped for the stack, the
// live stand-ins, a workspace with the stack's config, and one report line per step.
import * as fs from "fs";
import { down, up as clusterUp } from "../cluster/cluster";
import { NODE_SHAPES } from "../cluster/nodeShapes";
import { startLiveStandIns } from "../cluster/standIns";
import { applyStandInCrds, chartCrdStandIns } from "../cluster/standIns/chartCrds";
import { StackRun, StepResult } from "./steps";
import { createWorkspace, writeStackConfig } from "./workspace";

function print(stack: string, r: StepResult): void {
    process.stdout.write(`e2e ${stack}: ${r.ok ? "PASS" : "FAIL"} ${r.step}: ${r.detail}\n`);
}

/** A fresh cluster shaped for `stack`, the live stand-ins and a workspace, for `body`; all gone after. */
export async function onFreshCluster(stack: string, charts: string, logs: string, body: (run: StackRun, record: (r: StepResult) => boolean) => Promise<boolean>): Promise<boolean> {
    const steps: StepResult[] = [];
    const record = (r: StepResult) => { steps.push(r); print(stack, r); return r.ok; };
    const standInCrds = chartCrdStandIns(charts);
    const cluster = await clusterUp(stack);
    process.stdout.write(`e2e ${stack}: cluster up in ${(cluster.startMillis / 1000).toFixed(1)} s with ${NODE_SHAPES[stack].count} fake nodes\n`);
    for (const line of standInCrds.lines) process.stdout.write(`e2e ${stack}: ${line}\n`);
    const standIns = startLiveStandIns(cluster.client, cluster.pki);
    const ws = createWorkspace(cluster.kubeconfig);
    const run: StackRun = { ws, stack, logs, charts, client: cluster.client };
    try {
        await applyStandInCrds(cluster.client, standInCrds.crds);
        writeStackConfig(ws, stack, charts);
        return (await body(run, record)) && steps.every((s) => s.ok);
    } finally {
        await standIns.stop();
        for (const line of standIns.describe()) process.stdout.write(`e2e ${stack}: ${line}\n`);
        await down(cluster.dir);
        fs.rmSync(ws.dir, { recursive: true, force: true });
    }
}

