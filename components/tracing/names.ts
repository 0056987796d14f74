// Static names. The release name names the chart's objects; the component's own Services give
// the collector and the query UI stable names, so other add-ons get endpoints as plain strings.
import { serviceHost } from "@reference-platform/consumer/shared/clusterDomain";


/** The Helm release: it contains the chart's name, so the chart's Deployment, Service and ServiceAccount are `jaeger`. */
export const RELEASE = "jaeger";

/** Labels the jaeger 4.11.1 chart puts on its all-in-one pods (name = chart name, instance = release). */
export const JAEGER_POD_SELECTOR = {
    "app.kubernetes.io/name": "jaeger",
    "app.kubernetes.io/instance": RELEASE,
    "app.kubernetes.io/component": "all-in-one",
} as const;

export const COLLECTOR_SERVICE = "jaeger-collector";
export const QUERY_SERVICE = "jaeger-query";

export const PORTS = {
    otlpGrpc: 4317,
    otlpHttp: 4318,
    queryHttp: 16686,
    queryGrpc: 16685,
    health: 13133,
    metrics: 8888,
} as const;

/** Secret (basic-auth) with the jaeger Elasticsearch user, in the tracing namespace. */
export const ELASTICSEARCH_CREDENTIALS_SECRET = "jaeger-elasticsearch-credentials";



/** host:port of the OTLP gRPC collector in `namespace`. */
export const otlpGrpcEndpoint = (namespace: string, clusterDomain?: string) =>
    `${serviceHost(COLLECTOR_SERVICE, namespace, clusterDomain)}:${PORTS.otlpGrpc}`;
export const otlpHttpEndpoint = (namespace: string, clusterDomain?: string) =>
    `http://${serviceHost(COLLECTOR_SERVICE, namespace, clusterDomain)}:${PORTS.otlpHttp}`;
export const queryUrl = (namespace: string, clusterDomain?: string) => `http://${serviceHost(QUERY_SERVICE, namespace, clusterDomain)}:${PORTS.queryHttp}`;
