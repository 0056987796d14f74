// The local cluster's network namespace: only a loopback device, with the cluster's address block
// routed to it (layout.ts). Every cluster command runs itself inside it, so the API server, the
// controllers, webhooks and the Pulumi engine can dial nothing but this namespace's own listeners.
import { execFileSync, spawnSync } from "child_process";
import { ADVERTISE_ADDRESS, LOCAL_BLOCK, NETNS } from "./layout";

const ip = (...args: string[]) => execFileSync("ip", args, { encoding: "utf8" });

export function insideNetns(): boolean {
    try {
        return ip("netns", "identify", String(process.pid)).trim() === NETNS;
    } catch {
        return false;
    }
}

function ensureNetns(): void {
    if (ip("netns", "list").split("\n").some((l) => l.split(" ")[0] === NETNS)) return;
    ip("netns", "add", NETNS);
    ip("netns", "exec", NETNS, "ip", "link", "set", "lo", "up");
    ip("netns", "exec", NETNS, "ip", "addr", "add", `${ADVERTISE_ADDRESS}/32`, "dev", "lo");
    ip("netns", "exec", NETNS, "ip", "route", "add", "local", LOCAL_BLOCK, "dev", "lo");
}

/**
 * Runs this same process again inside the namespace and exits with its status, unless it already
 * runs there. Call first thing in a command's main.
 */
export function runInsideNetns(): void {
    if (insideNetns()) return;
    ensureNetns();
    const argv = [process.execPath, ...process.execArgv, ...process.argv.slice(1)];
    const child = spawnSync("ip", ["netns", "exec", NETNS, ...argv], {
        stdio: "inherit",
        env: { ...process.env, [HOST_NETNS_ENV]: `/proc/${process.pid}/ns/net` },
    });
    process.exit(child.status ?? 1);
}

/** Where runInsideNetns leaves the network namespace it was started from (this process waits in it). */
const HOST_NETNS_ENV = "PLATFORM_HOST_NETNS";

/**
 * `command` with `args` as run in the network namespace this command was started from, which
 * reaches the outside (a registry); inside the cluster's nothing does. Unchanged when the command
 * was started inside the cluster's namespace.
 */
export function inHostNetwork(command: string, args: readonly string[]): [string, string[]] {
    const host = process.env[HOST_NETNS_ENV];
    return host ? ["nsenter", [`--net=${host}`, command, ...args]] : [command, [...args]];
}
