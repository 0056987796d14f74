// Two Gateways with the same selector, port and an overlapping host (and bind) conflict: the
// gateway proxies would serve only one of them (IST0145).
import { IndexedObject } from "../../lib/clusterIndex";
import { appendTo } from "../../lib/groups";
import { Analyzer, formatLabels, nameOf } from "../context";
import { hostsOverlap } from "../hosts";
import { MESSAGES } from "../messages";

interface Listener {
    gateway: IndexedObject;
    hosts: string[];
    bind: string;
}

export const conflictingGateways: Analyzer = (ctx) => {
    const listeners = new Map<string, Listener[]>();
    for (const gateway of ctx.index.ofKind("Gateway")) {
        const selector = formatLabels(gateway.resource.props.spec?.selector);
        for (const server of gateway.resource.props.spec?.servers ?? []) {
            const key = `${selector}~${server?.port?.number}`;
            const hosts = (server?.hosts ?? []).map((h: string) => (h.includes("/") ? h.slice(h.indexOf("/") + 1) : h));
            appendTo(listeners, key, { gateway, hosts, bind: server?.bind ?? "" });
        }
    }
    for (const [key, list] of listeners) {
        const [selector, port] = key.split("~");
        for (const listener of list) {
            const others = list.filter((o) => o.gateway !== listener.gateway && o.bind === listener.bind &&
                o.hosts.some((h) => listener.hosts.some((mine) => hostsOverlap(h, mine))));
            if (others.length === 0) continue;
            const names = [...new Set(others.map((o) => nameOf(o.gateway)))].sort().join(", ");
            ctx.report(MESSAGES.ConflictingGateways, listener.gateway,
                `conflicts with ${names} (selector ${selector}, port ${port}, hosts ${listener.hosts.join(", ")})`);
        }
    }
};
