import type { z } from "zod";

/** A stack configuration mistake, reported before any resource is registered. */
export class ConfigError extends Error {
    constructor(readonly problems: string[]) {
        super(`Invalid stack configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
        this.name = "ConfigError";
    }
}

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

/** One line per zod issue: the full config key, what is accepted, and what was given. */
export function formatIssues(namespace: string, schema: z.ZodType, issues: z.core.$ZodIssue[], input: unknown): string[] {
    return issues.map((issue) => {
        const [area, ...rest] = issue.path.map(String);
        const key = `${namespace}:${area}${rest.map((p) => (/^\d+$/.test(p) ? `[${p}]` : `.${p}`)).join("")}`;
        if (issue.code === "unrecognized_keys") {
            const where = issue.path.length ? key : namespace;
            const accepted = acceptedKeysAt(schema, issue.path);
            return `${issue.keys.map((k) => `${where}${issue.path.length ? "." : ":"}${k}`).join(", ")}: unknown key; ` +
                (accepted.length ? `accepted: ${accepted.join(", ")}` : "see README.md#configuration");
        }
        const given = valueAt(input, issue.path);
        const message = issue.message.replace(/^Invalid input: /, "");
        // A missing key fails its type check; say what is wrong first.
        if (given === undefined && (issue.code === "invalid_type" || issue.code === "invalid_union")) return `${key}: required; ${message}`;
        return `${key}: ${message} (got ${describe(given)})`;
    });
}
