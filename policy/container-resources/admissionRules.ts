// `container-resources`' rules: each a CEL admission rule (policy/admission/rule.ts), in the order
// of the policy's controls; the config spec is config.ts.
import { AdmissionRuleSet } from "../admission/rule";
import { containerResourcesConfig } from "./config";
import { cpuLimit } from "./rules/cpuLimit";
import { maximum } from "./rules/maximum";
import { memoryLimit } from "./rules/memoryLimit";
import { requests } from "./rules/requests";
import { requestsAboveLimits } from "./rules/requestsAboveLimits";

export const CONTAINER_RESOURCES: AdmissionRuleSet = {
    spec: containerResourcesConfig,
    rules: [requests, memoryLimit, cpuLimit, requestsAboveLimits, maximum],
};
