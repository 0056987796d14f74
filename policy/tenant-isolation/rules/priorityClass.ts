// TEN010: no tenant pod runs at a `system-` priority class, reserved for the cluster's own
// components (the API server's priority admission guards them only in kube-system).
import { POD_TEMPLATE_VARIABLES, WORKLOAD_TARGETS } from "../../admission/podTemplate";
import { tenantRule } from "../tenantRule";

export const priorityClass = tenantRule("PriorityClass", WORKLOAD_TARGETS, () => ({
    variables: [...POD_TEMPLATE_VARIABLES],
    expression: "!(has(variables.podSpec.priorityClassName) && variables.podSpec.priorityClassName.startsWith('system-'))",
    args: ["variables.podSpec.priorityClassName"],
}));
