// Exactly the keda chart keys this component sets, checked against the values.yaml of keda 2.20.2.
// A misspelt key fails to compile.
import { ComputeResources } from "@reference-platform/consumer/shared/resources";
import { RestrictedContainerSecurityContext, RestrictedPodSecurityContext } from "@reference-platform/consumer/shared/securityContext";

/** The chart's three pods, as its per-pod keys name them. */
export type KedaPod = "operator" | "metricServer" | "webhooks";

export interface KedaValues {
    resources: Record<KedaPod, ComputeResources>;
    /** The chart's defaults plus what it leaves out (privileged, runAsNonRoot, the pod's seccomp): pinned against a looser upgrade. */
    securityContext: Record<KedaPod, RestrictedContainerSecurityContext>;
    podSecurityContext: Record<KedaPod, RestrictedPodSecurityContext>;
    /**
     * Secrets read in KEDA's own namespace only. By default the operator and the metrics server may
     * list and watch every Secret of the cluster, for TriggerAuthentications; the platform's trigger
     * (the mesh's Prometheus) needs none.
     */
    permissions: { operator: { restrict: { secret: true } }; metricServer: { restrict: { secret: true } } };
    /**
     * Off: it grants the operator get on every resource of every API group, and every scale subresource,
     * for custom scale targets. Microservices scale Deployments, which the chart grants anyway.
     */
    rbac: { enabledCustomScaledRefKinds: false };
    /** Off: the legacy service-link variables of every Service in the namespace. */
    enableServiceLinks: false;
}
