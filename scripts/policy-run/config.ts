// A `--policy-pack-config` file as the CLI reads it: "all" plus per-policy entries (a level, or an
// object with enforcementLevel and properties), each policy's schema defaults filled in, checked
// against the policy's configSchema (JSON Schema, through ajv, as the CLI does) and then by the
// pack's own check.
import { EnforcementLevel, Policies, PolicyConfigSchema } from "@pulumi/policy";
import Ajv, { ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import * as fs from "fs";
import * as path from "path";
import { describeSchemaErrors } from "../../policy/lib/schemaErrors";
import { validatePolicyConfig } from "../../policy/lib/validateConfig";
import { policies as packPolicies } from "../../policy/policies";

export type PolicyPackConfigFile = Record<string, EnforcementLevel | Record<string, any>>;

export interface ResolvedPolicyConfig {
    level: EnforcementLevel;
    properties: Record<string, any>;
}

const ROOT = path.resolve(__dirname, "../..");
const LEVELS: readonly EnforcementLevel[] = ["advisory", "mandatory", "remediate", "disabled"];
const PACK_DEFAULT_LEVEL: EnforcementLevel = "advisory";

export function stackPolicyConfigPath(stack: string): string {
    return path.join(ROOT, "stacks", stack, "policy-config.json");
}

export function loadStackPolicyConfig(stack: string): PolicyPackConfigFile {
    return JSON.parse(fs.readFileSync(stackPolicyConfigPath(stack), "utf8"));
}

// Not strict: like the CLI, a keyword the validator does not know is ignored, not an error (the
// pack's own check, policy/lib/validateConfig.ts, refuses one). Errors in the pack's words.
const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
addFormats(ajv);

const compiled = new WeakMap<object, ValidateFunction>();

/** JSON Schema errors of `value`, one line each, with paths under `root` (e.g. the policy's name). */
export function schemaErrors(schema: object, value: unknown, root = "$"): string[] {
    let validate = compiled.get(schema);
    if (!validate) {
        validate = ajv.compile(schema);
        compiled.set(schema, validate);
    }
    return validate(value) ? [] : describeSchemaErrors(root, schema, validate.errors ?? []);
}

/** The object schema the CLI checks a policy's properties against. */
const objectSchemas = new WeakMap<PolicyConfigSchema, object>();
function objectSchemaOf(configSchema: PolicyConfigSchema | undefined): object {
    if (!configSchema) return { type: "object" };
    let schema = objectSchemas.get(configSchema);
    if (!schema) {
        schema = { type: "object", properties: configSchema.properties, required: configSchema.required ?? [] };
        objectSchemas.set(configSchema, schema);
    }
    return schema;
}

function levelOf(entry: EnforcementLevel | Record<string, any> | undefined): EnforcementLevel | undefined {
    return typeof entry === "string" ? entry : entry?.enforcementLevel;
}

/**
 * The CLI's view of a config file: level and defaulted properties per policy, checked against each
 * policy's configSchema as the CLI does, then by the pack's own config check (which also rejects
 * keys no schema lists); throws one error listing every problem.
 */
export function resolveConfig(file: PolicyPackConfigFile, policies: Policies = packPolicies): Map<string, ResolvedPolicyConfig> {
    const errors: string[] = [];
    const resolved = new Map<string, ResolvedPolicyConfig>();
    for (const [key, entry] of Object.entries(file)) {
        if (key !== "all" && !policies.some((p) => p.name === key)) errors.push(`config names unknown policy "${key}"`);
        const level = levelOf(entry);
        if (level !== undefined && !LEVELS.includes(level)) {
            errors.push(`${key}.enforcementLevel: ${JSON.stringify(level)} is not one of ${LEVELS.join(", ")}`);
        }
    }
    for (const policy of policies) {
        const entry = file[policy.name];
        const level = levelOf(entry) ?? levelOf(file.all) ?? policy.enforcementLevel ?? PACK_DEFAULT_LEVEL;
        const given = typeof entry === "object" ? { ...entry } : {};
        delete given.enforcementLevel;
        const properties: Record<string, any> = {};
        for (const [key, schema] of Object.entries(policy.configSchema?.properties ?? {})) {
            if (schema.default !== undefined) properties[key] = structuredClone(schema.default);
        }
        Object.assign(properties, given);
        const declared = schemaErrors(objectSchemaOf(policy.configSchema), properties, policy.name);
        errors.push(...(declared.length > 0 || !policy.configSchema ? declared
            : validatePolicyConfig(policy.name, policy.configSchema, properties)));
        resolved.set(policy.name, { level, properties });
    }
    if (errors.length > 0) throw new Error(`invalid policy pack config:\n${errors.join("\n")}`);
    return resolved;
}
