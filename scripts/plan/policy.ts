// The policy pack over the run, through the in-process harness that calls policies the way the
// engine does (config file resolved as by `--policy-pack-config`, remediations, stack policies).
import { HarnessDiagnostic, HarnessResource, runPolicyPack } from "../../test/policy/harness";
import { RecordedResource } from "../../test/harness";
import { unwrapSecrets } from "./objects";

export type PolicyDiagnostic = HarnessDiagnostic;

/** Every registered resource is given to the pack, as the engine does (charts and components too). */
export function policyResources(resources: readonly RecordedResource[]): HarnessResource[] {
    return resources.map((r) => ({
        type: r.type, name: r.name, urn: r.urn, props: unwrapSecrets(r.inputs ?? {}), dependencies: r.dependencies, parent: r.parent,
    }));
}

export async function runPolicies(resources: readonly RecordedResource[], configFile: string): Promise<PolicyDiagnostic[]> {
    return runPolicyPack(policyResources(resources), configFile);
}

export function countByLevel(diagnostics: readonly PolicyDiagnostic[]): { mandatory: number; advisory: number } {
    return {
        mandatory: diagnostics.filter((d) => d.level === "mandatory").length,
        advisory: diagnostics.filter((d) => d.level === "advisory").length,
    };
}
