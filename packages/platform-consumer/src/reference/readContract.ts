// A platform stack's outputs, checked against the contract this package reads: no Pulumi runtime
// needed, so it also takes `pulumi stack output --json` of a platform stack.
import { z } from "zod";
import { CONTRACT_AREAS, CONTRACT_VERSION, contractSchema, PlatformContract } from "../contract/schema";
import { PlatformReferenceError } from "./errors";

/** The contract's values from a platform stack's outputs; fails naming every missing or mistyped field. */
export function readContract(stack: string, outputs: Readonly<Record<string, unknown>>): PlatformContract {
    const version = ownValue(outputs, "contractVersion");
    if (version === undefined) throw new PlatformReferenceError(stack, "has no output \"contractVersion\"; is it a platform stack?");
    if (typeof version !== "number" || !Number.isInteger(version)) {
        throw new PlatformReferenceError(stack, `contractVersion is ${JSON.stringify(version)}, not a version number`);
    }
    if (version < CONTRACT_VERSION) {
        throw new PlatformReferenceError(stack, `exports contract v${version}, older than v${CONTRACT_VERSION} ` +
            "which this package reads; run `pulumi up` on the platform stack first, or use a package version " +
            `${version}.x.x`);
    }
    const missing = CONTRACT_AREAS.filter((area) => ownValue(outputs, area) === undefined);
    if (missing.length > 0) {
        throw new PlatformReferenceError(stack, `has no output ${missing.map((m) => `"${m}"`).join(", ")}, ` +
            `which contract v${CONTRACT_VERSION} requires`);
    }
    const contract: Record<string, unknown> = { contractVersion: version };
    const problems: string[] = [];
    for (const area of CONTRACT_AREAS) {
        const schema = contractSchema.shape[area] as unknown as z.ZodObject;
        const value = ownValue(outputs, area);
        // Fields a newer contract version added are ignored; missing or mistyped ones fail.
        const known = value && typeof value === "object" && !Array.isArray(value)
            ? Object.fromEntries(Object.keys(schema.shape).map((k) => [k, ownValue(value as Record<string, unknown>, k)]))
            : value;
        const parsed = schema.safeParse(known);
        if (parsed.success) contract[area] = parsed.data;
        else problems.push(...parsed.error.issues.map((i) => `${[area, ...i.path].join(".")}: ${i.message}`));
    }
    if (problems.length > 0) {
        throw new PlatformReferenceError(stack, `output does not match contract v${CONTRACT_VERSION}: ${problems.join("; ")}`);
    }
    return contract as PlatformContract;
}

function ownValue(record: Readonly<Record<string, unknown>>, key: string): unknown {
    return Object.hasOwn(record, key) ? record[key] : undefined;
}
