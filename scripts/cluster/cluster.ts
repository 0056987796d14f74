// Starts and stops the local cluster: certificates, etcd, the API server, the controller manager,
// the scheduler and kwok's fake nodes, shaped for a stack. Must run inside the namespace (netns.ts).
import * as fs from "fs";
import { alive, controlPlane, logTail, start, stopAll } from "./daemons";
import { KubeClient } from "./kubeClient";
import { writeKubeconfig } from "./kubeconfig";
import { clusterDir, paths, TOOL_BIN } from "./layout";
import { provision } from "./nodes";
import { nodeShape } from "./nodeShapes";
import { createPki, existingPki, Pki } from "./pki";

export interface RunningCluster {
    dir: string;
    stack: string;
    kubeconfig: string;
    pki: Pki;
    client: KubeClient;
    startMillis: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number, everyMs = 250): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let lastError: unknown;
    while (Date.now() < deadline) {
        try {
            const value = await probe();
            if (value !== undefined) return value;
        } catch (e) {
            lastError = e;
        }
        await sleep(everyMs);
    }
    throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}${lastError ? `: ${(lastError as Error).message}` : ""}`);
}

function checkToolchain(): void {
    for (const tool of ["etcd", "kube-apiserver", "kube-controller-manager", "kube-scheduler", "kwok"]) {
        if (!fs.existsSync(`${TOOL_BIN}/${tool}`)) {
            throw new Error(`${tool} is not built: run scripts/toolchain/build-cluster.sh (builds into ${TOOL_BIN})`);
        }
    }
}

/** Volumes to pre-provision: enough for every claim a stack makes, with room. */
const VOLUMES = 24;

export async function up(stack: string, dir = clusterDir()): Promise<RunningCluster> {
    checkToolchain();
    const started = Date.now();
    await down(dir);
    fs.rmSync(dir, { recursive: true, force: true });
    const p = paths(dir);
    fs.mkdirSync(dir, { recursive: true });
    const pki = createPki(p.pki);
    writeKubeconfig(p.kubeconfig, pki);
    const client = new KubeClient(pki);
    for (const daemon of controlPlane(dir, pki)) {
        const pid = start(dir, daemon);
        if (daemon.name === "kube-apiserver") {
            await waitFor("the API server's /readyz", async () => {
                if (!alive(pid)) throw new Error(`kube-apiserver exited:\n${logTail(dir, daemon.name)}`);
                const answer = await client.request("GET", "/readyz");
                return answer.status === 200 ? true : undefined;
            }, 120_000);
        }
        if (daemon.name === "kube-controller-manager") {
            // The ServiceAccount controller makes `default` in every namespace; Pods wait for it.
            await waitFor("the default ServiceAccount", async () => {
                if (!alive(pid)) throw new Error(`kube-controller-manager exited:\n${logTail(dir, daemon.name)}`);
                return (await client.request("GET", "/api/v1/namespaces/default/serviceaccounts/default")).status === 200 ? true : undefined;
            }, 120_000);
        }
    }
    const shape = nodeShape(stack);
    await provision(client, shape, VOLUMES);
    await waitFor("every node Ready", async () => {
        const nodes = await client.list("v1", "Node");
        const ready = nodes.filter((n) => n.status?.conditions?.some((c: any) => c.type === "Ready" && c.status === "True"));
        return ready.length === shape.count ? true : undefined;
    }, 60_000);
    fs.writeFileSync(p.state, JSON.stringify({ stack, startedAt: new Date().toISOString() }));
    return { dir, stack, kubeconfig: p.kubeconfig, pki, client, startMillis: Date.now() - started };
}

export async function down(dir = clusterDir()): Promise<void> {
    await stopAll(dir);
}

/** The cluster an earlier `up` left running in this namespace. */
export function attach(dir = clusterDir()): RunningCluster {
    const p = paths(dir);
    if (!fs.existsSync(p.state)) throw new Error(`no cluster in ${dir}: run \`npm run cluster -- up --stack <stack>\``);
    const { stack } = JSON.parse(fs.readFileSync(p.state, "utf8"));
    const pki = existingPki(p.pki);
    return { dir, stack, kubeconfig: p.kubeconfig, pki, client: new KubeClient(pki), startMillis: 0 };
}
