// Two duration grammars, each where its consumer reads it:
// - Go durations (time.ParseDuration), which Istio and Envoy take for timeouts, retries, fault delays
//   and outlier detection: [sign] (number unit)+ with units ns, us (µs, μs), ms, s, m, h and decimal
//   numbers ("1.5s", "1h30m", ".5s"); "0" needs no unit. There is no day unit: "1d" is invalid.
// - Prometheus durations (model.ParseDuration), which Prometheus takes for retention, rule windows and
//   scrape intervals: whole numbers with units y, w, d, h, m, s, ms, each at most once and largest
//   first ("1w", "1h30m", "30d"); "0" needs no unit. A year is 365 days, a week 7.

const GO_UNIT_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, "µs": 1e-3, "μs": 1e-3, ms: 1, s: 1e3, m: 60e3, h: 3600e3 };
const GO_SEGMENT = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/y;

/** A Go duration in milliseconds (negative when signed so), or undefined when `text` is not one. */
export function goDurationMilliseconds(text: string): number | undefined {
    const sign = text.startsWith("-") ? -1 : 1;
    const body = /^[+-]/.test(text) ? text.slice(1) : text;
    if (body === "0") return 0;
    if (body === "") return undefined;
    let total = 0;
    GO_SEGMENT.lastIndex = 0;
    while (GO_SEGMENT.lastIndex < body.length) {
        const match = GO_SEGMENT.exec(body);
        if (!match) return undefined;
        total += Number(match[1]) * GO_UNIT_MS[match[2]];
    }
    return total === 0 ? 0 : sign * total;
}

export function isGoDuration(text: string): boolean {
    return goDurationMilliseconds(text) !== undefined;
}

const PROMETHEUS_UNIT_MS = { y: 365 * 86400e3, w: 7 * 86400e3, d: 86400e3, h: 3600e3, m: 60e3, s: 1e3, ms: 1 };
const PROMETHEUS_DURATION = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;

/** A Prometheus duration in milliseconds, or undefined when `text` is not one. */
export function prometheusDurationMilliseconds(text: string): number | undefined {
    if (text === "0") return 0;
    const match = text === "" ? null : PROMETHEUS_DURATION.exec(text);
    if (!match) return undefined;
    return Object.values(PROMETHEUS_UNIT_MS).reduce((sum, unit, i) => sum + Number(match[i + 1] ?? 0) * unit, 0);
}

export function isPrometheusDuration(text: string): boolean {
    return prometheusDurationMilliseconds(text) !== undefined;
}
