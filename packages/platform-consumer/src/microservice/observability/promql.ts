// The series the alerts and the dashboard read, and how one service's series are selected.
// A ServiceMonitor target carries the namespace and the Kubernetes Service's name as labels.
import { RedMetricNames } from "../args";
import { VPA_RECOMMENDATION_METRIC } from "../rightSizing";

/** Prometheus naming conventions; podinfo exposes exactly these (pkg/api/http/metrics.go). */
export const DEFAULT_RED_METRICS: RedMetricNames = {
    requestsTotal: "http_requests_total",
    statusLabel: "status",
    durationHistogram: "http_request_duration_seconds",
};

/** Series the platform itself collects for every pod: kube-state-metrics and the kubelet's cAdvisor. */
export const PLATFORM_METRICS = {
    restarts: "kube_pod_container_status_restarts_total",
    cpuSeconds: "container_cpu_usage_seconds_total",
    memoryWorkingSet: "container_memory_working_set_bytes",
    /** kube-state-metrics: each container's requests, labelled resource ("cpu", "memory"). */
    requests: "kube_pod_container_resource_requests",
    /** kube-state-metrics (custom resource state): what the service's VPA recommends it request. */
    vpaTarget: `${VPA_RECOMMENDATION_METRIC.prefix}_${VPA_RECOMMENDATION_METRIC.name}`,
    /** The Argo Rollouts controller: 1 per Rollout, labelled namespace, name and phase (controller/metrics/prommetrics.go). */
    rolloutInfo: "rollout_info",
} as const;

export interface ServiceSeries {
    namespace: string;
    service: string;
    /** The service's container name (the per-container series of kube-state-metrics and cAdvisor). */
    container: string;
    metrics: RedMetricNames;
    /** The service has VPAs (the platform runs the recommender): the dashboard shows their advice. */
    rightSizing: boolean;
    /** An Argo Rollout runs the service's pods (delivery.strategy "progressive"): the alerts watch its canaries. */
    rollout: boolean;
}

const SERVER_ERRORS = "5..";

/** Label matchers of the service's own scraped series. */
export const serviceMatchers = (s: ServiceSeries) => `namespace="${s.namespace}", service="${s.service}"`;
/** Label matchers of the series the platform collects about the service's containers. */
export const containerMatchers = (s: ServiceSeries) => `namespace="${s.namespace}", container="${s.container}"`;

export function requestRate(series: ServiceSeries, window: string, by = "namespace, service"): string {
    return `sum by (${by}) (rate(${series.metrics.requestsTotal}{${serviceMatchers(series)}}[${window}]))`;
}

export function errorRate(series: ServiceSeries, window: string, by = "namespace, service"): string {
    return `sum by (${by}) (rate(${series.metrics.requestsTotal}{${serviceMatchers(series)}, ${series.metrics.statusLabel}=~"${SERVER_ERRORS}"}[${window}]))`;
}

export function errorRatio(series: ServiceSeries, window: string, by = "namespace, service"): string {
    return `${errorRate(series, window, by)}\n/\n${requestRate(series, window, by)}`;
}

export function latencyQuantile(series: ServiceSeries, quantile: number, window: string, by = "namespace, service"): string {
    return `histogram_quantile(${quantile}, sum by (${by}, le) (rate(${series.metrics.durationHistogram}_bucket{${serviceMatchers(series)}}[${window}])))`;
}
