// What a team namespace admits: its LimitRange adds a limit to a container that sets none, and its
// ResourceQuota caps the sum over every pod. A service that breaks either is accepted by Pulumi
// and refused pod by pod on the cluster (the ReplicaSet never gets its pods); here it fails first.
import { quantityValue } from "@reference-platform/grammar";
import { ComputeResources } from "../shared/resources";
import { NamespaceLimits } from "./args";

/** What one service's pods ask of the namespace, in their steady state (every track at its replicas). */
export interface PodBudget {
    service: string;
    pods: number;
    resources: ComputeResources;
}

type Resource = "cpu" | "memory";
const RESOURCES: Resource[] = ["cpu", "memory"];
const QUOTA_KEYS = { requests: { cpu: "requestsCpu", memory: "requestsMemory" }, limits: { cpu: "limitsCpu", memory: "limitsMemory" } } as const;

/** The limit the container runs with: its own, or the one the LimitRange adds. */
function effectiveLimit(resources: ComputeResources, limits: NamespaceLimits, resource: Resource): string | undefined {
    return resources.limits[resource] ?? limits.containerDefaults.limits[resource];
}

/** Problems of one service's own resources against the LimitRange (field: message). */
export function limitRangeProblems(resources: ComputeResources, limits: NamespaceLimits): string[] {
    const problems: string[] = [];
    for (const resource of RESOURCES) {
        if (resources.limits[resource] !== undefined) continue;
        const added = limits.containerDefaults.limits[resource];
        const [request, limit] = [quantityValue(resources.requests[resource]), quantityValue(added)];
        if (request !== undefined && limit !== undefined && request > limit) {
            problems.push(`resources.requests.${resource}: exceeds the ${resource} limit ${JSON.stringify(added)} that the namespace's LimitRange ` +
                `adds to a container without one, so no pod would be admitted; set resources.limits.${resource} at or above the request ` +
                `(got ${JSON.stringify(resources.requests[resource])})`);
        }
        if (added === undefined && resource === "cpu" && quantityValue(limits.quota.limitsCpu) !== undefined) {
            problems.push("resources.limits.cpu: required: the namespace's quota caps limits.cpu and its LimitRange adds no CPU limit, " +
                "so a pod without one is refused (got nothing)");
        }
    }
    return problems;
}

const total = (budgets: PodBudget[], pick: (b: PodBudget) => string | undefined) =>
    budgets.reduce((sum, b) => sum + b.pods * (quantityValue(pick(b)) ?? 0), 0);

/**
 * Problems of the services of one namespace against its quota. One service: the lines name its
 * fields; several: one line per quota key, naming each service's share.
 */
export function quotaProblems(budgets: PodBudget[], limits: NamespaceLimits): string[] {
    const problems: string[] = [];
    const pods = budgets.reduce((sum, b) => sum + b.pods, 0);
    const shares = (pick: (b: PodBudget) => string | undefined) =>
        budgets.map((b) => `${budgets.length > 1 ? `${b.service} ` : ""}${b.pods} × ${JSON.stringify(pick(b))}`).join(" + ");
    if (pods > limits.quota.pods) {
        problems.push(`${budgets.length > 1 ? "" : "replicas: "}${budgets.map((b) => `${budgets.length > 1 ? `${b.service} ` : ""}${b.pods}`).join(" + ")} pods ` +
            `exceed the namespace's quota of ${limits.quota.pods} pods`);
    }
    for (const kind of ["requests", "limits"] as const) {
        for (const resource of RESOURCES) {
            const pick = (b: PodBudget) => (kind === "requests" ? b.resources.requests[resource] : effectiveLimit(b.resources, limits, resource));
            if (budgets.some((b) => pick(b) === undefined)) continue;
            const quotaKey = QUOTA_KEYS[kind][resource];
            const cap = quantityValue(limits.quota[quotaKey]);
            if (cap !== undefined && total(budgets, pick) > cap) {
                problems.push(`${budgets.length > 1 ? "" : `resources.${kind}.${resource}: `}${shares(pick)} exceed the namespace's quota ` +
                    `${quotaKey} ${JSON.stringify(limits.quota[quotaKey])}, so pods beyond it are refused; lower the ${kind} or the replicas`);
            }
        }
    }
    return problems;
}
