// `container-resources`: every container is sized, within the stack's per-container maxima.
import { ResourceValidationPolicy } from "@pulumi/policy";
import { readConfig } from "../lib/config";
import { containersOf, describeContainer } from "../lib/containers";
import { objectRef, withDefaultNamespace } from "../lib/objectRef";
import { podTemplateOf } from "../lib/podTemplate";
import { reporterFor } from "../lib/report";
import { containerResourceProblems } from "./checkContainer";
import { ContainerResourcesConfig, containerResourcesConfigSchema } from "./config";

export const containerResources: ResourceValidationPolicy = {
    name: "container-resources",
    description: "Every container sets CPU and memory requests and a memory limit (a CPU limit where required), " +
        "requests no higher than limits, within the stack's per-container maxima.",
    enforcementLevel: "advisory",
    severity: "medium",
    configSchema: containerResourcesConfigSchema,
    validateResource: (args, report) => {
        const pod = podTemplateOf(args.type, args.props);
        if (!pod) return args.notApplicable("not a Pod or a pod template");
        const config = readConfig<ContainerResourcesConfig>(args, containerResourcesConfigSchema);
        const ref = withDefaultNamespace(objectRef(args.type, args.props, args.name));
        const reportObject = reporterFor(report, ref, config.exemptions);
        for (const entry of containersOf(pod.spec)) {
            // Ephemeral containers cannot declare resources; they share the pod's.
            if (entry.field === "ephemeralContainers") continue;
            for (const problem of containerResourceProblems(entry.container.resources, config)) {
                reportObject(`${describeContainer(entry)} ${problem}`);
            }
        }
    },
};
