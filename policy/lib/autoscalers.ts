// What scales a workload, read once for every policy that needs a workload's replica range: an
// HPA, or a KEDA ScaledObject (which creates its own HPA on the cluster, but is all the stack
// declares). Keyed "namespace/kind/name" of the scaled workload. A Deployment that an Argo Rollout
// runs (workloadRef) takes the Rollout's range: its own pods give way to the Rollout's.
import { PolicyResource } from "@pulumi/policy";

export interface ReplicaRange {
    min: number;
    max: number;
    /** The kind of the object that scales the workload; for a Rollout with no autoscaler, "Rollout". */
    scaler: "HorizontalPodAutoscaler" | "ScaledObject" | "Rollout";
    /** The Rollout that runs the workload's pods, and the most traffic its steps give a canary (percent). */
    rollout?: { name: string; maxCanaryWeight: number };
}

/** The declared autoscaler and its namespace ("default" when unset). */
export interface Autoscaler {
    namespace: string;
    resource: PolicyResource;
}

/** The API's defaults where a field is unset: HPA minReplicas 1; ScaledObject 0 to 100 on a Deployment. */
function rangeOf(resource: PolicyResource, kind: ReplicaRange["scaler"]): { target: any; range: ReplicaRange } {
    const spec = resource.props.spec ?? {};
    if (kind === "HorizontalPodAutoscaler") {
        return { target: spec.scaleTargetRef, range: { min: Number(spec.minReplicas ?? 1), max: Number(spec.maxReplicas ?? 1), scaler: kind } };
    }
    const target = spec.scaleTargetRef && { kind: "Deployment", ...spec.scaleTargetRef };
    return { target, range: { min: Number(spec.minReplicaCount ?? 0), max: Number(spec.maxReplicaCount ?? 100), scaler: kind } };
}

/**
 * The most traffic a canary Rollout's steps send to the new version: its highest setWeight, or all of
 * it without traffic routing (the canary then grows by replica count) or without steps.
 */
export function maxCanaryWeight(rolloutSpec: any): number {
    const canary = rolloutSpec?.strategy?.canary;
    if (!canary) return 100;
    const weights = (Array.isArray(canary.steps) ? canary.steps : [])
        .map((step: any) => Number(step?.setWeight)).filter((w: number) => Number.isFinite(w));
    return canary.trafficRouting && weights.length > 0 ? Math.max(...weights) : 100;
}

export function replicaRanges(
    hpas: readonly Autoscaler[], scaledObjects: readonly Autoscaler[], rollouts: readonly Autoscaler[] = [],
): Map<string, ReplicaRange> {
    const found = new Map<string, ReplicaRange>();
    const visit = (autoscaler: Autoscaler, kind: "HorizontalPodAutoscaler" | "ScaledObject") => {
        const { target, range } = rangeOf(autoscaler.resource, kind);
        if (typeof target?.kind !== "string" || typeof target?.name !== "string") return;
        found.set(`${autoscaler.namespace}/${target.kind}/${target.name}`, range);
    };
    hpas.forEach((a) => visit(a, "HorizontalPodAutoscaler"));
    scaledObjects.forEach((a) => visit(a, "ScaledObject"));
    for (const { namespace, resource } of rollouts) {
        const spec = resource.props.spec ?? {};
        const ref = spec.workloadRef;
        const name = resource.props.metadata?.name;
        if (typeof ref?.kind !== "string" || typeof ref?.name !== "string" || typeof name !== "string") continue;
        const replicas = Number(spec.replicas ?? 1);
        const own = found.get(`${namespace}/Rollout/${name}`) ?? { min: replicas, max: replicas, scaler: "Rollout" as const };
        found.set(`${namespace}/${ref.kind}/${ref.name}`, { ...own, rollout: { name, maxCanaryWeight: maxCanaryWeight(spec) } });
    }
    return found;
}
