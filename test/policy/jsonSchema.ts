// A validator for the JSON Schema keywords the pack's configSchemas use, so tests can check
// stack config files the way the CLI does before it starts the pack.
type Schema = Record<string, any> | boolean;

function typeOf(value: unknown): string {
    if (value === null) return "null";
    if (Array.isArray(value)) return "array";
    if (typeof value === "number" && Number.isInteger(value)) return "integer";
    return typeof value;
}

function typeMatches(expected: string, actual: string): boolean {
    return expected === actual || (expected === "number" && actual === "integer");
}

/** JSON Schema's "date" format (RFC 3339 full-date): a day that exists. */
function isRealDate(value: string): boolean {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (!match) return false;
    const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
    return date.getUTCFullYear() === Number(match[1]) && date.getUTCMonth() === Number(match[2]) - 1 && date.getUTCDate() === Number(match[3]);
}

export function validateJsonSchema(schema: Schema, value: unknown, path = "$"): string[] {
    if (schema === true) return [];
    if (schema === false) return [`${path}: not allowed`];
    const errors: string[] = [];
    const actual = typeOf(value);
    if (schema.type !== undefined) {
        const types: string[] = Array.isArray(schema.type) ? schema.type : [schema.type];
        if (!types.some((t) => typeMatches(t, actual))) return [`${path}: expected ${types.join("|")}, got ${actual}`];
    }
    if (schema.enum && !schema.enum.some((e: unknown) => JSON.stringify(e) === JSON.stringify(value))) {
        errors.push(`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
    }
    if (typeof value === "string") {
        if (schema.minLength !== undefined && value.length < schema.minLength) errors.push(`${path}: shorter than ${schema.minLength}`);
        if (schema.pattern !== undefined && !new RegExp(schema.pattern).test(value)) errors.push(`${path}: does not match ${schema.pattern}`);
        if (schema.format === "date" && !isRealDate(value)) errors.push(`${path}: is not a valid date`);
    }
    if (typeof value === "number" && schema.minimum !== undefined && value < schema.minimum) errors.push(`${path}: below ${schema.minimum}`);
    if (typeof value === "number" && schema.maximum !== undefined && value > schema.maximum) errors.push(`${path}: above ${schema.maximum}`);
    if (Array.isArray(value)) {
        if (schema.minItems !== undefined && value.length < schema.minItems) errors.push(`${path}: fewer than ${schema.minItems} items`);
        if (schema.uniqueItems === true && new Set(value.map((v) => JSON.stringify(v))).size !== value.length) errors.push(`${path}: items not unique`);
        if (schema.items !== undefined) value.forEach((item, i) => errors.push(...validateJsonSchema(schema.items, item, `${path}[${i}]`)));
    }
    if (actual === "object") {
        const object = value as Record<string, unknown>;
        const keys = Object.keys(object);
        if (schema.minProperties !== undefined && keys.length < schema.minProperties) errors.push(`${path}: fewer than ${schema.minProperties} properties`);
        for (const [key, dependent] of Object.entries<Schema | string[]>(schema.dependencies ?? {})) {
            if (key in object && !Array.isArray(dependent)) errors.push(...validateJsonSchema(dependent, value, path));
        }
        for (const required of schema.required ?? []) {
            if (!(required in object)) errors.push(`${path}: missing required ${required}`);
        }
        for (const key of keys) {
            const child = `${path}.${key}`;
            if (schema.properties && key in schema.properties) {
                errors.push(...validateJsonSchema(schema.properties[key], object[key], child));
            } else if (schema.additionalProperties !== undefined) {
                errors.push(...validateJsonSchema(schema.additionalProperties, object[key], child));
            }
        }
    }
    return errors;
}
