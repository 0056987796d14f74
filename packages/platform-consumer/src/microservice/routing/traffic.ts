// Mesh traffic settings of a service: defaults that suit a small HTTP API, the service's
// overrides on top, and the checks that keep Istio from rejecting the objects at apply time.
import { TrafficOverrides, TrafficSettings } from "../args";
import { durationMillis } from "./duration";

export const DEFAULT_TRAFFIC: TrafficSettings = {
    timeout: "10s",
    // Only failures that are safe to retry: the request never reached the app, or a gateway error.
    retries: { attempts: 2, perTryTimeout: "3s", retryOn: "connect-failure,refused-stream,reset,gateway-error" },
    connectionPool: { maxConnections: 100, http1MaxPendingRequests: 100, http2MaxRequests: 1000, maxRequestsPerConnection: 0 },
    outlierDetection: { consecutive5xxErrors: 5, interval: "10s", baseEjectionTime: "30s", maxEjectionPercent: 50 },
};

export function resolveTraffic(overrides: TrafficOverrides | undefined, problems: string[]): TrafficSettings {
    const t: TrafficSettings = {
        timeout: overrides?.timeout ?? DEFAULT_TRAFFIC.timeout,
        retries: { ...DEFAULT_TRAFFIC.retries, ...overrides?.retries },
        connectionPool: { ...DEFAULT_TRAFFIC.connectionPool, ...overrides?.connectionPool },
        outlierDetection: { ...DEFAULT_TRAFFIC.outlierDetection, ...overrides?.outlierDetection },
    };
    const durations: [string, string][] = [
        ["traffic.timeout", t.timeout], ["traffic.retries.perTryTimeout", t.retries.perTryTimeout],
        ["traffic.outlierDetection.interval", t.outlierDetection.interval],
        ["traffic.outlierDetection.baseEjectionTime", t.outlierDetection.baseEjectionTime],
    ];
    for (const [field, value] of durations) {
        if (durationMillis(value) === undefined) problems.push(`${field}: must be a duration such as "500ms" or "5s" (got ${JSON.stringify(value) ?? String(value)})`);
    }
    const perTry = durationMillis(t.retries.perTryTimeout);
    const total = durationMillis(t.timeout);
    if (perTry !== undefined && total !== undefined && perTry > total) {
        problems.push(`traffic.retries.perTryTimeout ${t.retries.perTryTimeout} exceeds traffic.timeout ${t.timeout}`);
    }
    if (!Number.isInteger(t.retries.attempts) || t.retries.attempts < 0) {
        problems.push(`traffic.retries.attempts: ${t.retries.attempts} must be a whole number of at least 0`);
    }
    for (const [key, value] of Object.entries({ ...t.connectionPool, consecutive5xxErrors: t.outlierDetection.consecutive5xxErrors })) {
        if (!Number.isInteger(value) || value < 0) problems.push(`traffic: ${key} ${value} must be a whole number of at least 0`);
    }
    const eject = t.outlierDetection.maxEjectionPercent;
    if (!(eject >= 0 && eject <= 100)) problems.push(`traffic.outlierDetection.maxEjectionPercent: ${eject} must be 0-100`);
    return t;
}
