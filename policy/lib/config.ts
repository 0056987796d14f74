// Policy config: the CLI fills in each property's schema default before the pack sees it, but a
// pack run without `--policy-pack-config` (or a test) may get `{}`, so defaults are applied here too.
import { PolicyConfigSchema } from "@pulumi/policy";
import { Exemption, exemptionsSchema } from "./exemptions";
import { JsonSchema } from "./jsonSchema";

export interface WithExemptions {
    exemptions: Exemption[];
}

/** A configSchema whose properties always include `exemptions`. */
export function configSchema(properties: Record<string, JsonSchema>): PolicyConfigSchema {
    return { properties: { ...properties, exemptions: exemptionsSchema } };
}

/** The schema defaults of a configSchema, as a config object. */
export function schemaDefaults<T>(schema: PolicyConfigSchema): T {
    const defaults: Record<string, unknown> = {};
    for (const [key, property] of Object.entries(schema.properties)) {
        if (property.default !== undefined) defaults[key] = property.default;
    }
    return defaults as T;
}

export function readConfig<T extends WithExemptions>(args: { getConfig<C extends object>(): C }, schema: PolicyConfigSchema): T {
    const given = args.getConfig<Partial<T>>();
    const merged: Record<string, unknown> = { ...schemaDefaults<Record<string, unknown>>(schema) };
    for (const [key, value] of Object.entries(given)) {
        if (value !== undefined) merged[key] = value;
    }
    return merged as T;
}
