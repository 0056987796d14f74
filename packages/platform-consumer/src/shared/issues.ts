// zod issues as the one-line problems the program reports: the key, what it accepts, what it got.
// The stack config and a Microservice's arguments report their mistakes in this form.
import type { z } from "zod";

function valueAt(root: unknown, path: PropertyKey[]): unknown {
    return path.reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as any)[key as any] : undefined), root);
}

function describe(value: unknown): string {
    return value === undefined ? "nothing" : JSON.stringify(value);
}

/** The keys an object schema (or an enum-keyed record) accepts at `path`. */
function acceptedKeysAt(schema: z.ZodType, path: PropertyKey[]): string[] {
    const unwrap = (n: any) => {
        while (["optional", "default", "nullable"].includes(n?._zod?.def?.type)) n = n._zod.def.innerType;
        return n;
    };
    let node: any = unwrap(schema);
    for (const key of path) {
        const def = node?._zod?.def;
        if (def?.type === "object") node = unwrap(def.shape[key as string]);
        else if (def?.type === "record" || def?.type === "array") node = unwrap(def.valueType ?? def.element);
        else return [];
    }
    const def = node?._zod?.def;
    if (def?.type === "object") return Object.keys(def.shape);
    if (def?.type === "record") return def.keyType?._zod?.def?.entries ? Object.keys(def.keyType._zod.def.entries) : [];
    return [];
}

/**
 * One line per zod issue: the full key (`prefix` then the path, e.g. "platform:" + "mesh.revision"),
 * what is accepted, and what was given.
 */
export function formatIssues(prefix: string, schema: z.ZodType, issues: z.core.$ZodIssue[], input: unknown): string[] {
    return issues.map((issue) => {
        const [first, ...rest] = issue.path.map(String);
        const key = `${prefix}${first ?? ""}${rest.map((p) => (/^\d+$/.test(p) ? `[${p}]` : `.${p}`)).join("")}`;
        if (issue.code === "unrecognized_keys") {
            const accepted = acceptedKeysAt(schema, issue.path);
            return `${issue.keys.map((k) => (issue.path.length ? `${key}.${k}` : `${prefix}${k}`)).join(", ")}: unknown key; ` +
                (accepted.length ? `accepted: ${accepted.join(", ")}` : "see README.md#configuration");
        }
        const given = valueAt(input, issue.path);
        const message = issue.message.replace(/^Invalid input: /, "");
        // A missing key fails its type check; say what is wrong first.
        if (given === undefined && (issue.code === "invalid_type" || issue.code === "invalid_union")) return `${key}: required; ${message}`;
        return `${key}: ${message} (got ${describe(given)})`;
    });
}
