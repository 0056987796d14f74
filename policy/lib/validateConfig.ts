// The pack checks its own config: `pulumi preview --policy-pack-config` validates only the JSON
// Schema a policy declares, and cannot reject unknown top-level keys. The pack validates the same
// schema with ajv, plus what the CLI cannot say: every key no schema lists is an error (the
// top-level object is closed), so a typo never changes what is checked, and `format: "date"` is a
// day that exists. Ajv runs with a strict schema: a keyword or format it does not know makes the
// schema fail to compile, so it can never pass silently.
import { PolicyConfigSchema } from "@pulumi/policy";
import Ajv, { ValidateFunction } from "ajv";
import { parseCalendarDate } from "./calendarDate";
import { describeSchemaErrors } from "./schemaErrors";

const ajv = new Ajv({
    allErrors: true,
    verbose: true,
    strictSchema: true,
    // The "at least one selector" rule of an exemption is a bare minProperties under dependencies.
    strictTypes: false,
    formats: { date: { type: "string", validate: (value: string) => parseCalendarDate(value) !== undefined } },
});

const compiled = new WeakMap<PolicyConfigSchema, { schema: object; validate: ValidateFunction }>();

/** The closed object schema of a policy's config, compiled once per configSchema. */
function validatorOf(configSchema: PolicyConfigSchema): { schema: object; validate: ValidateFunction } {
    let entry = compiled.get(configSchema);
    if (!entry) {
        const schema = { type: "object", properties: configSchema.properties, required: configSchema.required ?? [], additionalProperties: false };
        entry = { schema, validate: ajv.compile(schema) };
        compiled.set(configSchema, entry);
    }
    return entry;
}

/** Every problem of one policy's config properties (enforcementLevel excluded), one line each. */
export function validatePolicyConfig(policy: string, configSchema: PolicyConfigSchema, config: Record<string, unknown>): string[] {
    const { enforcementLevel: _level, ...properties } = config;
    const { schema, validate } = validatorOf(configSchema);
    return validate(properties) ? [] : describeSchemaErrors(policy, schema, validate.errors ?? []);
}

const checked = new Map<string, string[]>();

/** Throws one error listing every problem; remembers configs already checked, so each is validated once. */
export function assertValidPolicyConfig(policy: string, schema: PolicyConfigSchema, config: Record<string, unknown>): void {
    const key = `${policy}\u0000${JSON.stringify(config)}`;
    let errors = checked.get(key);
    if (errors === undefined) {
        errors = validatePolicyConfig(policy, schema, config);
        if (checked.size > 1000) checked.clear();
        checked.set(key, errors);
    }
    if (errors.length > 0) throw new Error(`invalid policy config:\n  ${errors.join("\n  ")}`);
}
