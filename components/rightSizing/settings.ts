// Right-sizing's settings contract (platform:rightSizing): the Vertical Pod Autoscaler's recommender
// watches every service's usage and recommends requests. Only the recommender runs: no updater (it
// would evict pods to apply them) and no admission controller (it would rewrite pods as they are
// created). Every Microservice gets a VerticalPodAutoscaler with updateMode "Off", so the numbers are
// advice, read on the service's dashboard beside the requests it runs with.
import { z } from "zod";
import { computeResourcesSchema } from "@reference-platform/consumer/shared/resources";

export const rightSizingSettingsSchema = z.strictObject({
    enabled: z.boolean(),
    /** The recommender's own requests and limits: it keeps every container's usage history in memory. */
    resources: computeResourcesSchema,
});

export type RightSizingSettings = z.output<typeof rightSizingSettingsSchema>;
