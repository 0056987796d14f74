// The policy pack over the run, through the in-process policy runner that calls policies the way
// the engine does (config file resolved as by `--policy-pack-config`, remediations, stack policies).
import { AnalyzedResource, PolicyDiagnostic, runPolicyPack } from "../policy-run";
import { RecordedResource } from "../mock-run";
import { unwrapSecrets } from "../mock-run/wire";

export type { PolicyDiagnostic };

/** Every registered resource is given to the pack, as the engine does (charts and components too). */
export function policyResources(resources: readonly RecordedResource[]): AnalyzedResource[] {
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
