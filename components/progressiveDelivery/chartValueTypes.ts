// Exactly the argo-rollouts chart keys this component sets, checked against the values.yaml of
// argo-rollouts 2.41.0. A misspelt key fails to compile.
import { ComputeResources } from "@reference-platform/consumer/shared/resources";
import { RestrictedContainerSecurityContext, RestrictedPodSecurityContext } from "@reference-platform/consumer/shared/securityContext";
import { METRICS_PORT_NAME } from "./names";

export interface ArgoRolloutsValues {
    /**
     * The Rollout, AnalysisTemplate, AnalysisRun, Experiment and ClusterAnalysisTemplate CRDs, from
     * the chart's templates: the services' Rollouts depend on this chart for them. The chart's
     * default, pinned so an upgrade cannot drop them silently.
     */
    installCRDs: true;
    /**
     * Kept when the add-on is removed (helm.sh/resource-policy: keep, so Pulumi retains them): deleting
     * the CRDs would delete every service's Rollout with them. The chart's default, pinned.
     */
    keepCRDs: true;
    /**
     * Off: the chart labels three ClusterRoles aggregate-to-view/edit/admin, granting write on Rollouts
     * and AnalysisTemplates to everyone bound to edit or admin anywhere. The platform writes them.
     */
    createClusterAggregateRoles: false;
    controller: {
        /** One: the controller only reconciles; a restart delays a step, it never moves traffic by itself. */
        replicas: 1;
        resources: ComputeResources;
        /**
         * The metrics Service (METRICS_PORT), its port named with its protocol (the chart's "metrics"
         * is Istio's IST0118). The chart's ServiceMonitor stays off (its default): a chart-rendered
         * monitor could not wait for the monitoring chart's CRD, so the component writes its own.
         */
        metrics: { enabled: true; service: { portName: typeof METRICS_PORT_NAME } };
    };
    /** The chart's defaults plus what it leaves out (privileged, runAsNonRoot): pinned against a looser upgrade. */
    containerSecurityContext: RestrictedContainerSecurityContext;
    /** The chart's default lacks the seccomp profile. */
    podSecurityContext: RestrictedPodSecurityContext;
    /**
     * Only the mesh's traffic router (istio stays on, its default): Istio's VirtualServices and
     * DestinationRules. The other providers' rules go: Gloo Platform's is verbs *, Gateway API's adds
     * create and update on every ConfigMap, the others reach APIs this platform does not run.
     */
    providerRBAC: {
        providers: {
            smi: false;
            ambassador: false;
            awsLoadBalancerController: false;
            awsAppMesh: false;
            traefik: false;
            apisix: false;
            contour: false;
            glooPlatform: false;
            gatewayAPI: false;
        };
    };
    /**
     * Off, pinned (its default): the UI serves every Rollout of the cluster, with abort and promote, to
     * whoever reaches it, without login. `kubectl argo rollouts` and Argo CD show Rollouts.
     */
    dashboard: { enabled: false };
    // Notifications stay as the chart leaves them: no Secret, and an empty ConfigMap that turns no
    // notifier on. The chart's Deployment has no enableServiceLinks or automountServiceAccountToken
    // knob in 2.41.0 (the ServiceAccount token is exempted: infra/policyConfig/base.ts).
}
