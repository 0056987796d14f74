// The service's alerting rules: recorded error ratios per burn-rate window, the SLO burn-rate
// alerts, and RED symptom alerts (errors, p95 latency, restarts). Alerts carry namespace and
// service so Alertmanager groups them, and severity to pick the receiver.
import type { IPrometheusRule } from "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule" with { "resolution-mode": "import" };
import { BURN_RATE_WINDOWS, errorBudget, RECORDED_WINDOWS } from "./burnRate";
import { Objectives } from "./objectives";
import { containerMatchers, errorRatio, latencyQuantile, PLATFORM_METRICS, ServiceSeries } from "./promql";

export type PrometheusRuleSpec = NonNullable<IPrometheusRule["spec"]>;
type Rule = NonNullable<PrometheusRuleSpec["groups"]>[number]["rules"] extends (infer R)[] | undefined ? R : never;

export const ALERTS = {
    errorBudgetBurn: "ServiceErrorBudgetBurn",
    highErrorRatio: "ServiceHighErrorRatio",
    highLatency: "ServiceHighLatencyP95",
    restarts: "ServiceContainerRestarts",
} as const;

/** Name of the recorded 5xx ratio over a window, e.g. service:http_error_ratio:rate5m. */
export const errorRatioRecord = (window: string) => `service:http_error_ratio:rate${window}`;

export function prometheusRuleSpec(series: ServiceSeries, objectives: Objectives): PrometheusRuleSpec {
    const budget = errorBudget(objectives.slo);
    const selector = `{namespace="${series.namespace}", service="${series.service}"}`;
    const labels = (severity: string) => ({ severity, namespace: series.namespace, service: series.service });
    const burning = (factor: number, window: string) => `${errorRatioRecord(window)}${selector} > (${factor} * ${budget})`;

    const recordings: Rule[] = RECORDED_WINDOWS.map((window) => ({ record: errorRatioRecord(window), expr: errorRatio(series, window) }));
    const burnAlerts: Rule[] = (["critical", "warning"] as const).map((severity) => {
        const windows = BURN_RATE_WINDOWS.filter((w) => w.severity === severity);
        return {
            alert: ALERTS.errorBudgetBurn,
            expr: windows.map((w) => `(\n  ${burning(w.factor, w.long)}\nand\n  ${burning(w.factor, w.short)}\n)`).join("\nor\n"),
            for: severity === "critical" ? "2m" : "15m",
            labels: { ...labels(severity), slo: String(objectives.slo) },
            annotations: {
                summary: `${series.service} is spending its ${objectives.slo}% availability error budget too fast`,
                description: `5xx ratio over ${windows.map((w) => `${w.long}/${w.short}`).join(" or ")} exceeds ` +
                    `${windows.map((w) => `${w.factor}x`).join(" / ")} the budget of ${budget}.`,
            },
        };
    });
    const red: Rule[] = [
        {
            alert: ALERTS.highErrorRatio,
            expr: `${errorRatioRecord("5m")}${selector} > ${objectives.thresholds.errorRatio}`,
            for: "10m",
            labels: labels("warning"),
            annotations: { summary: `${series.service}: more than ${objectives.thresholds.errorRatio * 100}% of requests fail with 5xx` },
        },
        {
            alert: ALERTS.highLatency,
            expr: `${latencyQuantile(series, 0.95, "5m")} > ${objectives.thresholds.p95LatencySeconds}`,
            for: "10m",
            labels: labels("warning"),
            annotations: { summary: `${series.service}: p95 latency above ${objectives.thresholds.p95LatencySeconds}s` },
        },
        {
            alert: ALERTS.restarts,
            expr: `sum by (namespace, pod) (increase(${PLATFORM_METRICS.restarts}{${containerMatchers(series)}}[30m])) >= ${objectives.thresholds.restarts}`,
            labels: labels("warning"),
            annotations: { summary: `${series.service}: pod {{ $labels.pod }} restarted ${objectives.thresholds.restarts}+ times in 30m` },
        },
    ];
    return {
        groups: [
            { name: `${series.service}.slo`, rules: [...recordings, ...burnAlerts] },
            { name: `${series.service}.red`, rules: red },
        ],
    };
}
