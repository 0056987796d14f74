// PodDisruptionBudgets leave room to drain: at the selected workloads' minimum replicas (the
// HPA's minReplicas or ScaledObject's minReplicaCount, else the Rollout's or its own replicas), the budget allows at least one disruption. minAvailable and
// maxUnavailable percentages round up, as the disruption controller does.
import { Workload } from "../lib/clusterIndex";
import { CapacityCheck } from "./check";
import { scaled, SizedWorkload } from "./workloads";

/** The field a workload's minimum comes from, as its message names it. */
const MINIMUM_FIELD = {
    HorizontalPodAutoscaler: "HPA minReplicas", ScaledObject: "ScaledObject minReplicaCount", Rollout: "Rollout replicas", none: "replicas",
} as const;

export const disruptionRoom: CapacityCheck = (ctx) => {
    // Each sized workload by its pod template, with its place in its namespace's list.
    const sizedOf = new Map<Workload, { sized: SizedWorkload; position: number }>();
    for (const list of ctx.workloads.values()) list.forEach((sized, position) => sizedOf.set(sized.workload, { sized, position }));
    for (const pdb of ctx.index.ofKind("PodDisruptionBudget")) {
        const spec = pdb.resource.props.spec ?? {};
        if (spec.selector === undefined) continue;
        const selected = [...new Set(ctx.index.workloadsSelectedBy(spec.selector, pdb.ref.namespace))]
            .flatMap((w) => sizedOf.get(w) ?? []).sort((a, b) => a.position - b.position).map((e) => e.sized);
        if (selected.length === 0) continue;
        const minimum = selected.reduce((sum, w) => sum + w.minReplicas, 0);
        const basis = selected.map((w) => `${w.workload.kind} ${w.workload.ref.name} ${MINIMUM_FIELD[w.scaledBy ?? "none"]} ${w.minReplicas}`).join(", ");
        let allowed: number;
        let rule: string;
        if (spec.minAvailable !== undefined) {
            const available = scaled(spec.minAvailable, minimum, true);
            allowed = minimum - available;
            rule = `minAvailable ${spec.minAvailable}`;
        } else if (spec.maxUnavailable !== undefined) {
            allowed = Math.min(scaled(spec.maxUnavailable, minimum, true), minimum);
            rule = `maxUnavailable ${spec.maxUnavailable}`;
        } else {
            continue;
        }
        if (allowed >= 1) continue;
        ctx.report(pdb, `${rule} leaves ${Math.max(allowed, 0)} disruptions at the minimum of ${minimum} pods (${basis}): a node drain blocks`);
    }
};
