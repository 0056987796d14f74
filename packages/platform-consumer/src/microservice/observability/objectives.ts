// What "healthy" means for a service: the availability SLO behind the burn-rate alerts and the
// RED thresholds behind the symptom alerts, validated before anything is registered (the SLO's
// range by sloSchema in ../settings, with the settings a stack can set).
import { AlertThresholds } from "../args";

export const DEFAULT_SLO_PERCENT = 99.9;
export const DEFAULT_ALERT_THRESHOLDS: AlertThresholds = { errorRatio: 0.05, p95LatencySeconds: 0.5, restarts: 3 };

export interface Objectives {
    /** Availability SLO in percent, e.g. 99.9. */
    slo: number;
    thresholds: AlertThresholds;
}

export function resolveObjectives(slo: number | undefined, thresholds: Partial<AlertThresholds> | undefined, problems: string[]): Objectives {
    const o: Objectives = { slo: slo ?? DEFAULT_SLO_PERCENT, thresholds: { ...DEFAULT_ALERT_THRESHOLDS, ...thresholds } };
    const t = o.thresholds;
    if (!(t.errorRatio > 0 && t.errorRatio <= 1)) problems.push(`alertThresholds.errorRatio: ${t.errorRatio} must be a fraction in (0, 1]`);
    if (!(t.p95LatencySeconds > 0)) problems.push(`alertThresholds.p95LatencySeconds: ${t.p95LatencySeconds} must be positive`);
    if (!Number.isInteger(t.restarts) || t.restarts < 1) problems.push(`alertThresholds.restarts: ${t.restarts} must be a whole number of at least 1`);
    return o;
}
