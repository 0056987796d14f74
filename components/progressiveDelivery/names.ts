// Static names of the progressive-delivery add-on: Argo Rollouts' release, its controller, and the
// controller's metrics endpoint (the chart's containerPorts.metrics and its metrics Service).

/** The Helm release of the argo-rollouts chart; its name contains the chart's, so the chart's fullname is the release. */
export const RELEASE = "argo-rollouts";

/** The controller's Deployment, ServiceAccount and ClusterRole (the chart's fullname): it queries Prometheus for each AnalysisRun. */
export const CONTROLLER = RELEASE;

/** The controller's metrics port in its pod, and on its metrics Service (controller.metrics.service.port). */
export const METRICS_PORT = 8090;

/** The port's name on the metrics Service (controller.metrics.service.portName): http-, so the mesh's analysis reads its protocol. */
export const METRICS_PORT_NAME = "http-metrics";

/** The labels the chart puts on the controller's metrics Service (its component plus the chart's selector labels). */
export const METRICS_SERVICE_LABELS = {
    "app.kubernetes.io/component": "rollouts-controller",
    "app.kubernetes.io/name": "argo-rollouts",
    "app.kubernetes.io/instance": RELEASE,
} as const;
