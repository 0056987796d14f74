// What each namespace's ResourceQuotas have left with every workload at its maximum: the numbers
// behind the quota check, for reports (the plan's service map) where a policy can only fail.
import { appendTo } from "../lib/groups";
import { PolicyResource } from "@pulumi/policy";
import { ClusterIndex } from "../lib/clusterIndex";
import { quotaHeadroom } from "./quota";
import { sizedWorkloads } from "./workloads";

export interface HeadroomRow {
    quota: string;
    key: string;
    hard: string;
    needed: string;
    headroom: string;
}

export function namespaceHeadroom(resources: readonly PolicyResource[]): Map<string, HeadroomRow[]> {
    const index = new ClusterIndex(resources);
    const workloads = sizedWorkloads(index);
    const result = new Map<string, HeadroomRow[]>();
    for (const quota of index.ofKind("ResourceQuota")) {
        const rows = quotaHeadroom(quota, workloads.get(quota.ref.namespace) ?? []).map((r) => ({ quota: quota.ref.name, ...r }));
        appendTo(result, quota.ref.namespace, ...rows);
    }
    return result;
}
