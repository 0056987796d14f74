// What each workload of a namespace asks for: replicas at its autoscaler's maximum and minimum, the
// surge pods a rolling update adds (or, for a Deployment an Argo Rollout runs, the canary's pods at
// its highest weight beside the full stable set), and one pod's requests and limits after the namespace's
// LimitRange defaults are applied (a missing request takes the default request, else the limit).
import { ClusterIndex, IndexedObject, Workload } from "../lib/clusterIndex";
import { quantityValue } from "@reference-platform/grammar";
import { appendTo } from "../lib/groups";
import { ReplicaRange, replicaRanges } from "../lib/autoscalers";

export type Resource = "cpu" | "memory";
export const RESOURCES: readonly Resource[] = ["cpu", "memory"];

export interface ContainerSize {
    name: string;
    requests: Partial<Record<Resource, number>>;
    limits: Partial<Record<Resource, number>>;
}

export interface SizedWorkload {
    workload: Workload;
    maxReplicas: number;
    minReplicas: number;
    /** From the HPA or ScaledObject, when one scales the workload. */
    autoscaled: boolean;
    /** The kind of what scales it (an autoscaler, or the Rollout that runs its pods), when something does. */
    scaledBy?: ReplicaRange["scaler"];
    /** The Argo Rollout that runs its pods, when one does. */
    rolloutName?: string;
    surge: number;
    containers: ContainerSize[];
}

const SCALABLE = ["Deployment", "StatefulSet", "ReplicaSet", "ReplicationController"];

/** An int-or-percent against a total, rounded up (as the Deployment controller does for maxSurge). */
export function scaled(value: unknown, total: number, roundUp: boolean): number {
    if (typeof value === "number") return value;
    if (typeof value === "string" && value.endsWith("%")) {
        const exact = (Number(value.slice(0, -1)) * total) / 100;
        return roundUp ? Math.ceil(exact) : Math.floor(exact);
    }
    if (typeof value === "string" && /^\d+$/.test(value)) return Number(value);
    return 0;
}

/** The `Container` defaults of a namespace's LimitRanges. */
function containerDefaults(limitRanges: readonly IndexedObject[]) {
    const defaults = { requests: {} as Partial<Record<Resource, number>>, limits: {} as Partial<Record<Resource, number>> };
    for (const lr of limitRanges) {
        for (const item of lr.resource.props.spec?.limits ?? []) {
            if (item?.type !== "Container") continue;
            for (const r of RESOURCES) {
                const request = quantityValue(item.defaultRequest?.[r]);
                const limit = quantityValue(item.default?.[r]);
                if (request !== undefined) defaults.requests[r] ??= request;
                if (limit !== undefined) defaults.limits[r] ??= limit;
            }
        }
    }
    return defaults;
}

export function containerSizes(workload: Workload, limitRanges: readonly IndexedObject[]): ContainerSize[] {
    const defaults = containerDefaults(limitRanges);
    return (workload.podSpec.containers ?? []).map((c: any) => {
        const size: ContainerSize = { name: String(c?.name ?? ""), requests: {}, limits: {} };
        for (const r of RESOURCES) {
            const limit = quantityValue(c?.resources?.limits?.[r]) ?? defaults.limits[r];
            const request = quantityValue(c?.resources?.requests?.[r]) ?? defaults.requests[r] ?? limit;
            if (limit !== undefined) size.limits[r] = limit;
            if (request !== undefined) size.requests[r] = request;
        }
        return size;
    });
}

/** The HPAs, ScaledObjects and Rollouts of the index, by the workload they scale or run. */
function autoscalers(index: ClusterIndex): Map<string, ReplicaRange> {
    const declared = (kind: string) => index.ofKind(kind).map((o) => ({ namespace: o.ref.namespace, resource: o.resource }));
    return replicaRanges(declared("HorizontalPodAutoscaler"), declared("ScaledObject"), declared("Rollout"));
}

/** Extra pods while a new version rolls out at `maxReplicas`: a rolling update's surge, or a Rollout's canary at its highest weight. */
function surgeOf(workload: Workload, range: ReplicaRange | undefined, maxReplicas: number): number {
    if (maxReplicas <= 0) return 0;
    if (range?.rollout) return Math.ceil((range.rollout.maxCanaryWeight * maxReplicas) / 100);
    const spec = workload.resource.props.spec ?? {};
    const rolling = workload.kind === "Deployment" && (spec.strategy?.type ?? "RollingUpdate") === "RollingUpdate";
    return rolling ? scaled(spec.strategy?.rollingUpdate?.maxSurge ?? "25%", maxReplicas, true) : 0;
}

/** Every replicated workload, per namespace, sized. */
export function sizedWorkloads(index: ClusterIndex): Map<string, SizedWorkload[]> {
    const hpas = autoscalers(index);
    const limitRanges = new Map<string, IndexedObject[]>();
    for (const lr of index.ofKind("LimitRange")) appendTo(limitRanges, lr.ref.namespace, lr);
    const result = new Map<string, SizedWorkload[]>();
    for (const workload of index.workloads()) {
        if (!SCALABLE.includes(workload.kind)) continue;
        const spec = workload.resource.props.spec ?? {};
        const hpa = hpas.get(`${workload.ref.namespace}/${workload.kind}/${workload.ref.name}`);
        const replicas = Number(spec.replicas ?? 1);
        const maxReplicas = hpa ? Math.max(hpa.max, hpa.min) : replicas;
        const minReplicas = hpa ? hpa.min : replicas;
        const autoscaled = hpa !== undefined && hpa.scaler !== "Rollout";
        const sized: SizedWorkload = {
            workload, maxReplicas, minReplicas, autoscaled, scaledBy: hpa?.scaler,
            ...(hpa?.rollout ? { rolloutName: hpa.rollout.name } : {}), surge: surgeOf(workload, hpa, maxReplicas),
            containers: containerSizes(workload, limitRanges.get(workload.ref.namespace) ?? []),
        };
        appendTo(result, workload.ref.namespace, sized);
    }
    return result;
}
