// Static names of the request-scaling add-on: KEDA's release, its operator, and the pods' ports
// the API server dials (the chart's containerPorts).

/** The Helm release of the keda chart; the chart names its objects keda-operator, keda-operator-metrics-apiserver, keda-admission-webhooks. */
export const RELEASE = "keda";

/** The operator's Deployment and ServiceAccount: it is the one that queries Prometheus. */
export const OPERATOR = "keda-operator";

/** The metrics API server's secure port in its pod: the API server's aggregator calls it for external.metrics.k8s.io. */
export const METRICS_API_SERVER_PORT = 6443;

/** The admission webhooks' port in their pod: the API server calls it to validate ScaledObjects. */
export const WEBHOOK_PORT = 9443;
