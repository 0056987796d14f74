// The stand-ins a live cluster needs while a real engine deploys into it, reconciled together
// every second until stopped. Each names itself and what it leaves unproven in `describe()`.
import { KubeClient } from "../kubeClient";
import { Pki } from "../pki";
import { LiveAggregatedApiStandIn } from "./liveAggregatedApis";
import { LiveLoadBalancerStandIn } from "./liveLoadBalancers";
import { LiveWebhookStandIn } from "./liveWebhooks";
import { StandInPorts } from "./standInPorts";

export interface RunningStandIns {
    describe(): string[];
    stop(): Promise<void>;
}

export function startLiveStandIns(client: KubeClient, pki: Pki, everyMs = 1000): RunningStandIns {
    const ports = new StandInPorts(pki);
    const webhooks = new LiveWebhookStandIn(client, pki, ports);
    const aggregatedApis = new LiveAggregatedApiStandIn(client, pki, ports);
    const loadBalancers = new LiveLoadBalancerStandIn(client);
    let stopped = false;
    const errors: string[] = [];
    const loop = (async () => {
        while (!stopped) {
            for (const standIn of [webhooks, aggregatedApis, loadBalancers]) {
                try {
                    await standIn.reconcile();
                } catch (e) {
                    // The API server may be busy or restarting; the next pass retries. Kept for the report.
                    if (errors.length < 5) errors.push((e as Error).message);
                }
            }
            await new Promise((r) => setTimeout(r, everyMs));
        }
    })();
    return {
        describe: () => [webhooks.describe(), aggregatedApis.describe(), loadBalancers.describe(), ...errors.map((e) => `stand-in pass failed (retried): ${e}`)],
        async stop() {
            stopped = true;
            await loop;
            await ports.close();
        },
    };
}
