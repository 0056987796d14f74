// A Grafana dashboard per service (Grafana model JSON): traffic by delivery track, error %,
// latency percentiles, and the pods' CPU, memory and restarts; with right-sizing, the CPU and memory
// panels also show what the service requests and what its VPAs recommend. The Grafana sidecar loads
// it from a labelled ConfigMap in the service's own namespace.
import { errorRate, latencyQuantile, PLATFORM_METRICS, requestRate, ServiceSeries, containerMatchers } from "./promql";

const RATE = "$__rate_interval";
const DATASOURCE = { type: "prometheus", uid: "${datasource}" };

interface Panel {
    title: string;
    unit: string;
    targets: { expr: string; legendFormat: string }[];
}

/** The container's requests and its VPAs' recommended targets for one resource, beside its usage. */
function requestsAndAdvice(series: ServiceSeries, resource: "cpu" | "memory"): Panel["targets"] {
    if (!series.rightSizing) return [];
    const matchers = `${containerMatchers(series)}, resource="${resource}"`;
    return [
        { expr: `max(${PLATFORM_METRICS.requests}{${matchers}})`, legendFormat: "requested" },
        { expr: `max by (verticalpodautoscaler) (${PLATFORM_METRICS.vpaTarget}{${matchers}})`, legendFormat: "VPA target {{verticalpodautoscaler}}" },
    ];
}

export function dashboardPanels(series: ServiceSeries): Panel[] {
    const pods = containerMatchers(series);
    return [
        { title: "Request rate", unit: "reqps", targets: [{ expr: requestRate(series, RATE, "track"), legendFormat: "{{track}}" }] },
        {
            title: "Errors (5xx %)",
            unit: "percent",
            targets: [{ expr: `100 * ${errorRate(series, RATE, "track")}\n/\n${requestRate(series, RATE, "track")}`, legendFormat: "{{track}}" }],
        },
        {
            title: "Latency",
            unit: "s",
            targets: [0.5, 0.95, 0.99].map((q) => ({ expr: latencyQuantile(series, q, RATE, "track"), legendFormat: `p${q * 100} {{track}}` })),
        },
        {
            title: "CPU",
            unit: "short",
            targets: [
                { expr: `sum by (pod) (rate(${PLATFORM_METRICS.cpuSeconds}{${pods}}[${RATE}]))`, legendFormat: "{{pod}}" },
                ...requestsAndAdvice(series, "cpu"),
            ],
        },
        {
            title: "Memory (working set)",
            unit: "bytes",
            targets: [
                { expr: `sum by (pod) (${PLATFORM_METRICS.memoryWorkingSet}{${pods}})`, legendFormat: "{{pod}}" },
                ...requestsAndAdvice(series, "memory"),
            ],
        },
        {
            title: "Container restarts (1h)",
            unit: "short",
            targets: [{ expr: `sum by (pod) (increase(${PLATFORM_METRICS.restarts}{${pods}}[1h]))`, legendFormat: "{{pod}}" }],
        },
    ];
}

/** Grafana uids are at most 40 characters. */
export const dashboardUid = (namespace: string, service: string) => `svc-${namespace}-${service}`.slice(0, 40);

export function dashboardJson(series: ServiceSeries): string {
    const panels = dashboardPanels(series).map((p, i) => ({
        id: i + 1,
        type: "timeseries",
        title: p.title,
        datasource: DATASOURCE,
        gridPos: { h: 8, w: 12, x: (i % 2) * 12, y: Math.floor(i / 2) * 8 },
        fieldConfig: { defaults: { unit: p.unit }, overrides: [] },
        targets: p.targets.map((t, j) => ({ refId: String.fromCharCode(65 + j), datasource: DATASOURCE, ...t })),
    }));
    return JSON.stringify({
        uid: dashboardUid(series.namespace, series.service),
        title: `${series.namespace} / ${series.service}`,
        tags: ["service", series.namespace],
        timezone: "browser",
        schemaVersion: 39,
        refresh: "30s",
        time: { from: "now-3h", to: "now" },
        templating: { list: [{ name: "datasource", type: "datasource", query: "prometheus", label: "Prometheus" }] },
        panels,
    }, null, 2);
}
