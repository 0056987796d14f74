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
    canaryFailed: "ServiceCanaryFailed",
    canaryWaiting: "ServiceCanaryWaiting",
} as const;

/** Phases of a Rollout whose new version did not reach users: rolled back by the analysis, or stuck. */
export const FAILED_ROLLOUT_PHASES = ["Abort", "Error", "Timeout", "InvalidSpec"] as const;

/** How long a canary may wait paused (an inconclusive analysis: no traffic reached it) before someone is told. */
export const CANARY_WAIT_LIMIT = "30m";

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
            ...(series.rollout ? [{ name: `${series.service}.delivery`, rules: canaryAlerts(series) }] : []),
        ],
    };
}

/** A progressive service's canary alerts, on the Rollout's phase as the Argo Rollouts controller exports it. */
function canaryAlerts(series: ServiceSeries): Rule[] {
    const rollout = (phases: string) => `${PLATFORM_METRICS.rolloutInfo}{namespace="${series.namespace}", name="${series.service}", phase=~"${phases}"} == 1`;
    const labels = { severity: "warning", namespace: series.namespace, service: series.service };
    return [
        {
            alert: ALERTS.canaryFailed,
            expr: rollout(FAILED_ROLLOUT_PHASES.join("|")),
            labels,
            annotations: {
                summary: `${series.service}: its new version was rolled back or is stuck (Rollout phase {{ $labels.phase }})`,
                description: "Users are on the stable version. `kubectl argo rollouts get rollout` shows the failed analysis; " +
                    "fix and deploy a new image, or retry with `kubectl argo rollouts retry rollout`.",
            },
        },
        {
            alert: ALERTS.canaryWaiting,
            expr: rollout("Paused"),
            for: CANARY_WAIT_LIMIT,
            labels,
            annotations: {
                summary: `${series.service}: its canary has waited paused for ${CANARY_WAIT_LIMIT}`,
                description: "An inconclusive analysis pauses the canary: no request reached it. Send it traffic, or promote or abort it by hand.",
            },
        },
    ];
}
