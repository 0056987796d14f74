// Where the local cluster lives and the addresses it uses: one place for every path, port and range.
// Everything runs inside the network namespace `netns.sh` makes, where the ranges below are routed
// to the loopback device: a webhook or Service address dialled by the API server lands on a
// process of this machine, and nothing can reach another machine. The ranges are the RFC 2544
// benchmarking block (198.18.0.0/15), which no real network routes.
import * as os from "os";
import * as path from "path";

/** Two clusters can run side by side (say, in two worktrees) under different names and directories. */
export const NETNS = process.env.PLATFORM_CLUSTER_NETNS ?? "platform-cluster";

/** `netns.sh` routes this whole block to `lo` inside the namespace. */
export const LOCAL_BLOCK = "198.18.0.0/15";
export const SERVICE_CIDR = "198.18.0.0/16";
/** kwok hands out pod IPs from here. */
export const POD_CIDR = "198.19.0.0/17";
/** The first fake node's InternalIP; the others follow it. */
export const NODE_IP = "198.19.128.1";
/** Addresses the load-balancer stand-in hands out (the nth Service gets the nth), inside the routed block. */
export const LOAD_BALANCER_IPS = (n: number): string => `198.19.200.${1 + (n % 254)}`;
/** What the API server advertises for the `kubernetes` Service: endpoints may not be loopback. */
export const ADVERTISE_ADDRESS = "198.19.255.254";

export const API_PORT = 6443;
export const ETCD_CLIENT_PORT = 2379;
export const ETCD_PEER_PORT = 2380;
export const CLUSTER_DOMAIN = "cluster.local";

export const TOOLCHAIN_DIR = process.env.PLATFORM_TOOLCHAIN_DIR ?? path.join(os.homedir(), ".cache", "reference-platform", "toolchain");
export const TOOL_BIN = path.join(TOOLCHAIN_DIR, "bin");
export const KWOK_STAGES = path.join(TOOLCHAIN_DIR, "kwok-stages");

/** One directory per running cluster: certificates, etcd data, logs, pids and the kubeconfig. */
export function clusterDir(): string {
    return process.env.PLATFORM_CLUSTER_DIR ?? path.join(os.tmpdir(), "platform-cluster");
}

export const paths = (dir: string) => ({
    pki: path.join(dir, "pki"),
    etcdData: path.join(dir, "etcd"),
    logs: path.join(dir, "logs"),
    pids: path.join(dir, "pids.json"),
    kubeconfig: path.join(dir, "kubeconfig"),
    state: path.join(dir, "cluster.json"),
});
