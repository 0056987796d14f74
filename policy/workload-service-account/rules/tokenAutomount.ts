// `tokenAutomount`: a workload says whether it needs its ServiceAccount's token. Left unset, the
// kubelet mounts it (the ServiceAccount's own setting aside), so every pod gets API credentials it
// may never use. `automountServiceAccountToken: true` is the declared need, `false` the refusal.
import { POD_TEMPLATE_VARIABLES, WORKLOAD_TARGETS } from "../../admission/podTemplate";
import { AdmissionRule } from "../../admission/rule";

export const tokenAutomount: AdmissionRule = {
    policy: "workload-service-account",
    control: "tokenAutomount",
    targets: WORKLOAD_TARGETS,
    cel: () => ({
        variables: [...POD_TEMPLATE_VARIABLES],
        expression: "has(variables.podSpec.automountServiceAccountToken)",
        messageExpression: "'leaves automountServiceAccountToken unset, so the token of ServiceAccount ' + " +
            "(has(variables.podSpec.serviceAccountName) ? variables.podSpec.serviceAccountName : 'default') + " +
            "' is mounted by default: set it to true where the workload calls the Kubernetes API, false elsewhere'",
    }),
};
