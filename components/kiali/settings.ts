// Kiali's settings contract (platform:mesh.kiali): the mesh console's access and size.
import { z } from "zod";
import { count } from "@reference-platform/consumer/shared/fields";
import { computeResourcesSchema } from "@reference-platform/consumer/shared/resources";

export const KIALI_AUTH_STRATEGIES = ["anonymous", "token"] as const;

export const kialiSettingsSchema = z.strictObject({
    /** Installed where the mesh and monitoring both run (Kiali reads the traffic from Prometheus). */
    enabled: z.boolean(),
    /** anonymous: whoever reaches the port-forward; token: a Kubernetes bearer token, with that user's RBAC. */
    auth: z.enum(KIALI_AUTH_STRATEGIES),
    /** No write actions from the console (and a read-only ClusterRole). */
    viewOnly: z.boolean(),
    replicas: count(),
    resources: computeResourcesSchema,
});

export type KialiSettings = z.output<typeof kialiSettingsSchema>;
