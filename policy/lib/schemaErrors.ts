// ajv's errors in the pack's words: one line per problem, each naming the key's full path under
// the policy's name (`pod-security-standards.exemptions[0].reason`), what is accepted and what was
// given. The pack's own config check (./validateConfig.ts) and the CLI's check as the in-process
// runner replays it (scripts/policy-run/config.ts) both describe errors through this one function.
// The errors must come from an ajv instance made with `verbose: true` (each error carries its data
// and schema).
import type { ErrorObject } from "ajv";
import { JsonSchema } from "./jsonSchema";

/** `/exemptions/0/controls` under `root` -> `root.exemptions[0].controls`. */
function pathOf(root: string, instancePath: string): string {
    return instancePath.split("/").slice(1).map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"))
        .reduce((at, p) => (/^\d+$/.test(p) ? `${at}[${p}]` : `${at}.${p}`), root);
}

const typeName = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "array" : Number.isInteger(v) ? "integer" : typeof v);

/** The description of the nearest schema on `schemaPath` (`#/properties/x/items/...`) that has one. */
function nearestDescription(schema: object, schemaPath: string): string | undefined {
    let node: unknown = schema;
    let description: string | undefined;
    for (const segment of schemaPath.split("/").slice(1)) {
        if (node === null || typeof node !== "object") break;
        const here = (node as JsonSchema).description;
        if (typeof here === "string") description = here;
        node = (node as Record<string, unknown>)[segment.replace(/~1/g, "/").replace(/~0/g, "~")];
    }
    return description;
}

function describeOne(root: string, e: ErrorObject, schema: object): string {
    const at = pathOf(root, e.instancePath);
    const data = e.data;
    const p = e.params as Record<string, any>;
    const parent = (e.parentSchema ?? {}) as JsonSchema;
    switch (e.keyword) {
        case "additionalProperties":
            return `${at}.${p.additionalProperty}: unknown key; accepted: ${Object.keys(parent.properties ?? {}).join(", ")}`;
        case "required": return `${at}: ${p.missingProperty} is required`;
        case "type": return `${at}: expected ${[p.type].flat().join(" or ")}, got ${typeName(data)} ${JSON.stringify(data)}`;
        case "enum":
            return `${at}: ${JSON.stringify(data)} is not accepted; expected one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
        case "format":
            return p.format === "date" ? `${at}: ${JSON.stringify(data)} is not a real date; expected YYYY-MM-DD`
                : `${at}: ${JSON.stringify(data)} is not a valid ${p.format}`;
        case "pattern": return `${at}: ${JSON.stringify(data)} does not match ${p.pattern}`;
        case "minLength": return p.limit === 1 ? `${at}: must not be empty` : `${at}: shorter than ${p.limit} characters`;
        case "minimum": return `${at}: ${data} is below the minimum ${p.limit}`;
        case "maximum": return `${at}: ${data} is above the maximum ${p.limit}`;
        case "minItems": return `${at}: needs at least ${p.limit} item(s)`;
        case "uniqueItems": return `${at}: has duplicate items`;
        case "minProperties": return `${at}: too few keys; ${nearestDescription(schema, e.schemaPath) ?? `needs at least ${p.limit}`}`;
        default: return `${at}: ${e.message}`;
    }
}

/**
 * One line per error of `schema` (whose validation produced `errors`), paths under `root`. A value
 * that fails its format is not also reported for its pattern: the format's line says it all.
 */
export function describeSchemaErrors(root: string, schema: object, errors: readonly ErrorObject[]): string[] {
    const badFormat = new Set(errors.filter((e) => e.keyword === "format").map((e) => e.instancePath));
    const lines = errors.filter((e) => !(e.keyword === "pattern" && badFormat.has(e.instancePath))).map((e) => describeOne(root, e, schema));
    return [...new Set(lines)];
}
