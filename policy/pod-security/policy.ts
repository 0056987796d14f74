// `pod-security-standards`: upstream Pod Security Admission semantics, per namespace level.
import { ResourceValidationPolicy } from "@pulumi/policy";
import { readConfig } from "../lib/config";
import { isKubeKind } from "../lib/kubeType";
import { notApplicable } from "../lib/notApplicable";
import { podTemplateOf } from "../lib/podTemplate";
import { PodSecurityConfig, podSecurityConfig } from "./config";
import { checkNamespaceLabel } from "./namespaceLabels";
import { remediateWorkload } from "./remediate";
import { checkWorkload } from "./workloads";

export const podSecurityStandards: ResourceValidationPolicy = {
    name: "pod-security-standards",
    description: "Pods and pod templates meet the Pod Security Standards level of their namespace " +
        "(Pod Security Admission semantics), and namespaces' enforce labels agree with that level.",
    enforcementLevel: "advisory",
    severity: "high",
    configSchema: podSecurityConfig.schema,
    remediationSteps: "Set the securityContext fields named in the message, or move the workload to a namespace " +
        "whose level allows it; a genuine need goes in `exemptions`, naming the chart or namespace, kind and name, the controls it waives, a reason and an expiry.",
    validateResource: (args, report) => {
        const config = readConfig<PodSecurityConfig>(args, podSecurityConfig);
        const pod = podTemplateOf(args.type, args.props);
        if (pod) return checkWorkload(args, pod, config, report);
        if (isKubeKind(args.type, [""], "Namespace")) return checkNamespaceLabel(args, config, report);
        notApplicable(args, "not a Pod, a pod template or a Namespace");
    },
    remediateResource: (args) => {
        if (!podTemplateOf(args.type, args.props)) return undefined;
        return remediateWorkload(args, readConfig<PodSecurityConfig>(args, podSecurityConfig));
    },
};
