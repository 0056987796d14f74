// Exactly the external-secrets chart keys this component sets, checked against the values.yaml of
// external-secrets 2.9.0. A misspelt key fails to compile.
import { ComputeResources } from "@reference-platform/consumer/shared/resources";
import { RestrictedContainerSecurityContext, RestrictedPodSecurityContext } from "@reference-platform/consumer/shared/securityContext";

/** The chart renders these without its `enabled` key (external-secrets.renderSecurityContext), which defaults to true. */
interface PodValues {
    resources: ComputeResources;
    podSecurityContext: RestrictedPodSecurityContext;
    /** Equal to the chart's default in 2.9.0 but for `privileged`: written once by the platform, pinned against a looser upgrade. */
    securityContext: RestrictedContainerSecurityContext & { enabled: true };
}

export interface ExternalSecretsValues extends PodValues {
    // No fullnameOverride: the release name (./names RELEASE) contains the chart's name, so the
    // objects are already named external-secrets-*. The chart's own defaults install the CRDs (installCRDs).
    /**
     * Off: a ClusterExternalSecret writes Secrets into many namespaces (and needs namespaces update),
     * a (Cluster)PushSecret writes cluster Secrets into the store. Teams only read, each into its own namespace.
     */
    processClusterExternalSecret: false;
    processPushSecret: false;
    processClusterPushSecret: false;
    /** Team roles are the platform's (components/tenancy): the chart does not widen the built-in edit and admin roles. */
    rbac: { aggregateToEdit: false; aggregateToAdmin: false };
    webhook: PodValues;
    certController: PodValues;
}
