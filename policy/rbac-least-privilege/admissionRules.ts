// `rbac-least-privilege`'s rules and config: each control a CEL admission rule
// (policy/admission/rule.ts), in the order of the policy's controls: the roles' (rules.ts), then
// the bindings' (bindings.ts). `privilegedNamespaces` is carried into the CEL as a literal list.
import { AdmissionRuleSet } from "../admission/rule";
import { configSpec } from "../lib/config";
import { BINDING_RULES } from "./bindings";
import { ROLE_RULES } from "./rules";

const rules = [...ROLE_RULES, ...BINDING_RULES];

export const RBAC_LEAST_PRIVILEGE: AdmissionRuleSet = {
    spec: configSpec("rbac-least-privilege", rules.map((r) => r.control), {
        privilegedNamespaces: {
            type: "array",
            items: { type: "string", minLength: 1 },
            uniqueItems: true,
            default: ["kube-system"],
            description: "Namespaces whose pods may be privileged (kube-system and the platform's privileged namespaces): " +
                "a Role there may not create pods, workloads or Secrets, nor read Secrets.",
        },
    }),
    rules,
};
