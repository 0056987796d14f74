// Scaling on traffic's settings contract (platform:requestScaling): KEDA, which lets a Microservice
// scale on the requests per second its pods receive (autoscaling.requestRate) instead of cpu and
// memory. It reads the rate from the platform's Prometheus, which scrapes the mesh's sidecars, and
// serves it to the HPA it creates through the external metrics API.
import { z } from "zod";
import { computeResourcesSchema } from "@reference-platform/consumer/shared/resources";

export const requestScalingSettingsSchema = z.strictObject({
    enabled: z.boolean(),
    /** Requests and limits of each of KEDA's three pods: the operator, the metrics API server and the admission webhooks. */
    resources: computeResourcesSchema,
});

export type RequestScalingSettings = z.output<typeof requestScalingSettingsSchema>;
