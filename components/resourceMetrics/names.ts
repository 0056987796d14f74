// Static names of the metrics-server add-on: its release (= fullname, since it holds the chart's
// name) and its pod port.

/** The Helm release of the metrics-server chart; its objects are named metrics-server. */
export const RELEASE = "metrics-server";

/** metrics-server's port in its pod (the chart's containerPort): the API server calls it there, as do Prometheus's scrapes. */
export const METRICS_SERVER_PORT = 10250;
