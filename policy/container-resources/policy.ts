// `container-resources`: every container is sized, within the stack's per-container maxima. Each
// rule is CEL (rules/), judged here per object at `pulumi up` and by the API server at admission
// from the same text (policy/admission); a patch is not held to the fields it leaves unset.
import { ResourceValidationPolicy } from "@pulumi/policy";
import { judgeResource, rulesFor } from "../admission/judge";
import { readConfig } from "../lib/config";
import { notApplicable } from "../lib/notApplicable";
import { CONTAINER_RESOURCES } from "./admissionRules";
import { ContainerResourcesConfig, containerResourcesConfig } from "./config";

export const containerResources: ResourceValidationPolicy = {
    name: "container-resources",
    description: "Every container sets CPU and memory requests and a memory limit (a CPU limit where required), " +
        "requests no higher than limits, within the stack's per-container maxima.",
    enforcementLevel: "advisory",
    severity: "medium",
    configSchema: containerResourcesConfig.schema,
    validateResource: (args, report) => {
        if (rulesFor(CONTAINER_RESOURCES.rules, args.type).length === 0) return notApplicable(args, "not a Pod or a pod template");
        const config = readConfig<ContainerResourcesConfig>(args, containerResourcesConfig);
        judgeResource(CONTAINER_RESOURCES.rules, config, config.exemptions, args, report);
    },
};
