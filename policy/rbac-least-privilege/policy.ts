// `rbac-least-privilege`: no wildcards, no privilege-escalation verbs, no cluster-wide Secrets
// read, no cluster-admin or anonymous/masters bindings; pods/exec and pods/attach are flagged.
import { ResourceValidationPolicy } from "@pulumi/policy";
import { configSchema, readConfig, WithExemptions } from "../lib/config";
import { kubeType } from "../lib/kubeType";
import { objectRef } from "../lib/objectRef";
import { reporterFor } from "../lib/report";
import { bindingProblems } from "./bindings";
import { ruleProblems } from "./rules";

const RBAC_GROUP = "rbac.authorization.k8s.io";
const ROLE_KINDS = ["Role", "ClusterRole"];
const BINDING_KINDS = ["RoleBinding", "ClusterRoleBinding"];

const schema = configSchema({});

export const rbacLeastPrivilege: ResourceValidationPolicy = {
    name: "rbac-least-privilege",
    description: "RBAC grants least privilege: no wildcards, escalate/bind/impersonate, cluster-wide Secrets read, " +
        "pods/exec or pods/attach, and no bindings to cluster-admin, system:anonymous, system:unauthenticated or system:masters.",
    enforcementLevel: "advisory",
    severity: "critical",
    configSchema: schema,
    validateResource: (args, report) => {
        const t = kubeType(args.type);
        if (!t || t.group !== RBAC_GROUP || ![...ROLE_KINDS, ...BINDING_KINDS].includes(t.kind)) {
            return args.notApplicable("not an RBAC Role, ClusterRole or binding");
        }
        const config = readConfig<WithExemptions>(args, schema);
        const reportObject = reporterFor(report, objectRef(args.type, args.props, args.name), config.exemptions);
        if (BINDING_KINDS.includes(t.kind)) {
            for (const problem of bindingProblems(args.props)) reportObject(problem);
            return;
        }
        const rules: Record<string, any>[] = args.props.rules ?? [];
        rules.forEach((rule, index) => {
            for (const problem of ruleProblems(rule, t.kind === "ClusterRole")) reportObject(`rule ${index + 1} ${problem}`);
        });
    },
};
