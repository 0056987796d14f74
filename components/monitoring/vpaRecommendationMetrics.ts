// kube-state-metrics' custom resource state for VerticalPodAutoscalers: since kube-state-metrics
// v2 it has no built-in VPA metrics, so the platform describes the series the services' dashboards
// read (named by VPA_RECOMMENDATION_METRIC in the consumer package), and lets it list and watch VPAs.
import { VPA_API_VERSION, VPA_RECOMMENDATION_METRIC } from "@reference-platform/consumer/microservice";

const [group, version] = VPA_API_VERSION.split("/");

/** One gauge per container of each VPA's recommendation, for one resource. */
function targetGauge(resource: "cpu" | "memory", unit: string) {
    return {
        name: VPA_RECOMMENDATION_METRIC.name,
        help: "The requests a VerticalPodAutoscaler recommends for a container (its status.recommendation target).",
        commonLabels: { resource, unit },
        each: {
            type: "Gauge",
            gauge: {
                path: ["status", "recommendation", "containerRecommendations"],
                valueFrom: ["target", resource],
                labelsFromPath: { container: ["containerName"] },
            },
        },
    };
}

export const VPA_CUSTOM_RESOURCE_STATE = {
    kind: "CustomResourceStateMetrics",
    spec: {
        resources: [{
            groupVersionKind: { group, version, kind: "VerticalPodAutoscaler" },
            metricNamePrefix: VPA_RECOMMENDATION_METRIC.prefix,
            labelsFromPath: {
                namespace: ["metadata", "namespace"],
                verticalpodautoscaler: ["metadata", "name"],
                target_kind: ["spec", "targetRef", "kind"],
                target_name: ["spec", "targetRef", "name"],
            },
            metrics: [targetGauge("cpu", "core"), targetGauge("memory", "byte")],
        }],
    },
};

/** What kube-state-metrics' ClusterRole gains to read them. */
export const VPA_READ_RULE = { apiGroups: [group], resources: ["verticalpodautoscalers"], verbs: ["list", "watch"] };
