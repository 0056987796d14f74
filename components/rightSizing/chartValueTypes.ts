// Exactly the vpa chart keys this component sets, checked against the values.yaml of Fairwinds'
// vpa 5.0.0. A misspelt key fails to compile.
import { ComputeResources } from "@reference-platform/consumer/shared/resources";
import { RestrictedContainerSecurityContext } from "@reference-platform/consumer/shared/securityContext";

export interface VpaValues {
    /** On by the chart's default. */
    recommender: {
        resources: ComputeResources;
        /** The chart's default but for runAsNonRoot: written once by the platform, pinned against a looser upgrade. */
        securityContext: RestrictedContainerSecurityContext;
    };
    /** Off: it evicts pods to apply recommendations, which updateMode "Off" never asks for. */
    updater: { enabled: false };
    /** Off: it rewrites pods' requests at admission, and registers a fail-open webhook for every pod. */
    admissionController: { enabled: false };
    // The chart's bundled metrics-server stays off (its default): platform:resourceMetrics installs
    // or declares the one the cluster has.
}
