// What scales a workload, read once for every policy that needs a workload's replica range: an
// HPA, or a KEDA ScaledObject (which creates its own HPA on the cluster, but is all the stack
// declares). Keyed "namespace/kind/name" of the scaled workload.
import { PolicyResource } from "@pulumi/policy";

export interface ReplicaRange {
    min: number;
    max: number;
    /** The kind of the object that scales the workload. */
    scaler: "HorizontalPodAutoscaler" | "ScaledObject";
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

export function replicaRanges(hpas: readonly Autoscaler[], scaledObjects: readonly Autoscaler[]): Map<string, ReplicaRange> {
    const found = new Map<string, ReplicaRange>();
    const visit = (autoscaler: Autoscaler, kind: ReplicaRange["scaler"]) => {
        const { target, range } = rangeOf(autoscaler.resource, kind);
        if (typeof target?.kind !== "string" || typeof target?.name !== "string") return;
        found.set(`${autoscaler.namespace}/${target.kind}/${target.name}`, range);
    };
    hpas.forEach((a) => visit(a, "HorizontalPodAutoscaler"));
    scaledObjects.forEach((a) => visit(a, "ScaledObject"));
    return found;
}
