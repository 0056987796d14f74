// Logging's settings contract (platform:logging): the Elasticsearch cluster, Kibana and retention.
import { z } from "zod";
import { atLeast, bytes, replicas } from "@reference-platform/consumer/shared/fields";
import { computeResourcesSchema } from "@reference-platform/consumer/shared/resources";

export const loggingSettingsSchema = z.strictObject({
    enabled: z.boolean(),
    elasticsearchNodes: replicas,
    elasticsearchStorageSize: bytes,
    elasticsearchResources: computeResourcesSchema,
    kibanaReplicas: replicas,
    retentionDays: atLeast(1),
});

export type LoggingSettings = z.output<typeof loggingSettingsSchema>;
