// Exemptions waive only what they name:
//   {chart?, namespace?, kind?, name?, controls: [...], reason, expires?}
// - `controls` lists the policy's controls (rules) the exemption waives; every other control
//   still applies to the exempted object.
// - Every given selector must match; at least one of chart, namespace, kind and name is required.
//   `chart` is the resource name (or `*` glob) of the Helm Chart that rendered the object (its parent), so a
//   tenant object named like a chart's cannot claim the chart's exemption.
// - `expires` is a real date (YYYY-MM-DD); the exemption holds through the end of that day (UTC),
//   after which it stops exempting and the violation says so, with the date.
import { DATE_PATTERN, parseCalendarDate } from "./calendarDate";
import { JsonSchema } from "./jsonSchema";
import { ObjectRef } from "./objectRef";

export interface Exemption {
    chart?: string;
    namespace?: string;
    kind?: string;
    /** Exact name, or a pattern where `*` matches any run of characters. */
    name?: string;
    controls: string[];
    reason: string;
    expires?: string;
}

export const SELECTORS = ["chart", "namespace", "kind", "name"] as const;

export function exemptionsSchema(controls: readonly string[]): JsonSchema {
    return {
        type: "array",
        description: "Narrow waivers: chart and/or namespace and/or kind and/or name (glob `*`), the controls waived, " +
            "a reason and an optional expiry date.",
        default: [],
        items: {
            type: "object",
            additionalProperties: false,
            required: ["controls", "reason"],
            description: "An exemption needs controls, a reason and at least one selector: chart, namespace, kind or name.",
            // "At least one selector" in the keywords the SDK's schema type has: no other keys are
            // allowed, so controls + reason (+ expires) + a selector means 3 (or 4) keys.
            minProperties: 3,
            dependencies: { expires: { minProperties: 4 } },
            properties: {
                chart: { type: "string", minLength: 1, description: "Resource name of the Helm Chart that rendered the object." },
                namespace: { type: "string", minLength: 1 },
                kind: { type: "string", minLength: 1 },
                name: { type: "string", minLength: 1 },
                controls: {
                    type: "array", minItems: 1, uniqueItems: true,
                    items: { type: "string", enum: [...controls] },
                    description: "The controls of this policy the exemption waives.",
                },
                reason: { type: "string", minLength: 1 },
                expires: { type: "string", format: "date", pattern: DATE_PATTERN },
            },
        },
    };
}

export type ExemptionDecision =
    | { exempt: true; exemption: Exemption }
    | { exempt: false; expired?: Exemption };

const globCache = new Map<string, RegExp>();

/** The anchored regular expression of a `*` glob (RE2 syntax too, as CEL's `matches` takes it). */
export function globPattern(pattern: string): string {
    const escaped = pattern.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"));
    return `^${escaped.join(".*")}$`;
}

function globMatches(pattern: string, value: string): boolean {
    if (!pattern.includes("*")) return pattern === value;
    let regex = globCache.get(pattern);
    if (!regex) {
        regex = new RegExp(globPattern(pattern));
        globCache.set(pattern, regex);
    }
    return regex.test(value);
}

export function selects(e: Exemption, ref: ObjectRef): boolean {
    if (!SELECTORS.some((s) => e[s] !== undefined)) return false;
    if (e.chart !== undefined && (ref.chart === undefined || !globMatches(e.chart, ref.chart))) return false;
    if (e.namespace !== undefined && e.namespace !== ref.namespace) return false;
    if (e.kind !== undefined && e.kind !== ref.kind) return false;
    if (e.name !== undefined && !globMatches(e.name, ref.name)) return false;
    return true;
}

export function isExpired(e: Exemption, now: Date): boolean {
    if (e.expires === undefined) return false;
    const start = parseCalendarDate(e.expires);
    return start === undefined || now.getTime() >= start + 24 * 3600 * 1000;
}

/** Whether `control` is waived for the object; an exemption not naming the control never applies. */
export function decideExemption(
    exemptions: readonly Exemption[] | undefined, ref: ObjectRef, control: string, now: Date = new Date(),
): ExemptionDecision {
    let expired: Exemption | undefined;
    for (const e of exemptions ?? []) {
        if (!Array.isArray(e.controls) || !e.controls.includes(control) || !selects(e, ref)) continue;
        if (!isExpired(e, now)) return { exempt: true, exemption: e };
        expired = expired ?? e;
    }
    return { exempt: false, expired };
}

export function expiredNote(e: Exemption): string {
    return ` (an exemption matched but expired on ${e.expires}, so it no longer applies; its reason was: ${e.reason})`;
}
