// Static names of the metrics-server add-on: its release (= fullname, since it holds the chart's
// name) and the APIService it registers, which the pack looks for.

/** The Helm release of the metrics-server chart; its objects are named metrics-server. */
export const RELEASE = "metrics-server";

/** The aggregated API metrics-server serves: what an HPA on cpu or memory reads. */
export const METRICS_API_SERVICE = "v1beta1.metrics.k8s.io";

/** metrics-server's port in its pod (the chart's containerPort): the API server calls it there, as do Prometheus's scrapes. */
export const METRICS_SERVER_PORT = 10250;
