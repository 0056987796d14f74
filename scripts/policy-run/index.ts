// Runs the pack's policies in-process the way the Pulumi engine runs the built pack: config from a
// `--policy-pack-config` file (config.ts), props handed over by the pack's rule
// (policy/lib/sharedProps.ts: frozen when nothing in them is unknown, else a copy behind the
// engine's unknown-checking proxy),
// `notApplicable` and `getConfig` present, remediations first for policies at the `remediate`
// level, then Analyze per resource and AnalyzeStack over all of them with parents and dependencies
// linked. What `plan` and the policy tests run; analyzerClient.ts talks to a started pack instead.
import {
    EnforcementLevel, Policies, PolicyResource, ResourceValidationPolicy, StackValidationPolicy,
    unknownCheckingProxy, UnknownValueError,
} from "@pulumi/policy";
import * as fs from "fs";
import { unknownSentinels } from "../../policy/lib/sharedDeserialization";
import { shareIfKnown } from "../../policy/lib/sharedProps";
import { policies as packPolicies } from "../../policy/policies";
import { loadStackPolicyConfig, PolicyPackConfigFile, ResolvedPolicyConfig, resolveConfig } from "./config";

export * from "./config";

/** A resource as the engine hands it to the pack. */
export interface AnalyzedResource {
    type: string;
    name: string;
    urn: string;
    props: Record<string, any>;
    dependencies?: string[];
    parent?: string;
}

/** One diagnostic as the engine reports it. */
export interface PolicyDiagnostic {
    policy: string;
    /** Reported level: `remediate` reports as mandatory, as the engine does. */
    level: "advisory" | "mandatory";
    /** What the policy reported (the engine prefixes the policy description). */
    message: string;
    urn?: string;
    stack: boolean;
}

class NotApplicable extends Error {}

const throwNotApplicable = (reason?: string): never => {
    throw new NotApplicable(reason);
};

const UNKNOWNS: ReadonlySet<string> = unknownSentinels() ?? new Set();

/** The props a validation sees, as the built pack hands them over: frozen, or a proxied copy. */
function handOver(props: Record<string, any>): Record<string, any> {
    const copy = structuredClone(props);
    return shareIfKnown(copy, UNKNOWNS) ? copy : unknownCheckingProxy(copy);
}

/** The props a remediation sees: its own copy, proxied, as the SDK's Remediate RPC converts them. */
const ownCopy = (props: Record<string, any>) => unknownCheckingProxy(structuredClone(props));

const noOptions = (parent?: string) => ({
    protect: false, ignoreChanges: [], aliases: [], additionalSecretOutputs: [],
    customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 }, parent,
});

function resourceArgs(r: AnalyzedResource, properties: Record<string, any>, props: Record<string, any>) {
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

async function guarded(policy: string, diagnostics: PolicyDiagnostic[], stack: boolean, urn: string | undefined, run: () => unknown) {
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
    policy: ResourceValidationPolicy, resource: AnalyzedResource, config: ResolvedPolicyConfig,
): Promise<PolicyDiagnostic[]> {
    const diagnostics: PolicyDiagnostic[] = [];
    if (config.level === "disabled") return diagnostics;
    let props = resource.props;
    if (config.level === "remediate" && policy.remediateResource) {
        const remediate = policy.remediateResource;
        await guarded(policy.name, diagnostics, false, resource.urn, async () => {
            const result = await remediate(resourceArgs(resource, config.properties, ownCopy(props)));
            if (result) props = structuredClone(result);
        });
    }
    const validations = policy.validateResource === undefined ? [] :
        Array.isArray(policy.validateResource) ? policy.validateResource : [policy.validateResource];
    for (const validate of validations) {
        const report = (message: string) => diagnostics.push({
            policy: policy.name, level: reportedLevel(config.level), message, urn: resource.urn, stack: false,
        });
        await guarded(policy.name, diagnostics, false, resource.urn, () => validate(resourceArgs(resource, config.properties, handOver(props)), report));
    }
    return diagnostics;
}

function linkResources(resources: readonly AnalyzedResource[]): PolicyResource[] {
    const byUrn = new Map<string, PolicyResource>();
    const linked = resources.map((r) => {
        const resource: PolicyResource = {
            type: r.type, name: r.name, urn: r.urn, props: handOver(r.props), opts: noOptions(r.parent),
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
    policy: StackValidationPolicy, resources: readonly AnalyzedResource[], config: ResolvedPolicyConfig,
): Promise<PolicyDiagnostic[]> {
    const diagnostics: PolicyDiagnostic[] = [];
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

/** One policy over `resources`: a stack policy over all of them, a resource policy on each in turn. */
export async function analyzePolicy(
    policy: ResourceValidationPolicy | StackValidationPolicy, resources: readonly AnalyzedResource[], config: ResolvedPolicyConfig,
): Promise<PolicyDiagnostic[]> {
    if (isStackPolicy(policy)) return analyzeStack(policy, resources, config);
    const diagnostics: PolicyDiagnostic[] = [];
    for (const resource of resources) diagnostics.push(...await analyzeResource(policy, resource, config));
    return diagnostics;
}

/**
 * Every policy of the pack over `resources`, configured by a stack's config file (a stack name
 * such as "prod", a path, or the parsed file). Returns every diagnostic with its level.
 */
export async function runPolicyPack(
    resources: readonly AnalyzedResource[], config: string | PolicyPackConfigFile, policies: Policies = packPolicies,
): Promise<PolicyDiagnostic[]> {
    const file = typeof config !== "string" ? config
        : fs.existsSync(config) ? JSON.parse(fs.readFileSync(config, "utf8")) as PolicyPackConfigFile
        : loadStackPolicyConfig(config);
    const resolved = resolveConfig(file, policies);
    const diagnostics: PolicyDiagnostic[] = [];
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
