// Tracing's settings contract (platform:tracing): the Jaeger v2 collector's storage and size.
import { z } from "zod";
import { replicas } from "@reference-platform/consumer/shared/fields";
import { computeResourcesSchema } from "@reference-platform/consumer/shared/resources";

export const tracingSettingsSchema = z.strictObject({
    enabled: z.boolean(),
    /** "memory" keeps traces in the collector (dev); "elasticsearch" uses the logging cluster. */
    storage: z.enum(["memory", "elasticsearch"]),
    replicas,
    resources: computeResourcesSchema,
});

export type TracingSettings = z.output<typeof tracingSettingsSchema>;
