// A route that matches on a JWT claim (`@request.auth.claims.*` headers) through a gateway needs
// a RequestAuthentication selecting that gateway's pods, in the mesh root namespace or theirs;
// without one the claims are never populated (IST0149).
import { Analyzer, formatLabels } from "../context";
import { MESSAGES } from "../messages";
import { findGateway } from "./gatewayRefs";
import { gatewayPods } from "./gatewayWorkloads";
import { boundGateways } from "./routes";

const CLAIM_PREFIX = "@request.auth.claims";

function claimKey(spec: Record<string, any>): string | undefined {
    for (const rule of spec?.http ?? []) {
        for (const match of rule?.match ?? []) {
            for (const key of [...Object.keys(match?.headers ?? {}), ...Object.keys(match?.withoutHeaders ?? {})]) {
                if (key.startsWith(CLAIM_PREFIX)) return key;
            }
        }
    }
    return undefined;
}

export const jwtClaimRoutes: Analyzer = (ctx) => {
    const authentications = new Map<string, Array<Record<string, string>>>();
    for (const ra of ctx.index.ofKind("RequestAuthentication")) {
        const list = authentications.get(ra.ref.namespace) ?? [];
        list.push(ra.resource.props.spec?.selector?.matchLabels ?? {});
        authentications.set(ra.ref.namespace, list);
    }
    for (const vs of ctx.index.ofKind("VirtualService")) {
        const key = claimKey(vs.resource.props.spec);
        if (!key) continue;
        for (const reference of boundGateways(vs.resource.props.spec)) {
            if (reference === "mesh") continue;
            const gateway = findGateway(ctx, reference, vs.ref.namespace);
            if (!gateway) continue;
            const pods = gatewayPods(ctx, gateway);
            // Unrendered gateway pods carry at least the Gateway's selector labels, in the Gateway's namespace.
            const targets = pods.workloads.length > 0
                ? pods.workloads.map((w) => ({ namespace: w.ref.namespace, labels: w.labels, name: `${w.kind} ${w.ref.namespace}/${w.ref.name}` }))
                : [{ namespace: gateway.ref.namespace, labels: gateway.resource.props.spec?.selector ?? {}, name: `pods ${formatLabels(gateway.resource.props.spec?.selector)}` }];
            for (const target of targets) {
                const candidates = [...(authentications.get(ctx.config.meshRootNamespace) ?? []), ...(authentications.get(target.namespace) ?? [])];
                const covered = candidates.some((selector) => Object.entries(selector).every(([k, v]) => target.labels[k] === v));
                if (covered) continue;
                ctx.report(MESSAGES.JwtClaimBasedRoutingWithoutRequestAuthN, vs,
                    `routes on JWT claim "${key}" through Gateway ${gateway.ref.namespace}/${gateway.ref.name}, but no RequestAuthentication ` +
                    `in ${ctx.config.meshRootNamespace} or ${target.namespace} selects its ${target.name}`);
            }
        }
    }
};
