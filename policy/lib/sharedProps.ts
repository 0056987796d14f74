// The one rule for the props a resource's policies are handed, in the built pack
// (./sharedDeserialization.ts, installed by policy/index.ts) and in the in-process runner
// (scripts/policy-run) alike:
// - props with no unknown value anywhere are plain data, shared by every policy of the request and
//   frozen throughout, so a policy that edits them fails at the edit (a TypeError: the pack's
//   modules are strict code) instead of changing what the next policy reads;
// - props holding a value unknown during preview are converted afresh for each policy (its own
//   copy, behind the SDK's unknown-checking proxy, which could not see through frozen objects).
// A remediation gets its own copy in both paths and returns the props it wants.

/**
 * True when `value` is plain JSON-like data with no unknown stand-in anywhere. Anything else (an
 * asset, a resource reference, a class instance) answers false, and keeps the SDK's proxy.
 */
export function knownThroughout(value: unknown, unknowns: ReadonlySet<string>): boolean {
    if (typeof value === "string") return !unknowns.has(value);
    if (value === null || typeof value !== "object") return true;
    if (Array.isArray(value)) return value.every((item) => knownThroughout(item, unknowns));
    if (Object.getPrototypeOf(value) !== Object.prototype) return false;
    for (const key of Object.keys(value)) {
        if (!knownThroughout((value as Record<string, unknown>)[key], unknowns)) return false;
    }
    return true;
}

/** Freezes `value` and every object and array inside it; returns it. */
export function deepFreeze<T>(value: T): T {
    if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
        Object.freeze(value);
        for (const inner of Object.values(value)) deepFreeze(inner);
    }
    return value;
}

/**
 * Whether every policy may share `props`: true when nothing in them is unknown, and then they are
 * frozen throughout; false (and left as they are) when each policy needs its own proxied copy.
 */
export function shareIfKnown(props: Record<string, unknown>, unknowns: ReadonlySet<string>): boolean {
    if (!knownThroughout(props, unknowns)) return false;
    deepFreeze(props);
    return true;
}
