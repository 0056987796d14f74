// The policy tests' side of the policy runner (scripts/policy-run), which calls the pack's policies
// the way the engine does; the tests' names for its resource and diagnostic types.
import type { AnalyzedResource, PolicyDiagnostic } from "../../scripts/policy-run";

export * from "../../scripts/policy-run";

export type HarnessResource = AnalyzedResource;
export type HarnessDiagnostic = PolicyDiagnostic;
