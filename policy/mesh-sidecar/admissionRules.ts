// `mesh-sidecar`'s rules and config: each a CEL admission rule (policy/admission/rule.ts).
import { AdmissionRuleSet } from "../admission/rule";
import { configSpec } from "../lib/config";
import { injectDisabled } from "./rules/injectDisabled";
import { trafficExclusion } from "./rules/trafficExclusion";

const rules = [injectDisabled, trafficExclusion];

export const MESH_SIDECAR: AdmissionRuleSet = { spec: configSpec("mesh-sidecar", rules.map((r) => r.control), {}), rules };
