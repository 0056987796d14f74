// Progressive delivery's settings contract (platform:progressiveDelivery): Argo Rollouts, whose
// controller moves a service's traffic to a new version step by step (the weights of the mesh's
// named routes) and checks each step against the platform's Prometheus (AnalysisTemplates).
import { z } from "zod";
import { computeResourcesSchema } from "@reference-platform/consumer/shared/resources";

export const progressiveDeliverySettingsSchema = z.strictObject({
    enabled: z.boolean(),
    /** Requests and limits of the controller, Argo Rollouts' one pod. */
    resources: computeResourcesSchema,
});

export type ProgressiveDeliverySettings = z.output<typeof progressiveDeliverySettingsSchema>;
