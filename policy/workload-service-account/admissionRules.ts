// `workload-service-account`'s config, and its single-object rules as CEL admission rules
// (policy/admission/rule.ts); `undeclared` and `legacyTokenSecret` need the stack and stay in policy.ts.
import { AdmissionRuleSet } from "../admission/rule";
import { configSpec } from "../lib/config";
import { defaultServiceAccount } from "./rules/defaultServiceAccount";
import { tokenAutomount } from "./rules/tokenAutomount";

const rules = [defaultServiceAccount, tokenAutomount];

export const WORKLOAD_SERVICE_ACCOUNT: AdmissionRuleSet = {
    spec: configSpec("workload-service-account", ["undeclared", "legacyTokenSecret", ...rules.map((r) => r.control)], {}),
    rules,
};
