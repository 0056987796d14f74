// `secret-hygiene`: credentials never sit in a workload's object as literal values, and in prod a
// tenant workload reads a Secret as environment variables only where it says it needs to (files
// are the default: they rotate in place). Both rules are CEL, enforced by the pack at preview and
// by the API server at admission from the same text (admissionRules.ts).
import { StackValidationPolicy } from "@pulumi/policy";
import { judgeRules } from "../admission/judge";
import { readConfig, WithExemptions } from "../lib/config";
import { SECRET_HYGIENE } from "./admissionRules";

export const secretHygiene: StackValidationPolicy = {
    name: "secret-hygiene",
    description: "No credential as a literal environment variable; in prod, Secrets read as environment variables only where the workload declares it.",
    enforcementLevel: "advisory",
    severity: "high",
    configSchema: SECRET_HYGIENE.spec.schema,
    validateStack: (args, report) => {
        const config = readConfig<WithExemptions>(args, SECRET_HYGIENE.spec);
        judgeRules(SECRET_HYGIENE.rules, config, config.exemptions, args.resources, report);
    },
};
