// Istio's durations ("500ms", "5s", "1h30m"): Go's grammar, from the shared grammar module.
import { goDurationMilliseconds } from "@reference-platform/grammar";

/** The duration in milliseconds, or undefined when `value` is not a string, malformed or negative. */
export function durationMillis(value: unknown): number | undefined {
    if (typeof value !== "string") return undefined;
    const millis = goDurationMilliseconds(value);
    return millis !== undefined && millis >= 0 ? millis : undefined;
}
