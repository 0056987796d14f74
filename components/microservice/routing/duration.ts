// Envoy's durations as Istio objects take them ("500ms", "5s", "1m", "1h").
const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** The duration in milliseconds, or undefined when `value` is not one. */
export function durationMillis(value: string): number | undefined {
    const m = DURATION.exec(value);
    return m ? Number(m[1]) * UNIT_MS[m[2]] : undefined;
}
