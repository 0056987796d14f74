// zod issues as the one-line problems the program reports: the key, what it accepts, what it got.
// The platform's stack config, a team program's stack config and a Microservice's arguments report
// their mistakes in this form. A value under a secret path is never printed, nor is an Output's.
import type { z } from "zod";
import { redactUrlCredentials } from "./redact";

export interface FormatOptions {
    /** Whether the value at a path is secret (set with --secret, or a Secret's data): never printed. */
    isSecret?: (path: readonly PropertyKey[]) => boolean;
    /**
     * For stack config: the command that sets a key, e.g. `pulumi config set --path 'uses.mesh' <value>`,
     * added to a problem with a missing or wrong value, and where the README is for unknown keys.
     */
    setCommand?: (path: readonly PropertyKey[], secret: boolean) => string;
}

/** A key as the problems and `pulumi config set --path` write it: "platform:" + "teams[0].name". */
function keyOf(prefix: string, path: readonly PropertyKey[]): string {
    // An array's index is a number in the path; a record's key is a string, even when it is all digits.
    const [first, ...rest] = path;
    return `${prefix}${first === undefined ? "" : String(first)}${rest.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("")}`;
}

/** The stack-config hint: `pulumi config set [--secret] --path '<key>' <value>` for a key of `namespace`. */
export function configSetCommand(namespace: string) {
    return (path: readonly PropertyKey[], secret: boolean) => `pulumi config set${secret ? " --secret" : ""} --path '${keyOf(`${namespace}:`, path)}' <value>`;
}

function valueAt(root: unknown, path: PropertyKey[]): unknown {
    return path.reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as any)[key as any] : undefined), root);
}

/** An Output's value is unknown here, and may be secret: it is never printed. */
function isOutput(value: unknown): boolean {
    return !!value && typeof value === "object" && (value as { __pulumiOutput?: unknown }).__pulumiOutput === true;
}

function describe(value: unknown, secret: boolean): string {
    if (value === undefined) return "nothing";
    if (secret) return "a secret value, not shown";
    if (isOutput(value)) return "an Output";
    return JSON.stringify(value, (_key, v) => (isOutput(v) ? "<Output>" : v)) ?? String(value);
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
export function formatIssues(prefix: string, schema: z.ZodType, issues: z.core.$ZodIssue[], input: unknown, options: FormatOptions = {}): string[] {
    return issues.map((issue) => redactUrlCredentials(formatIssue(prefix, schema, issue, input, options)));
}

/** One issue's line, before URL credentials are redacted. */
function formatIssue(prefix: string, schema: z.ZodType, issue: z.core.$ZodIssue, input: unknown, options: FormatOptions): string {
    const key = keyOf(prefix, issue.path);
    const secret = options.isSecret?.(issue.path) ?? false;
    const hint = options.setCommand ? `; set it with \`${options.setCommand(issue.path, secret)}\`` : "";
    if (issue.code === "unrecognized_keys") {
        const accepted = acceptedKeysAt(schema, issue.path);
        return `${issue.keys.map((k) => (issue.path.length ? `${key}.${k}` : `${prefix}${k}`)).join(", ")}: unknown key; ` +
            (accepted.length ? `accepted: ${accepted.join(", ")}` : "see README.md#configuration");
    }
    if (issue.code === "invalid_key") {
        // The key is wrong, not its value (which may be secret): name the key only.
        const reason = issue.issues[0]?.message.replace(/^Invalid input: /, "") ?? issue.message;
        return `${key}: the key ${reason} (got key ${JSON.stringify(String(issue.path[issue.path.length - 1]))})`;
    }
    const given = valueAt(input, issue.path);
    const message = issue.message.replace(/^Invalid input: /, "");
    // A missing key fails its type check; say what is wrong first.
    if (given === undefined && (issue.code === "invalid_type" || issue.code === "invalid_union")) return `${key}: required; ${message}${hint}`;
    return `${key}: ${message} (got ${describe(given, secret)})${hint}`;
}
