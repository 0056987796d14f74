// `container-resources`: every container is sized, within the stack's per-container maxima.
import { ResourceValidationPolicy } from "@pulumi/policy";
import { readConfig } from "../lib/config";
import { containersOf, describeContainer } from "../lib/containers";
import { isPatchType } from "../lib/kubeType";
import { notApplicable } from "../lib/notApplicable";
import { argsRef, withDefaultNamespace } from "../lib/objectRef";
import { podTemplateOf } from "../lib/podTemplate";
import { reporterFor } from "../lib/report";
import { containerResourceProblems } from "./checkContainer";
import { ContainerResourcesConfig, containerResourcesConfig } from "./config";

export const containerResources: ResourceValidationPolicy = {
    name: "container-resources",
    description: "Every container sets CPU and memory requests and a memory limit (a CPU limit where required), " +
        "requests no higher than limits, within the stack's per-container maxima.",
    enforcementLevel: "advisory",
    severity: "medium",
    configSchema: containerResourcesConfig.schema,
    validateResource: (args, report) => {
        const pod = podTemplateOf(args.type, args.props);
        if (!pod) return notApplicable(args, "not a Pod or a pod template");
        const config = readConfig<ContainerResourcesConfig>(args, containerResourcesConfig);
        const ref = withDefaultNamespace(argsRef(args));
        const patch = isPatchType(args.type);
        const reportObject = reporterFor(report, ref, config.exemptions);
        for (const entry of containersOf(pod.spec)) {
            // Ephemeral containers cannot declare resources; they share the pod's.
            if (entry.field === "ephemeralContainers") continue;
            for (const problem of containerResourceProblems(entry.container.resources, config)) {
                if (!(patch && problem.unset)) reportObject(problem.control, `${describeContainer(entry)} ${problem.message}`);
            }
        }
    },
};
