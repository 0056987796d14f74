// `rbac-least-privilege`: judges what each Role and ClusterRole rule grants, with the RBAC
// authorizer's wildcard semantics, against the known escalation paths; and what each binding
// grants to whom. Each control is CEL (rules.ts, bindings.ts), judged here per object at `pulumi
// up` and by the API server at admission from the same text (policy/admission).
import { ResourceValidationPolicy } from "@pulumi/policy";
import { judgeResource, rulesFor } from "../admission/judge";
import { readConfig, WithExemptions } from "../lib/config";
import { notApplicable } from "../lib/notApplicable";
import { RBAC_LEAST_PRIVILEGE } from "./admissionRules";
import { RbacSettings } from "./rules";

export type RbacConfig = WithExemptions & RbacSettings;

export const rbacLeastPrivilege: ResourceValidationPolicy = {
    name: "rbac-least-privilege",
    description: "RBAC grants least privilege: no wildcards and none of the known escalation paths (escalate, bind, impersonate, " +
        "Secrets read, exec/attach/port-forward, ephemeral containers, nodes/proxy, tokens, CSR approval, webhooks, PVs, " +
        "Namespace relabelling, privileged-namespace writes, aggregation, non-resource URLs), and no broad or admin bindings.",
    enforcementLevel: "advisory",
    severity: "critical",
    configSchema: RBAC_LEAST_PRIVILEGE.spec.schema,
    validateResource: (args, report) => {
        if (rulesFor(RBAC_LEAST_PRIVILEGE.rules, args.type).length === 0) return notApplicable(args, "not an RBAC Role, ClusterRole or binding");
        const config = readConfig<RbacConfig>(args, RBAC_LEAST_PRIVILEGE.spec);
        judgeResource(RBAC_LEAST_PRIVILEGE.rules, config, config.exemptions, args, report);
    },
};
