// VirtualService destinations: the host is a Service or ServiceEntry (IST0101), a subset is
// defined by a DestinationRule for that host (IST0101), and a host with several ports gets an
// explicit port (IST0112) that it exposes (IST0101).
import { Analyzer, nameOf } from "../context";
import { MESSAGES } from "../messages";
import { routeDestinations } from "./routes";

export const virtualServiceDestinations: Analyzer = (ctx) => {
    // DestinationRule subsets by the FQDN of their host.
    const subsets = new Map<string, Map<string, string>>();
    for (const rule of ctx.index.ofKind("DestinationRule")) {
        const host = rule.resource.props.spec?.host;
        if (typeof host !== "string") continue;
        const fqdn = ctx.hosts.expand(host, rule.ref.namespace);
        const known = subsets.get(fqdn) ?? new Map<string, string>();
        for (const subset of rule.resource.props.spec?.subsets ?? []) {
            if (typeof subset?.name === "string") known.set(subset.name, nameOf(rule));
        }
        subsets.set(fqdn, known);
    }
    for (const vs of ctx.index.ofKind("VirtualService")) {
        const namespace = vs.ref.namespace;
        for (const d of routeDestinations(vs.resource.props.spec)) {
            const resolved = ctx.hosts.resolve(d.host, namespace);
            if (!resolved) {
                const hostNamespace = ctx.hosts.serviceNamespace(d.host, namespace);
                if (hostNamespace !== undefined && ctx.index.isOpaque(hostNamespace)) continue;
                ctx.report(MESSAGES.ReferencedResourceNotFound, vs,
                    `destination host "${d.host}" is neither a Service nor a ServiceEntry host (${d.path})`);
                continue;
            }
            const target = `${resolved.kind} ${resolved.namespace}/${resolved.name}`;
            if (d.port === undefined && resolved.ports.length > 1) {
                ctx.report(MESSAGES.VirtualServiceDestinationPortSelectorRequired, vs,
                    `destination host "${d.host}" needs a port: ${target} exposes ports ${resolved.ports.join(", ")} (${d.path})`);
            } else if (d.port !== undefined && resolved.ports.length > 0 && !resolved.ports.includes(d.port)) {
                ctx.report(MESSAGES.ReferencedResourceNotFound, vs,
                    `port ${d.port} not exposed by ${target}, which has ports ${resolved.ports.join(", ")} (${d.path})`);
            }
            if (d.subset === undefined) continue;
            const fqdn = ctx.hosts.expand(d.host, namespace);
            const known = subsets.get(fqdn);
            if (known?.has(d.subset)) continue;
            const where = known ? `in ${[...new Set(known.values())].join(", ")}` : `in any DestinationRule for host ${fqdn}`;
            ctx.report(MESSAGES.ReferencedResourceNotFound, vs, `subset "${d.subset}" not found ${where} (${d.path})`);
        }
    }
};
