// ResourceQuota fit: per namespace, every workload at its maximum (the HPA's maxReplicas, else its
// replicas) plus the surge pods of a rolling update, times one pod's requests and limits, must fit
// each tracked key (requests.cpu/cpu, requests.memory/memory, limits.cpu, limits.memory, pods).
// Scoped quotas (scopes, scopeSelector) count only some pods and are not judged.
import { IndexedObject } from "../lib/clusterIndex";
import { quantityValue } from "@reference-platform/grammar";
import { CapacityCheck } from "./check";
import { formatQuantity } from "./format";
import { Resource, SizedWorkload } from "./workloads";

interface Tracked {
    key: string;
    resource: Resource | "pods";
    field?: "requests" | "limits";
}

const TRACKED: readonly Tracked[] = [
    { key: "requests.cpu", resource: "cpu", field: "requests" }, { key: "cpu", resource: "cpu", field: "requests" },
    { key: "requests.memory", resource: "memory", field: "requests" }, { key: "memory", resource: "memory", field: "requests" },
    { key: "limits.cpu", resource: "cpu", field: "limits" }, { key: "limits.memory", resource: "memory", field: "limits" },
    { key: "pods", resource: "pods" },
];

/** Pods a workload may run at once at its maximum. */
const peakPods = (w: SizedWorkload) => w.maxReplicas + w.surge;

function perPod(w: SizedWorkload, t: Tracked): { value: number; missing: string[] } {
    if (t.resource === "pods") return { value: 1, missing: [] };
    let value = 0;
    const missing: string[] = [];
    for (const c of w.containers) {
        const v = c[t.field!][t.resource];
        if (v === undefined) missing.push(c.name);
        else value += v;
    }
    return { value, missing };
}

function term(w: SizedWorkload, t: Tracked, each: number): string {
    const size = t.resource === "pods" ? "" : `×${formatQuantity(t.resource, each)}`;
    const surge = w.surge > 0 ? ` + ${w.surge} ${w.rolloutName ? "canary" : "surge"}` : "";
    return `${w.workload.ref.name} ${w.maxReplicas}${surge}${size}`;
}

function checkQuota(quota: IndexedObject, workloads: readonly SizedWorkload[], report: (m: string) => void): void {
    const hard: Record<string, unknown> = quota.resource.props.spec?.hard ?? {};
    for (const t of TRACKED) {
        if (!(t.key in hard)) continue;
        const limit = quantityValue(hard[t.key]);
        if (limit === undefined) continue;
        let needed = 0;
        const terms: string[] = [];
        for (const w of workloads) {
            const pods = peakPods(w);
            if (pods === 0) continue;
            const { value, missing } = perPod(w, t);
            if (missing.length > 0) {
                report(`${t.key} is tracked but ${w.workload.kind} ${w.workload.ref.namespace}/${w.workload.ref.name} container ` +
                    `${missing.map((m) => `"${m}"`).join(", ")} sets no ${t.field}.${t.resource} and no LimitRange default applies: its pods are rejected`);
                continue;
            }
            needed += pods * value;
            terms.push(term(w, t, value));
        }
        if (needed <= limit + 1e-9) continue;
        const basis = workloads.some((w) => w.autoscaled) ? "at HPA maximum" : "at full replicas";
        report(`${t.key} ${formatQuantity(t.resource, limit)} < ${formatQuantity(t.resource, needed)} needed ${basis} (${terms.join(", ")})`);
    }
}

/** Headroom per tracked key: what is left at the maximum (negative when it does not fit). */
export function quotaHeadroom(quota: IndexedObject, workloads: readonly SizedWorkload[]): Array<{ key: string; hard: string; needed: string; headroom: string }> {
    const hard: Record<string, unknown> = quota.resource.props.spec?.hard ?? {};
    return TRACKED.filter((t) => t.key in hard && quantityValue(hard[t.key]) !== undefined).map((t) => {
        const limit = quantityValue(hard[t.key])!;
        const needed = workloads.reduce((sum, w) => sum + peakPods(w) * perPod(w, t).value, 0);
        const left = limit - needed;
        return {
            key: t.key, hard: formatQuantity(t.resource, limit), needed: formatQuantity(t.resource, needed),
            headroom: `${left < 0 ? "-" : ""}${formatQuantity(t.resource, Math.abs(left))}`,
        };
    });
}

export const quotaFit: CapacityCheck = (ctx) => {
    for (const quota of ctx.index.ofKind("ResourceQuota")) {
        const spec = quota.resource.props.spec ?? {};
        if ((spec.scopes ?? []).length > 0 || spec.scopeSelector !== undefined) continue;
        const workloads = ctx.workloads.get(quota.ref.namespace) ?? [];
        checkQuota(quota, workloads, (m) => ctx.report(quota, `quota ${quota.ref.namespace}: ${m}`));
    }
};
