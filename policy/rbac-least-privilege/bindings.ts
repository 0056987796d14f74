// What a RoleBinding or ClusterRoleBinding grants to whom, each control a CEL admission rule
// (policy/admission/rule.ts).
import { AdmissionRule, celList, RuleCel } from "../admission/rule";
import { CLUSTER_ROLE_BINDING, CONTROL_PLANE_RBAC, ROLE_BINDING } from "./grants";

const BROAD_SUBJECTS = ["system:authenticated", "system:unauthenticated", "system:anonymous", "system:serviceaccounts", "system:masters"];

/** CEL: the binding's roleRef is the ClusterRole named so. */
const bindsClusterRole = "has(object.roleRef) && object.roleRef.kind == 'ClusterRole'";

function bindingRule(control: string, cel: RuleCel): AdmissionRule {
    return { policy: "rbac-least-privilege", control, targets: [ROLE_BINDING, CLUSTER_ROLE_BINDING], controlPlaneObjects: CONTROL_PLANE_RBAC, cel: () => cel };
}

/** A subject that stands for everyone of a kind: every authenticated user, every service account (of a namespace), ... */
const broadSubject = bindingRule("broadSubject", {
    variables: [{
        name: "broad",
        expression: `has(object.subjects) ? object.subjects.filter(s, has(s.name) && (s.name in ${celList(BROAD_SUBJECTS)} || s.name.startsWith('system:serviceaccounts:'))) : []`,
    }],
    expression: "size(variables.broad) == 0",
    messageExpression: "variables.broad.map(s, 'binds ' + (has(object.roleRef) && has(object.roleRef.kind) ? object.roleRef.kind : 'role') + ' ' + " +
        "(has(object.roleRef) && has(object.roleRef.name) ? object.roleRef.name : '') + ' to ' + (has(s.kind) ? s.kind : 'subject') + ' ' + s.name + " +
        "', which everyone in it receives').join('; ')",
});

const clusterAdmin = bindingRule("clusterAdmin", {
    variables: [],
    expression: `!(${bindsClusterRole} && object.roleRef.name == 'cluster-admin')`,
    messageExpression: "'binds the cluster-admin ClusterRole, which grants everything'",
});

/** admin, edit and the controllers' roles, at cluster scope or in kube-system. */
const adminRole = bindingRule("adminRole", {
    variables: [],
    expression: `!(${bindsClusterRole} && (object.roleRef.name in ['admin', 'edit'] || object.roleRef.name.startsWith('system:controller:')) && ` +
        "(object.kind == 'ClusterRoleBinding' || object.metadata.namespace == 'kube-system'))",
    messageExpression: "'binds the ' + object.roleRef.name + ' ClusterRole ' + (object.kind == 'ClusterRoleBinding' ? 'at cluster scope' : 'in kube-system')",
});

/** The binding controls, in the order of the policy's controls. */
export const BINDING_RULES: readonly AdmissionRule[] = [broadSubject, clusterAdmin, adminRole];
