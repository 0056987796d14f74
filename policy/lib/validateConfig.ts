// The pack checks its own config: `pulumi preview --policy-pack-config` validates only the JSON
// Schema a policy declares, and cannot reject unknown top-level keys. This validator applies the
// same schema (the keywords the pack's schemas use) plus what JSON Schema cannot say (real dates),
// and treats every key a schema does not list as an error, so a typo never changes what is checked.
import { PolicyConfigSchema } from "@pulumi/policy";
import { parseCalendarDate } from "./calendarDate";
import { JsonSchema } from "./jsonSchema";

type Schema = JsonSchema | boolean;

function typeOf(value: unknown): string {
    if (value === null) return "null";
    if (Array.isArray(value)) return "array";
    if (typeof value === "number" && Number.isInteger(value)) return "integer";
    return typeof value;
}

const accepted = (schema: JsonSchema): string => {
    if (schema.enum) return `one of ${schema.enum.map((e: unknown) => JSON.stringify(e)).join(", ")}`;
    if (schema.type === "string" && schema.format === "date") return "a date YYYY-MM-DD";
    return schema.description ? `${schema.type}: ${schema.description}` : String(schema.type);
};

export function validateValue(schema: Schema, value: unknown, path: string): string[] {
    if (schema === true) return [];
    if (schema === false) return [`${path}: not allowed`];
    const actual = typeOf(value);
    if (schema.type !== undefined) {
        const types: string[] = Array.isArray(schema.type) ? schema.type : [schema.type];
        if (!types.some((t) => t === actual || (t === "number" && actual === "integer"))) {
            return [`${path}: expected ${types.join(" or ")}, got ${actual} ${JSON.stringify(value)}`];
        }
    }
    const errors: string[] = [];
    if (schema.enum && !schema.enum.some((e: unknown) => JSON.stringify(e) === JSON.stringify(value))) {
        errors.push(`${path}: ${JSON.stringify(value)} is not accepted; expected ${accepted(schema)}`);
    }
    if (typeof value === "string") {
        if (schema.minLength !== undefined && value.length < schema.minLength) errors.push(`${path}: must not be empty`);
        if (schema.format === "date" && parseCalendarDate(value) === undefined) {
            errors.push(`${path}: "${value}" is not a real date; expected YYYY-MM-DD`);
        } else if (schema.pattern !== undefined && !new RegExp(schema.pattern).test(value)) {
            errors.push(`${path}: "${value}" does not match ${schema.pattern}`);
        }
    }
    if (typeof value === "number") {
        if (schema.minimum !== undefined && value < schema.minimum) errors.push(`${path}: ${value} is below the minimum ${schema.minimum}`);
        if (schema.maximum !== undefined && value > schema.maximum) errors.push(`${path}: ${value} is above the maximum ${schema.maximum}`);
    }
    if (Array.isArray(value)) {
        if (schema.minItems !== undefined && value.length < schema.minItems) errors.push(`${path}: needs at least ${schema.minItems} item(s)`);
        if (schema.uniqueItems && new Set(value.map((v) => JSON.stringify(v))).size !== value.length) errors.push(`${path}: has duplicate items`);
        const items = schema.items;
        if (items !== undefined && !Array.isArray(items)) value.forEach((item, i) => errors.push(...validateValue(items, item, `${path}[${i}]`)));
    }
    if (actual === "object") errors.push(...validateObject(schema, value as Record<string, unknown>, path));
    return errors;
}

function validateObject(schema: JsonSchema, object: Record<string, unknown>, path: string): string[] {
    const errors: string[] = [];
    const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
    for (const required of schema.required ?? []) {
        if (object[required] === undefined) errors.push(`${path}: ${required} is required`);
    }
    const tooFew = (min: number | undefined) => min !== undefined && Object.keys(object).length < min;
    const dependencyShort = Object.entries(schema.dependencies ?? {}).some(([key, dependent]) =>
        key in object && typeof dependent === "object" && !Array.isArray(dependent) && tooFew(dependent.minProperties));
    if (tooFew(schema.minProperties) || dependencyShort) errors.push(`${path}: too few keys; ${schema.description ?? "see the schema"}`);
    for (const [key, value] of Object.entries(object)) {
        const child = `${path}.${key}`;
        if (key in properties) errors.push(...validateValue(properties[key], value, child));
        else if (schema.additionalProperties === false) errors.push(`${child}: unknown key; accepted: ${Object.keys(properties).join(", ")}`);
        else if (schema.additionalProperties !== undefined) errors.push(...validateValue(schema.additionalProperties, value, child));
    }
    return errors;
}

/** Every problem of one policy's config properties (enforcementLevel excluded), one line each. */
export function validatePolicyConfig(policy: string, schema: PolicyConfigSchema, config: Record<string, unknown>): string[] {
    const { enforcementLevel: _level, ...properties } = config;
    return validateObject({ type: "object", properties: schema.properties, required: schema.required, additionalProperties: false },
        properties, policy);
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
