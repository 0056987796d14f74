// Multi-window, multi-burn-rate alerting on an availability SLO (Google SRE workbook, "Alerting
// on SLOs"): each alert fires only when both a long and a short window burn the error budget
// faster than the factor, so it pages quickly on a sharp outage and resets quickly once it ends.

export interface BurnRateWindow {
    long: string;
    short: string;
    /** How many times faster than "exactly spend the budget in 30 days". */
    factor: number;
    severity: "critical" | "warning";
}

/** 2% of a 30-day budget in 1h, 5% in 6h (page); 10% in 1d, 10% in 3d (ticket). */
export const BURN_RATE_WINDOWS: BurnRateWindow[] = [
    { long: "1h", short: "5m", factor: 14.4, severity: "critical" },
    { long: "6h", short: "30m", factor: 6, severity: "critical" },
    { long: "1d", short: "2h", factor: 3, severity: "warning" },
    { long: "3d", short: "6h", factor: 1, severity: "warning" },
];

/** Every window an error ratio is recorded over. */
export const RECORDED_WINDOWS = [...new Set(BURN_RATE_WINDOWS.flatMap((w) => [w.short, w.long]))];

/** The fraction of requests allowed to fail, e.g. 0.001 for 99.9%. */
export function errorBudget(sloPercent: number): number {
    return Number((1 - sloPercent / 100).toPrecision(6));
}
