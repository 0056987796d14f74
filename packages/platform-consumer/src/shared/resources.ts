// A container's compute resources: Kubernetes quantities as strings ("250m", "512Mi"), requests
// within limits. Every component that runs containers takes its resources in this shape.
import { z } from "zod";
import { bytes, cpu, EVERY_PASS, isRecord } from "./fields";
import { quantityValue } from "@reference-platform/grammar";

/** requests.<r> <= limits.<r> for each resource both set. */
function requestsWithinLimits(resources: unknown, ctx: z.core.$RefinementCtx): void {
    if (!isRecord(resources) || !isRecord(resources.requests) || !isRecord(resources.limits)) return;
    for (const resource of ["cpu", "memory"]) {
        const [request, limit] = [quantityValue(resources.requests[resource]), quantityValue(resources.limits[resource])];
        if (request !== undefined && limit !== undefined && request > limit) {
            ctx.addIssue({ code: "custom", path: ["requests", resource], message: `exceeds limits.${resource} ${JSON.stringify(resources.limits[resource])}` });
        }
    }
}

export const computeResourcesSchema = z.strictObject({
    requests: z.strictObject({ cpu, memory: bytes }),
    /** cpu is optional: a CPU limit throttles latency-sensitive services (see policy container-resources). */
    limits: z.strictObject({ cpu: cpu.optional(), memory: bytes }),
}).superRefine(requestsWithinLimits, EVERY_PASS);

export type ComputeResources = z.output<typeof computeResourcesSchema>;
