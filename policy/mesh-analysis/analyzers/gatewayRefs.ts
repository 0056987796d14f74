// The gateways a VirtualService binds: each exists (IST0101), and serves at least one of the
// VirtualService's hosts (IST0132), honouring `namespace/host` server hosts.
import { IndexedObject } from "../../lib/clusterIndex";
import { Analyzer, MeshContext } from "../context";
import { hostsOverlap } from "../hosts";
import { MESSAGES } from "../messages";
import { boundGateways } from "./routes";

/** The Gateway a VirtualService names (`ns/name` or `name` in the VirtualService's namespace). */
export function findGateway(ctx: MeshContext, reference: string, vsNamespace: string): IndexedObject | undefined {
    const slash = reference.indexOf("/");
    const namespace = slash >= 0 ? reference.slice(0, slash) : vsNamespace;
    const name = slash >= 0 ? reference.slice(slash + 1) : reference;
    return ctx.index.find("Gateway", namespace, name.split(".")[0]);
}

/** The hosts a Gateway's servers offer to VirtualServices of `vsNamespace`. */
function hostsFor(gateway: IndexedObject, vsNamespace: string): string[] {
    const hosts: string[] = [];
    for (const server of gateway.resource.props.spec?.servers ?? []) {
        for (const entry of server?.hosts ?? []) {
            if (typeof entry !== "string") continue;
            const slash = entry.indexOf("/");
            if (slash < 0) { hosts.push(entry); continue; }
            const scope = entry.slice(0, slash);
            const host = entry.slice(slash + 1);
            const namespace = scope === "." ? gateway.ref.namespace : scope;
            if (namespace === "*" || namespace === vsNamespace) hosts.push(host);
        }
    }
    return hosts;
}

export const gatewayRefs: Analyzer = (ctx) => {
    for (const vs of ctx.index.ofKind("VirtualService")) {
        const vsHosts: string[] = (vs.resource.props.spec?.hosts ?? []).filter((h: unknown): h is string => typeof h === "string");
        for (const reference of boundGateways(vs.resource.props.spec)) {
            if (reference === "mesh") continue;
            const gateway = findGateway(ctx, reference, vs.ref.namespace);
            if (!gateway) {
                ctx.report(MESSAGES.ReferencedResourceNotFound, vs, `gateway "${reference}" not found: no Gateway of that name in the stack`);
                continue;
            }
            const offered = hostsFor(gateway, vs.ref.namespace);
            if (!vsHosts.some((h) => offered.some((g) => hostsOverlap(g, h)))) {
                ctx.report(MESSAGES.VirtualServiceHostNotFoundInGateway, vs,
                    `hosts ${vsHosts.join(", ")} not served by Gateway ${gateway.ref.namespace}/${gateway.ref.name} (its hosts: ${offered.join(", ") || "none for this namespace"})`);
            }
        }
    }
};
