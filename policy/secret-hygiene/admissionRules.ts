// `secret-hygiene`'s rules and config: each a CEL admission rule (policy/admission/rule.ts), in the
// order of the message table.
import { AdmissionRuleSet } from "../admission/rule";
import { configSpec } from "../lib/config";
import { TENANT_LABEL_SETTING } from "../lib/tenants";
import { credentialLiteral } from "./rules/credentialLiteral";
import { undeclaredSecretEnv } from "./rules/undeclaredSecretEnv";

const rules = [credentialLiteral, undeclaredSecretEnv];

export const SECRET_HYGIENE: AdmissionRuleSet = {
    spec: configSpec("secret-hygiene", rules.map((r) => r.control), {
        tenantLabel: TENANT_LABEL_SETTING,
        requireDeclaredSecretEnv: {
            type: "boolean",
            default: false,
            description: "Refuse a tenant workload that reads a Secret as environment variables without declaring it (prod).",
        },
        secretEnvAnnotation: {
            type: "string",
            default: "platform.example.com/secret-env",
            description: "Pod template annotation listing (comma-separated) the Secrets a workload reads as environment variables: its declared need.",
        },
    }),
    rules,
};
