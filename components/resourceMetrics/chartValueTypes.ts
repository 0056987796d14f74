// Exactly the metrics-server chart keys this component sets, checked against the values.yaml of
// metrics-server 3.13.1. A misspelt key fails to compile.
import { ComputeResources } from "@reference-platform/consumer/shared/resources";
import { RestrictedContainerSecurityContext } from "@reference-platform/consumer/shared/securityContext";

export interface MetricsServerValues {
    replicas: number;
    /** Added after the chart's defaultArgs (--cert-dir, --kubelet-preferred-address-types, ...). */
    args?: string[];
    resources: ComputeResources;
    /** The chart's default but for `privileged` and runAsUser: written once by the platform, pinned against a looser upgrade. */
    securityContext: RestrictedContainerSecurityContext;
    /** Only with two or more replicas: one replica never blocks a drain. */
    podDisruptionBudget?: { enabled: true; maxUnavailable: number };
}
