// The stack's admission policies: the pack's single-object rules (policy/admission) turned into
// ValidatingAdmissionPolicies and bindings with the stack's own generated policy config, the same
// one the CLI passes to the pack, so levels and exemptions cannot drift between the two.
import { ADMISSION_RULE_SETS, AdmissionPair, admissionManifests, PolicyEntry } from "../policy/admission";
import { ProfileName } from "./config/types";
import { stackPolicyConfig } from "./policyConfig";

export function admissionRulesFor(profile: ProfileName, now: Date = new Date()): AdmissionPair[] {
    return admissionManifests(ADMISSION_RULE_SETS, stackPolicyConfig(profile) as unknown as Record<string, PolicyEntry>, now);
}
