// Monitoring's settings contract (platform:monitoring): kube-prometheus-stack's sizes and retention.
import { z } from "zod";
import { bytes, duration, replicas } from "@reference-platform/consumer/shared/fields";
import { computeResourcesSchema } from "@reference-platform/consumer/shared/resources";

export const monitoringSettingsSchema = z.strictObject({
    enabled: z.boolean(),
    prometheusReplicas: replicas,
    /** Prometheus retention, e.g. "7d". */
    retention: duration,
    storageSize: bytes,
    prometheusResources: computeResourcesSchema,
    alertmanagerReplicas: replicas,
    grafanaReplicas: replicas,
});

export type MonitoringSettings = z.output<typeof monitoringSettingsSchema>;
