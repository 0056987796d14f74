// Exactly the external-secrets chart keys this component sets, checked against the values.yaml of
// external-secrets 2.9.0. A misspelt key fails to compile.
import { ComputeResources } from "@reference-platform/consumer/shared/resources";
import { RestrictedContainerSecurityContext, RestrictedPodSecurityContext } from "@reference-platform/consumer/shared/securityContext";

/** The chart renders these without its `enabled` key (external-secrets.renderSecurityContext). */
type Toggled<T> = T & { enabled: true };

interface PodValues {
    resources: ComputeResources;
    podSecurityContext: Toggled<RestrictedPodSecurityContext>;
    securityContext: Toggled<RestrictedContainerSecurityContext>;
}

export interface ExternalSecretsValues extends PodValues {
    /** Pins the Deployments' and ServiceAccounts' names. The chart's own defaults install the CRDs (installCRDs). */
    fullnameOverride: string;
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
