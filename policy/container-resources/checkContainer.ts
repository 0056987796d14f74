// The resource rules for one container: requests set, memory limit set (CPU limit per config),
// requests no higher than limits, nothing above the stack's per-container maxima.
import { quantityValue } from "@reference-platform/grammar";
import { ContainerResourcesConfig } from "./config";

type Resource = "cpu" | "memory";

export interface ResourceProblem {
    control: string;
    message: string;
    /** A required value left unset (a patch leaves it to the live object). */
    unset?: boolean;
}

export function containerResourceProblems(resources: Record<string, any> | undefined, config: ContainerResourcesConfig): ResourceProblem[] {
    const requests = resources?.requests ?? {};
    const limits = resources?.limits ?? {};
    const problems: ResourceProblem[] = [];
    const required: Array<[Record<string, any>, string, Resource, string]> = [
        [requests, "requests", "cpu", "requests"], [requests, "requests", "memory", "requests"], [limits, "limits", "memory", "memoryLimit"],
    ];
    if (config.requireCpuLimit) required.push([limits, "limits", "cpu", "cpuLimit"]);
    for (const [values, field, resource, control] of required) {
        if (values[resource] === undefined || values[resource] === null) problems.push({ control, message: `must set resources.${field}.${resource}`, unset: true });
    }
    const maxima: Record<Resource, string | undefined> = { cpu: config.maxCpu, memory: config.maxMemory };
    for (const resource of ["cpu", "memory"] as const) {
        const request = quantityValue(requests[resource]);
        const limit = quantityValue(limits[resource]);
        if (request !== undefined && limit !== undefined && request > limit) {
            problems.push({ control: "requestsAboveLimits", message: `requests ${resource} ${requests[resource]} above its limit ${limits[resource]}` });
        }
        const max = quantityValue(maxima[resource]);
        if (max === undefined) continue;
        for (const [field, value, raw] of [["request", request, requests[resource]], ["limit", limit, limits[resource]]] as const) {
            if (value !== undefined && value > max) {
                problems.push({ control: "maximum", message: `${resource} ${field} ${raw} exceeds the per-container maximum ${maxima[resource]}` });
            }
        }
    }
    return problems;
}
