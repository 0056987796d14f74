// Only namespaced, isolated sysctls. The allow-list grew over Kubernetes releases.
import { quoteList, podSecurityContext } from "./helpers";
import { Control } from "./types";

const ADDITIONS: ReadonlyArray<[sinceMinor: number, names: readonly string[]]> = [
    [0, ["kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.tcp_syncookies",
        "net.ipv4.ping_group_range", "net.ipv4.ip_unprivileged_port_start"]],
    [27, ["net.ipv4.ip_local_reserved_ports"]],
    [29, ["net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl",
        "net.ipv4.tcp_keepalive_probes"]],
    [32, ["net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem"]],
    [37, ["net.ipv4.tcp_slow_start_after_idle", "net.ipv4.tcp_notsent_lowat"]],
];

export function allowedSysctls(minor: number): Set<string> {
    return new Set(ADDITIONS.filter(([since]) => since <= minor).flatMap(([, names]) => names));
}

export const sysctls: Control = {
    id: "sysctls",
    level: "baseline",
    sinceMinor: 0,
    check({ spec }, minor) {
        const allowed = allowedSysctls(minor);
        const forbidden = (podSecurityContext(spec).sysctls ?? [])
            .map((s: Record<string, any>) => String(s?.name ?? ""))
            .filter((name: string) => !allowed.has(name));
        if (forbidden.length === 0) return [];
        return [{ subject: "pod", message: `sets forbidden sysctls ${quoteList(forbidden)}` }];
    },
};
