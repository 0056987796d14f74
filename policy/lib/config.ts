// Policy config. Each policy declares its schema (with `exemptions` naming its own controls); the
// CLI checks that schema, and readConfig re-checks the whole config in code, rejecting unknown
// keys, so a typo never widens an exemption. The CLI fills in schema defaults, but a pack run
// without `--policy-pack-config` (or a test) may get `{}`, so defaults are applied here too.
import { PolicyConfigSchema } from "@pulumi/policy";
import { Exemption, exemptionsSchema } from "./exemptions";
import { JsonSchema } from "./jsonSchema";
import { assertValidPolicyConfig } from "./validateConfig";

export interface WithExemptions {
    exemptions: Exemption[];
}

export interface PolicyConfigSpec {
    /** The policy's name, used in config errors. */
    policy: string;
    schema: PolicyConfigSchema;
    /** The control IDs the policy reports, which exemptions may name. */
    controls: readonly string[];
}

/** A config spec whose schema always includes `exemptions` of the given controls. */
export function configSpec(policy: string, controls: readonly string[], properties: Record<string, JsonSchema>): PolicyConfigSpec {
    return { policy, controls, schema: { properties: { ...properties, exemptions: exemptionsSchema(controls) } } };
}

/** The schema defaults of a configSchema, as a config object. */
export function schemaDefaults<T>(schema: PolicyConfigSchema): T {
    const defaults: Record<string, unknown> = {};
    for (const [key, property] of Object.entries(schema.properties)) {
        if (property.default !== undefined) defaults[key] = property.default;
    }
    return defaults as T;
}

/** The last config read per spec: what the SDK gave, entry by entry, and what it resolved to. */
const lastRead = new WeakMap<PolicyConfigSpec, { given: [string, unknown][]; config: unknown }>();

/** Same keys holding the very same values: the SDK hands out its stored config once per call. */
function sameEntries(a: readonly [string, unknown][], b: readonly [string, unknown][]): boolean {
    return a.length === b.length && a.every(([key, value], i) => b[i][0] === key && Object.is(b[i][1], value));
}

export function readConfig<T extends WithExemptions>(args: { getConfig<C extends object>(): C }, spec: PolicyConfigSpec): T {
    const given = Object.entries(args.getConfig<Record<string, unknown>>() ?? {});
    // The SDK copies the policy's config for every resource it asks about; validating it again
    // for each one cost more than most policies' checks.
    const last = lastRead.get(spec);
    if (last && sameEntries(last.given, given)) return last.config as T;
    const merged: Record<string, unknown> = { ...schemaDefaults<Record<string, unknown>>(spec.schema) };
    for (const [key, value] of given) {
        if (value !== undefined && key !== "enforcementLevel") merged[key] = value;
    }
    assertValidPolicyConfig(spec.policy, spec.schema, merged);
    lastRead.set(spec, { given, config: merged });
    return merged as T;
}
