// Calls one policy of the pack on resources, with config given as the properties of its entry in
// a policy-config file (defaults filled in and validated as the CLI does).
import { EnforcementLevel, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { analyzeResource, analyzeStack, HarnessDiagnostic, HarnessResource, resolveConfig } from "./harness";

type Policy = ResourceValidationPolicy | StackValidationPolicy;

function configFor(policy: Policy, properties: Record<string, any>, level: EnforcementLevel) {
    return resolveConfig({ [policy.name]: { enforcementLevel: level, ...properties } }, [policy]).get(policy.name)!;
}

export async function resourceDiagnostics(
    policy: ResourceValidationPolicy, resource: HarnessResource, properties: Record<string, any> = {}, level: EnforcementLevel = "mandatory",
): Promise<HarnessDiagnostic[]> {
    return analyzeResource(policy, resource, configFor(policy, properties, level));
}

export async function resourceMessages(
    policy: ResourceValidationPolicy, resource: HarnessResource, properties: Record<string, any> = {},
): Promise<string[]> {
    return (await resourceDiagnostics(policy, resource, properties)).map((d) => d.message);
}

export async function stackMessages(
    policy: StackValidationPolicy, resources: HarnessResource[], properties: Record<string, any> = {},
): Promise<string[]> {
    return (await analyzeStack(policy, resources, configFor(policy, properties, "mandatory"))).map((d) => d.message);
}
