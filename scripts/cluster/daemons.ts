// The control plane's processes: how each is started, in order, and stopped. Each runs detached
// with its output in <cluster dir>/logs/<name>.log and its pid in pids.json, so `cluster down` (or
// the next `up`) stops what an earlier command left running.
import { spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import {
    ADVERTISE_ADDRESS, API_PORT, CLUSTER_DOMAIN, ETCD_CLIENT_PORT, ETCD_PEER_PORT, KWOK_STAGES, NODE_IP, paths, POD_CIDR,
    SERVICE_CIDR, TOOL_BIN,
} from "./layout";
import { Pki } from "./pki";

export interface Daemon {
    name: string;
    binary: string;
    args: string[];
}

const etcdUrl = (port: number) => `http://127.0.0.1:${port}`;

export function controlPlane(dir: string, pki: Pki): Daemon[] {
    const p = paths(dir);
    const bin = (name: string) => path.join(TOOL_BIN, name);
    const issuer = `https://kubernetes.default.svc.${CLUSTER_DOMAIN}`;
    const stages = fs.readdirSync(KWOK_STAGES).filter((f) => f.endsWith(".yaml")).map((f) => path.join(KWOK_STAGES, f));
    return [
        {
            name: "etcd", binary: bin("etcd"), args: [
                `--data-dir=${p.etcdData}`, `--listen-client-urls=${etcdUrl(ETCD_CLIENT_PORT)}`,
                `--advertise-client-urls=${etcdUrl(ETCD_CLIENT_PORT)}`, `--listen-peer-urls=${etcdUrl(ETCD_PEER_PORT)}`,
                `--initial-advertise-peer-urls=${etcdUrl(ETCD_PEER_PORT)}`, `--initial-cluster=default=${etcdUrl(ETCD_PEER_PORT)}`,
                // A throwaway cluster: durability traded for speed.
                "--unsafe-no-fsync=true", "--log-level=warn",
            ],
        },
        {
            name: "kube-apiserver", binary: bin("kube-apiserver"), args: [
                `--etcd-servers=${etcdUrl(ETCD_CLIENT_PORT)}`, "--bind-address=0.0.0.0", `--secure-port=${API_PORT}`,
                `--advertise-address=${ADVERTISE_ADDRESS}`, `--tls-cert-file=${pki.apiserverCert}`,
                `--tls-private-key-file=${pki.apiserverKey}`, `--client-ca-file=${pki.ca}`,
                `--service-account-issuer=${issuer}`, `--service-account-key-file=${pki.serviceAccountPub}`,
                `--service-account-signing-key-file=${pki.serviceAccountKey}`, `--service-cluster-ip-range=${SERVICE_CIDR}`,
                "--authorization-mode=Node,RBAC", "--allow-privileged=true",
                "--enable-admission-plugins=NodeRestriction",
                // Webhooks and aggregated APIs are dialled at their endpoints' addresses: no kube-proxy here.
                "--enable-aggregator-routing=true",
                "--profiling=false",
            ],
        },
        {
            name: "kube-controller-manager", binary: bin("kube-controller-manager"), args: [
                `--kubeconfig=${p.kubeconfig}`, `--authentication-kubeconfig=${p.kubeconfig}`, `--authorization-kubeconfig=${p.kubeconfig}`,
                `--service-account-private-key-file=${pki.serviceAccountKey}`, `--root-ca-file=${pki.ca}`,
                `--cluster-signing-cert-file=${pki.ca}`, `--cluster-signing-key-file=${pki.caKey}`,
                "--use-service-account-credentials=true", "--leader-elect=false", "--bind-address=127.0.0.1",
                `--service-cluster-ip-range=${SERVICE_CIDR}`, "--profiling=false",
            ],
        },
        {
            name: "kube-scheduler", binary: bin("kube-scheduler"), args: [
                `--kubeconfig=${p.kubeconfig}`, `--authentication-kubeconfig=${p.kubeconfig}`, `--authorization-kubeconfig=${p.kubeconfig}`,
                "--leader-elect=false", "--bind-address=127.0.0.1", "--profiling=false",
            ],
        },
        {
            name: "kwok", binary: bin("kwok"), args: [
                `--kubeconfig=${p.kubeconfig}`, "--manage-all-nodes=true", `--cidr=${POD_CIDR}`, `--node-ip=${NODE_IP}`,
                "--node-lease-duration-seconds=40", ...stages.map((s) => `--config=${s}`),
            ],
        },
    ];
}

type Pids = Record<string, number>;

const readPids = (dir: string): Pids => {
    try { return JSON.parse(fs.readFileSync(paths(dir).pids, "utf8")); } catch { return {}; }
};

export function start(dir: string, daemon: Daemon): number {
    const logs = paths(dir).logs;
    fs.mkdirSync(logs, { recursive: true });
    const out = fs.openSync(path.join(logs, `${daemon.name}.log`), "a");
    const child = spawn(daemon.binary, daemon.args, { detached: true, stdio: ["ignore", out, out] });
    child.unref();
    fs.closeSync(out);
    const pids = readPids(dir);
    pids[daemon.name] = child.pid!;
    fs.writeFileSync(paths(dir).pids, JSON.stringify(pids, null, 2));
    return child.pid!;
}

export function alive(pid: number): boolean {
    try { process.kill(pid, 0); return true; } catch { return false; }
}

/** Stops every recorded process, last started first, and waits for each to exit. */
export async function stopAll(dir: string): Promise<void> {
    const pids = Object.entries(readPids(dir)).reverse();
    for (const [, pid] of pids) {
        try { process.kill(pid, "SIGTERM"); } catch { /* already gone */ }
    }
    const deadline = Date.now() + 15_000;
    for (const [, pid] of pids) {
        while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
        if (alive(pid)) { try { process.kill(pid, "SIGKILL"); } catch { /* gone */ } }
    }
    fs.rmSync(paths(dir).pids, { force: true });
}

export function logTail(dir: string, name: string, lines = 20): string {
    try {
        return fs.readFileSync(path.join(paths(dir).logs, `${name}.log`), "utf8").trimEnd().split("\n").slice(-lines).join("\n");
    } catch {
        return "(no log)";
    }
}
