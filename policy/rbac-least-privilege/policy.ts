// `rbac-least-privilege`: judges what each Role and ClusterRole rule grants, with the RBAC
// authorizer's wildcard semantics, against the known escalation paths; and what each binding
// grants to whom.
import { ResourceValidationPolicy } from "@pulumi/policy";
import { configSpec, readConfig, WithExemptions } from "../lib/config";
import { kubeType } from "../lib/kubeType";
import { notApplicable } from "../lib/notApplicable";
import { argsRef } from "../lib/objectRef";
import { reporterFor } from "../lib/report";
import { BINDING_CONTROLS, bindingProblems } from "./bindings";
import { roleProblems, RULE_CONTROLS } from "./rules";

const RBAC_GROUP = "rbac.authorization.k8s.io";
const ROLE_KINDS = ["Role", "ClusterRole"];
const BINDING_KINDS = ["RoleBinding", "ClusterRoleBinding"];

export interface RbacConfig extends WithExemptions {
    /** Namespaces where creating pods, workloads or Secrets, or reading Secrets, amounts to node access. */
    privilegedNamespaces: string[];
}

const spec = configSpec("rbac-least-privilege", [...RULE_CONTROLS, ...BINDING_CONTROLS], {
    privilegedNamespaces: {
        type: "array",
        items: { type: "string", minLength: 1 },
        uniqueItems: true,
        default: ["kube-system"],
        description: "Namespaces whose pods may be privileged (kube-system and the platform's privileged namespaces): " +
            "a Role there may not create pods, workloads or Secrets, nor read Secrets.",
    },
});

export const rbacLeastPrivilege: ResourceValidationPolicy = {
    name: "rbac-least-privilege",
    description: "RBAC grants least privilege: no wildcards and none of the known escalation paths (escalate, bind, impersonate, " +
        "Secrets read, exec/attach/port-forward, ephemeral containers, nodes/proxy, tokens, CSR approval, webhooks, PVs, " +
        "Namespace relabelling, privileged-namespace writes, aggregation, non-resource URLs), and no broad or admin bindings.",
    enforcementLevel: "advisory",
    severity: "critical",
    configSchema: spec.schema,
    validateResource: (args, report) => {
        const t = kubeType(args.type);
        if (!t || t.group !== RBAC_GROUP || ![...ROLE_KINDS, ...BINDING_KINDS].includes(t.kind)) {
            return notApplicable(args, "not an RBAC Role, ClusterRole or binding");
        }
        const config = readConfig<RbacConfig>(args, spec);
        const ref = argsRef(args);
        const reportObject = reporterFor(report, ref, config.exemptions);
        const problems = BINDING_KINDS.includes(t.kind)
            ? bindingProblems(t.kind, ref.namespace, args.props)
            : roleProblems(t.kind, ref.namespace, args.props, config.privilegedNamespaces);
        for (const problem of problems) reportObject(problem.control, problem.message);
    },
};
