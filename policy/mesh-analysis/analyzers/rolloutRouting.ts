// Argo Rollouts' Istio traffic routing: the controller moves the weights of the routes a Rollout
// names and points the DestinationRule's stable and canary subsets at its ReplicaSets. It refuses
// to progress when any of those is missing, so each must exist (IST0101): every VirtualService in
// the Rollout's namespace with every named http route, each route sending to both subsets, and the
// DestinationRule with both subsets.
import { IndexedObject } from "../../lib/clusterIndex";
import { Analyzer, MeshContext, nameOf } from "../context";
import { MESSAGES } from "../messages";

function checkDestinationRule(ctx: MeshContext, rollout: IndexedObject, rule: any, subsets: string[]): void {
    const found = ctx.index.find("DestinationRule", rollout.ref.namespace, rule?.name);
    if (!found) {
        ctx.report(MESSAGES.ReferencedResourceNotFound, rollout, `DestinationRule "${rule?.name}" not found in namespace ${rollout.ref.namespace}`);
        return;
    }
    const declared = new Set((found.resource.props.spec?.subsets ?? []).map((s: any) => s?.name));
    for (const subset of subsets.filter((s) => !declared.has(s))) {
        ctx.report(MESSAGES.ReferencedResourceNotFound, rollout, `subset "${subset}" not found in ${nameOf(found)}`);
    }
}

function checkVirtualService(ctx: MeshContext, rollout: IndexedObject, reference: any, subsets: string[]): void {
    const vs = ctx.index.find("VirtualService", rollout.ref.namespace, reference?.name);
    if (!vs) {
        ctx.report(MESSAGES.ReferencedResourceNotFound, rollout, `VirtualService "${reference?.name}" not found in namespace ${rollout.ref.namespace}`);
        return;
    }
    const routes: any[] = vs.resource.props.spec?.http ?? [];
    for (const name of reference?.routes ?? []) {
        const route = routes.find((r) => r?.name === name);
        if (!route) {
            ctx.report(MESSAGES.ReferencedResourceNotFound, rollout, `http route "${name}" not found in ${nameOf(vs)}`);
            continue;
        }
        const sentTo = new Set((route.route ?? []).map((d: any) => d?.destination?.subset));
        for (const subset of subsets.filter((s) => !sentTo.has(s))) {
            ctx.report(MESSAGES.ReferencedResourceNotFound, rollout,
                `http route "${name}" of ${nameOf(vs)} has no destination with subset "${subset}", whose weight the Rollout sets`);
        }
    }
}

export const rolloutRouting: Analyzer = (ctx) => {
    for (const rollout of ctx.index.ofKind("Rollout")) {
        const istio = rollout.resource.props.spec?.strategy?.canary?.trafficRouting?.istio;
        const rule = istio?.destinationRule;
        if (!rule) continue;
        const subsets = [rule.stableSubsetName, rule.canarySubsetName].filter((s): s is string => typeof s === "string");
        checkDestinationRule(ctx, rollout, rule, subsets);
        for (const reference of istio.virtualServices ?? (istio.virtualService ? [istio.virtualService] : [])) {
            checkVirtualService(ctx, rollout, reference, subsets);
        }
    }
};
