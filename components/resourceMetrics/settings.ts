// The resource metrics API's settings contract (platform:resourceMetrics): who serves
// metrics.k8s.io on the stack's cluster. Every HorizontalPodAutoscaler on cpu or memory reads it;
// without it an HPA reports <unknown> and never scales, and nothing else says so.
// - "metrics-server": the platform installs metrics-server (kind, k3d, minikube and EKS ship none).
// - "cluster": the cluster already serves it (GKE, AKS); the platform installs nothing.
// - "none": nothing serves it; the pack's autoscaling-metrics-source policy reports every HPA that
//   scales on cpu or memory.
import { z } from "zod";
import { count } from "@reference-platform/consumer/shared/fields";
import { computeResourcesSchema } from "@reference-platform/consumer/shared/resources";

export const RESOURCE_METRICS_SOURCES = ["metrics-server", "cluster", "none"] as const;
export type ResourceMetricsSource = (typeof RESOURCE_METRICS_SOURCES)[number];

export const resourceMetricsSettingsSchema = z.strictObject({
    source: z.enum(RESOURCE_METRICS_SOURCES, { message: `must be one of ${RESOURCE_METRICS_SOURCES.map((s) => `"${s}"`).join(", ")}` }),
    /** metrics-server's replicas; two or more get a PodDisruptionBudget. */
    replicas: count(),
    /**
     * Skip verifying the kubelets' serving certificates. kind, k3d and minikube kubelets serve
     * self-signed ones that no cluster CA signed, so metrics-server cannot verify them; a managed
     * cluster's kubelets serve certificates its CA signed. Refused in prod (infra/config/schema.ts).
     */
    kubeletInsecureTls: z.boolean(),
    resources: computeResourcesSchema,
});

export type ResourceMetricsSettings = z.output<typeof resourceMetricsSettingsSchema>;
