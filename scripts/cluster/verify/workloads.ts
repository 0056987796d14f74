// Whether the controllers ran what was applied: every Deployment, StatefulSet and DaemonSet at its
// desired ready replicas on the fake nodes, every claim bound, and the events that say why not.
import { KubeClient, KubeObject } from "../kubeClient";
import { waitFor } from "../cluster";

export const WORKLOAD_KINDS = ["Deployment", "StatefulSet", "DaemonSet"];

export interface WorkloadState {
    kind: string;
    namespace: string;
    name: string;
    desired: number;
    ready: number;
}

export const isReady = (w: WorkloadState) => w.ready >= w.desired && (w.kind !== "DaemonSet" || w.desired > 0);
export const workloadId = (w: { kind: string; namespace?: string; name: string }) => `${w.kind} ${w.namespace}/${w.name}`;

function state(o: KubeObject): WorkloadState {
    const s = o.status ?? {};
    const [desired, ready] = o.kind === "DaemonSet"
        ? [s.desiredNumberScheduled ?? 0, s.numberReady ?? 0]
        : [o.spec?.replicas ?? 1, s.readyReplicas ?? 0];
    return { kind: o.kind, namespace: o.metadata.namespace!, name: o.metadata.name, desired, ready };
}

export async function workloadStates(client: KubeClient): Promise<WorkloadState[]> {
    const lists = await Promise.all(WORKLOAD_KINDS.map((k) => client.list("apps/v1", k)));
    // List items carry no kind of their own.
    return lists.flatMap((items, i) => items.map((o) => state({ ...o, kind: WORKLOAD_KINDS[i] })));
}

/** Waits until every workload is ready, or the time is up; returns the last states seen. */
export async function awaitWorkloads(client: KubeClient, timeoutMs: number): Promise<WorkloadState[]> {
    let last: WorkloadState[] = [];
    try {
        await waitFor("every workload ready", async () => {
            last = await workloadStates(client);
            return last.every(isReady) ? true : undefined;
        }, timeoutMs, 2000);
    } catch {
        // The caller reports what is not ready, with its events.
    }
    return last;
}

export interface ClaimState {
    namespace: string;
    name: string;
    phase: string;
}

export async function claims(client: KubeClient): Promise<ClaimState[]> {
    return (await client.list("v1", "PersistentVolumeClaim"))
        .map((c) => ({ namespace: c.metadata.namespace!, name: c.metadata.name, phase: c.status?.phase ?? "Pending" }));
}

/** Events that mean a controller could not create or place a Pod: admission and scheduling. */
export const FAILURE_REASONS = ["FailedCreate", "FailedScheduling"];

export interface FailureEvent {
    namespace: string;
    object: string;
    reason: string;
    message: string;
    count: number;
}

export async function failureEvents(client: KubeClient): Promise<FailureEvent[]> {
    const events = [...await client.list("v1", "Event"), ...await client.list("events.k8s.io/v1", "Event")];
    const seen = new Map<string, FailureEvent>();
    for (const e of events) {
        const reason = e.reason;
        if (!FAILURE_REASONS.includes(reason)) continue;
        const regarding = e.involvedObject ?? e.regarding ?? {};
        const message = e.message ?? e.note ?? "";
        const key = `${regarding.namespace}/${regarding.kind}/${regarding.name}/${reason}/${message}`;
        const prior = seen.get(key);
        const count = e.count ?? e.deprecatedCount ?? 1;
        if (prior) prior.count = Math.max(prior.count, count);
        else seen.set(key, { namespace: regarding.namespace ?? "", object: `${regarding.kind} ${regarding.name}`, reason, message, count });
    }
    return [...seen.values()];
}
