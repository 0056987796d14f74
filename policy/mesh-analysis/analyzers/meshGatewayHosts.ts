// VirtualServices bound to the mesh gateway must not share a host (IST0109): the sidecars would
// pick one of them arbitrarily. Hosts are compared as FQDNs within each exportTo scope.
import { IndexedObject } from "../../lib/clusterIndex";
import { appendTo } from "../../lib/groups";
import { Analyzer, nameOf } from "../context";
import { MESSAGES } from "../messages";
import { boundGateways } from "./routes";

export const meshGatewayHosts: Analyzer = (ctx) => {
    const byHost = new Map<string, IndexedObject[]>();
    for (const vs of ctx.index.ofKind("VirtualService")) {
        const spec = vs.resource.props.spec ?? {};
        if (!boundGateways(spec).includes("mesh")) continue;
        const exportTo: string[] = Array.isArray(spec.exportTo) && spec.exportTo.length > 0 ? spec.exportTo : ["*"];
        const scopes = exportTo.includes("*") ? ["*"] : exportTo.map((s) => (s === "." ? vs.ref.namespace : s));
        for (const host of spec.hosts ?? []) {
            if (typeof host !== "string") continue;
            const fqdn = ctx.hosts.expand(host, vs.ref.namespace);
            for (const scope of scopes) {
                const key = `${scope}|${fqdn}`;
                appendTo(byHost, key, vs);
            }
        }
    }
    // A host exported to every namespace also collides with the same host in a narrower scope.
    const reported = new Set<IndexedObject>();
    for (const [key, list] of byHost) {
        const [scope, fqdn] = key.split("|");
        const all = scope === "*" ? list : [...list, ...(byHost.get(`*|${fqdn}`) ?? [])];
        const distinct = [...new Set(all)];
        if (distinct.length < 2) continue;
        const names = distinct.map(nameOf).sort();
        for (const vs of distinct) {
            if (reported.has(vs)) continue;
            reported.add(vs);
            ctx.report(MESSAGES.ConflictingMeshGatewayVirtualServiceHosts, vs,
                `host ${fqdn} is also defined for the mesh gateway by ${names.filter((n) => n !== nameOf(vs)).join(", ")}; merge them into one VirtualService`);
        }
    }
};
