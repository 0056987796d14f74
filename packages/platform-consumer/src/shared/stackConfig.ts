// A Pulumi program's own stack config (`<namespace>:*` keys), read the way the platform reads its
// own: every key checked against one schema, every mistake in one error, with the accepted keys,
// what was given and the `pulumi config set --path` that sets it. Keys that hold secrets must be
// set with --secret, and no value set with --secret is ever printed.
import * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import { configSetCommand, formatIssues } from "./issues";
import { redactUrlCredentials } from "./redact";

/** A stack configuration mistake, reported before any resource is registered. */
export class StackConfigError extends pulumi.RunError {
    readonly problems: string[];

    constructor(problems: string[]) {
        const redacted = problems.map(redactUrlCredentials);
        super(`Invalid stack configuration:\n${redacted.map((p) => `  - ${p}`).join("\n")}`);
        this.problems = redacted;
        this.name = "StackConfigError";
    }
}

export interface StackConfig<T> {
    values: T;
    /** Keys (without the namespace) set with --secret: read them with pulumi.Config's getSecret*. */
    secretKeys: ReadonlySet<string>;
}

/** A config value as the engine passes it (objects JSON-encoded), decoded. */
export function decodeConfigValue(value: string): unknown {
    try {
        return JSON.parse(value);
    } catch {
        return value;
    }
}

/** Whether a full key (`namespace:key`) was set with --secret. */
export function isConfigSecret(fullKey: string): boolean {
    // Public in the runtime's JS, internal in its typings.
    const runtimeConfig = require("@pulumi/pulumi/runtime/config") as { isConfigSecret?: (k: string) => boolean };
    return runtimeConfig.isConfigSecret?.(fullKey) ?? false;
}

/**
 * The running stack's `<namespace>:*` config, checked against `schema`; throws a StackConfigError
 * naming every problem. `secretKeys` must have been set with `pulumi config set --secret`.
 */
export function readStackConfig<S extends z.ZodType>(namespace: string, schema: S, options: { secretKeys?: readonly string[] } = {}): StackConfig<z.output<S>> {
    const prefix = `${namespace}:`;
    const raw: Record<string, unknown> = {};
    const secretKeys = new Set<string>();
    for (const [key, value] of Object.entries(pulumi.runtime.allConfig())) {
        if (!key.startsWith(prefix)) continue;
        const name = key.slice(prefix.length);
        raw[name] = decodeConfigValue(value);
        if (isConfigSecret(key)) secretKeys.add(name);
    }
    const problems: string[] = [];
    for (const key of options.secretKeys ?? []) {
        if (raw[key] !== undefined && !secretKeys.has(key)) {
            problems.push(`${prefix}${key}: holds secrets, so it must be set with --secret (it is stored in plaintext now; its value is not shown); ` +
                `set it with \`pulumi config set --secret --path '${prefix}${key}.<NAME>' <value>\``);
        }
    }
    const secret = (path: readonly PropertyKey[]) => secretKeys.has(String(path[0])) || (options.secretKeys ?? []).includes(String(path[0]));
    const parsed = schema.safeParse(raw);
    if (!parsed.success) problems.push(...formatIssues(prefix, schema, parsed.error.issues, raw, { isSecret: secret, setCommand: configSetCommand(namespace) }));
    if (problems.length > 0 || !parsed.success) throw new StackConfigError(problems);
    return { values: parsed.data, secretKeys };
}
