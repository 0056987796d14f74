// Exemptions: `{namespace?, kind?, name?, reason, expires?}`. Every given selector must match;
// an exemption with no selector is ignored so it can never switch a policy off wholesale.
// `expires` is a date (YYYY-MM-DD); the exemption holds through the end of that day (UTC), after
// which it stops exempting and the violation says so.
import { JsonSchema } from "./jsonSchema";
import { ObjectRef } from "./objectRef";

export interface Exemption {
    namespace?: string;
    kind?: string;
    /** Exact name, or a pattern where `*` matches any run of characters. */
    name?: string;
    reason: string;
    expires?: string;
}

export const exemptionsSchema: JsonSchema = {
    type: "array",
    description: "Narrow waivers: namespace and/or kind and/or name (glob `*`), each with a reason and an optional expiry date.",
    default: [],
    items: {
        type: "object",
        additionalProperties: false,
        required: ["reason"],
        minProperties: 2,
        properties: {
            namespace: { type: "string", minLength: 1 },
            kind: { type: "string", minLength: 1 },
            name: { type: "string", minLength: 1 },
            reason: { type: "string", minLength: 1 },
            expires: { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$" },
        },
    },
};

export type ExemptionDecision =
    | { exempt: true; exemption: Exemption }
    | { exempt: false; expired?: Exemption };

function globMatches(pattern: string, value: string): boolean {
    if (!pattern.includes("*")) return pattern === value;
    const escaped = pattern.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"));
    return new RegExp(`^${escaped.join(".*")}$`).test(value);
}

function selects(e: Exemption, ref: ObjectRef): boolean {
    if (e.namespace === undefined && e.kind === undefined && e.name === undefined) return false;
    if (e.namespace !== undefined && e.namespace !== ref.namespace) return false;
    if (e.kind !== undefined && e.kind !== ref.kind) return false;
    if (e.name !== undefined && !globMatches(e.name, ref.name)) return false;
    return true;
}

export function isExpired(e: Exemption, now: Date): boolean {
    if (e.expires === undefined) return false;
    const end = Date.parse(`${e.expires}T23:59:59.999Z`);
    return Number.isNaN(end) || now.getTime() > end;
}

export function decideExemption(exemptions: readonly Exemption[] | undefined, ref: ObjectRef, now: Date = new Date()): ExemptionDecision {
    let expired: Exemption | undefined;
    for (const e of exemptions ?? []) {
        if (!selects(e, ref)) continue;
        if (!isExpired(e, now)) return { exempt: true, exemption: e };
        expired = expired ?? e;
    }
    return { exempt: false, expired };
}

export function expiredNote(e: Exemption): string {
    return ` (an exemption matched but expired on ${e.expires}, so it no longer applies; its reason was: ${e.reason})`;
}
