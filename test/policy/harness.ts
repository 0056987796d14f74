// Runs the pack's policies in-process the way the Pulumi engine does: config from a
// `--policy-pack-config` file ("all" plus per-policy entries, schema defaults filled in, validated),
// props wrapped in the engine's unknown-checking proxy, `notApplicable` and `getConfig` present,
// remediations first for policies at the `remediate` level, then Analyze per resource and
// AnalyzeStack over all of them with parents and dependencies linked.
import {
    EnforcementLevel, Policies, PolicyResource, ResourceValidationPolicy, StackValidationPolicy,
    unknownCheckingProxy, UnknownValueError,
} from "@pulumi/policy";
import * as fs from "fs";
import * as path from "path";
import { validatePolicyConfig } from "../../policy/lib/validateConfig";
import { policies as packPolicies } from "../../policy/policies";
import { validateJsonSchema } from "./jsonSchema";

export interface HarnessResource {
    type: string;
    name: string;
    urn: string;
    props: Record<string, any>;
    dependencies?: string[];
    parent?: string;
}

export interface HarnessDiagnostic {
    policy: string;
    /** Reported level: `remediate` reports as mandatory, as the engine does. */
    level: "advisory" | "mandatory";
    /** What the policy reported (the engine prefixes the policy description). */
    message: string;
    urn?: string;
    stack: boolean;
}

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
        const schema = { type: "object", properties: policy.configSchema?.properties ?? {}, required: policy.configSchema?.required ?? [] };
        const schemaErrors = validateJsonSchema(schema, properties, policy.name);
        errors.push(...(schemaErrors.length > 0 || !policy.configSchema ? schemaErrors
            : validatePolicyConfig(policy.name, policy.configSchema, properties)));
        resolved.set(policy.name, { level, properties });
    }
    if (errors.length > 0) throw new Error(`invalid policy pack config:\n${errors.join("\n")}`);
    return resolved;
}

class NotApplicable extends Error {}

const throwNotApplicable = (reason?: string): never => {
    throw new NotApplicable(reason);
};

const wrap = (props: Record<string, any>) => unknownCheckingProxy(structuredClone(props));

const noOptions = (parent?: string) => ({
    protect: false, ignoreChanges: [], aliases: [], additionalSecretOutputs: [],
    customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 }, parent,
});

function resourceArgs(r: HarnessResource, properties: Record<string, any>, props: Record<string, any>) {
    return {
        type: r.type, name: r.name, urn: r.urn, props, opts: noOptions(r.parent), stackTags: new Map<string, string>(),
        isType: () => false, asType: () => undefined,
        getConfig: <T extends object>() => structuredClone(properties) as T,
        notApplicable: throwNotApplicable,
    };
}

function reportedLevel(level: EnforcementLevel): "advisory" | "mandatory" {
    return level === "advisory" ? "advisory" : "mandatory";
}

async function guarded(policy: string, diagnostics: HarnessDiagnostic[], stack: boolean, urn: string | undefined, run: () => unknown) {
    try {
        await run();
    } catch (e) {
        if (e instanceof NotApplicable) return;
        if (e instanceof UnknownValueError) {
            diagnostics.push({ policy, level: "advisory", message: `can't run policy during preview: ${(e as Error).message}`, urn, stack });
            return;
        }
        throw e;
    }
}

/** Remediation then validation of one resource by one resource policy. */
export async function analyzeResource(
    policy: ResourceValidationPolicy, resource: HarnessResource, config: ResolvedPolicyConfig,
): Promise<HarnessDiagnostic[]> {
    const diagnostics: HarnessDiagnostic[] = [];
    if (config.level === "disabled") return diagnostics;
    let props = resource.props;
    if (config.level === "remediate" && policy.remediateResource) {
        const remediate = policy.remediateResource;
        await guarded(policy.name, diagnostics, false, resource.urn, async () => {
            const result = await remediate(resourceArgs(resource, config.properties, wrap(props)));
            if (result) props = structuredClone(result);
        });
    }
    const validations = policy.validateResource === undefined ? [] :
        Array.isArray(policy.validateResource) ? policy.validateResource : [policy.validateResource];
    for (const validate of validations) {
        const report = (message: string) => diagnostics.push({
            policy: policy.name, level: reportedLevel(config.level), message, urn: resource.urn, stack: false,
        });
        await guarded(policy.name, diagnostics, false, resource.urn, () => validate(resourceArgs(resource, config.properties, wrap(props)), report));
    }
    return diagnostics;
}

function linkResources(resources: readonly HarnessResource[]): PolicyResource[] {
    const byUrn = new Map<string, PolicyResource>();
    const linked = resources.map((r) => {
        const resource: PolicyResource = {
            type: r.type, name: r.name, urn: r.urn, props: wrap(r.props), opts: noOptions(r.parent),
            dependencies: [], propertyDependencies: {}, isType: () => false, asType: () => undefined,
        };
        byUrn.set(r.urn, resource);
        return resource;
    });
    resources.forEach((r, i) => {
        if (r.parent && byUrn.has(r.parent)) linked[i].parent = byUrn.get(r.parent);
        linked[i].dependencies = (r.dependencies ?? []).map((d) => byUrn.get(d)).filter((d): d is PolicyResource => d !== undefined);
    });
    return linked;
}

export async function analyzeStack(
    policy: StackValidationPolicy, resources: readonly HarnessResource[], config: ResolvedPolicyConfig,
): Promise<HarnessDiagnostic[]> {
    const diagnostics: HarnessDiagnostic[] = [];
    if (config.level === "disabled") return diagnostics;
    const args = {
        resources: linkResources(resources), stackTags: new Map<string, string>(),
        getConfig: <T extends object>() => structuredClone(config.properties) as T,
        notApplicable: throwNotApplicable,
    };
    const report = (message: string, urn?: string) => diagnostics.push({
        policy: policy.name, level: reportedLevel(config.level), message, urn, stack: true,
    });
    await guarded(policy.name, diagnostics, true, undefined, () => policy.validateStack(args, report));
    return diagnostics;
}

const isStackPolicy = (p: ResourceValidationPolicy | StackValidationPolicy): p is StackValidationPolicy => "validateStack" in p;

/**
 * Every policy of the pack over `resources`, configured by a stack's config file (a stack name
 * such as "prod", a path, or the parsed file). Returns every diagnostic with its level.
 */
export async function runPolicyPack(
    resources: readonly HarnessResource[], config: string | PolicyPackConfigFile, policies: Policies = packPolicies,
): Promise<HarnessDiagnostic[]> {
    const file = typeof config !== "string" ? config
        : fs.existsSync(config) ? JSON.parse(fs.readFileSync(config, "utf8")) as PolicyPackConfigFile
        : loadStackPolicyConfig(config);
    const resolved = resolveConfig(file, policies);
    const diagnostics: HarnessDiagnostic[] = [];
    for (const resource of resources) {
        for (const policy of policies) {
            if (!isStackPolicy(policy)) diagnostics.push(...await analyzeResource(policy, resource, resolved.get(policy.name)!));
        }
    }
    for (const policy of policies) {
        if (isStackPolicy(policy)) diagnostics.push(...await analyzeStack(policy, resources, resolved.get(policy.name)!));
    }
    return diagnostics;
}
