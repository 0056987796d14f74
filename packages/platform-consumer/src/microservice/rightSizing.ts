// Right-sizing: a VerticalPodAutoscaler for each of the service's Deployments, in recommendation
// mode (updateMode "Off"). The platform's VPA recommender writes what each container should request
// into its status; nothing evicts or rewrites a pod, and the HPA keeps scaling replicas on the
// requests the service declares. The service dashboard shows the two side by side.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { afterCrd } from "../shared/crdDependency";
import { TrackObjectMeta } from "../shared/objectMeta";

export const VPA_API_VERSION = "autoscaling.k8s.io/v1";

/**
 * The series kube-state-metrics exposes for each VPA's recommended requests (the platform's
 * monitoring add-on configures it: components/monitoring/vpaRecommendationMetrics.ts). One per
 * container and resource, labelled namespace, verticalpodautoscaler, container and resource ("cpu"
 * in cores, "memory" in bytes), named `<prefix>_<name>`.
 */
export const VPA_RECOMMENDATION_METRIC = { prefix: "kube_customresource", name: "vpa_containerrecommendations_target" } as const;

/** The mesh's sidecar: its requests are the mesh's to set (proxy annotations), not the service's. */
const SIDECAR_CONTAINER = "istio-proxy";

export interface RightSizingIntegration {
    /** What installs the VerticalPodAutoscaler CRDs (the platform's vpa chart); absent when another stack did. */
    crdDependency?: pulumi.Resource;
}

/** The recommendation-only VPA of one Deployment, named and labelled like it. */
export function createVerticalPodAutoscaler(
    resourceName: string,
    meta: TrackObjectMeta,
    integration: RightSizingIntegration,
    opts: pulumi.CustomResourceOptions,
): k8s.apiextensions.CustomResource {
    return new k8s.apiextensions.CustomResource(resourceName, {
        apiVersion: VPA_API_VERSION,
        kind: "VerticalPodAutoscaler",
        metadata: meta,
        spec: {
            targetRef: { apiVersion: "apps/v1", kind: "Deployment", name: meta.name },
            updatePolicy: { updateMode: "Off" },
            resourcePolicy: {
                containerPolicies: [
                    { containerName: SIDECAR_CONTAINER, mode: "Off" },
                    { containerName: "*", controlledResources: ["cpu", "memory"] },
                ],
            },
        },
    }, afterCrd(opts, integration.crdDependency));
}
