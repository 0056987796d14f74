// PodDisruptionBudgets leave room to drain: at the selected workloads' minimum replicas (the
// HPA's minReplicas, else replicas), the budget allows at least one disruption. minAvailable and
// maxUnavailable percentages round up, as the disruption controller does.
import { CapacityCheck } from "./check";
import { scaled } from "./workloads";

export const disruptionRoom: CapacityCheck = (ctx) => {
    for (const pdb of ctx.index.ofKind("PodDisruptionBudget")) {
        const spec = pdb.resource.props.spec ?? {};
        if (spec.selector === undefined) continue;
        const pods = new Set(ctx.index.workloadsSelectedBy(spec.selector, pdb.ref.namespace));
        const selected = (ctx.workloads.get(pdb.ref.namespace) ?? []).filter((w) => pods.has(w.workload));
        if (selected.length === 0) continue;
        const minimum = selected.reduce((sum, w) => sum + w.minReplicas, 0);
        const basis = selected.map((w) => `${w.workload.kind} ${w.workload.ref.name} ${w.autoscaled ? "HPA minReplicas" : "replicas"} ${w.minReplicas}`).join(", ");
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
