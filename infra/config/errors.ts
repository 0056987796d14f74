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

/** One line per zod issue: the full config key, what is accepted, and what was given. */
export function formatIssues(namespace: string, issues: z.core.$ZodIssue[], input: unknown): string[] {
    return issues.map((issue) => {
        const [area, ...rest] = issue.path.map(String);
        const key = `${namespace}:${area}${rest.map((p) => (/^\d+$/.test(p) ? `[${p}]` : `.${p}`)).join("")}`;
        if (issue.code === "unrecognized_keys") {
            const where = issue.path.length ? key : namespace;
            return `${issue.keys.map((k) => `${where}${issue.path.length ? "." : ":"}${k}`).join(", ")}: unknown key; ` +
                `accepted keys are documented in README.md#configuration`;
        }
        return `${key}: ${issue.message.replace(/^Invalid input: /, "")} (got ${describe(valueAt(input, issue.path))})`;
    });
}
