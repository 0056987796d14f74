// What an RBAC rule grants, in CEL over one rule `r` of `variables.rules`, matched the way the RBAC
// authorizer matches a request: "*" matches any verb, API group or resource; "*/<sub>" matches
// that subresource of every resource; a rule with resourceNames grants only those objects (never a
// create, never a list of everything). The kinds the policy judges are here too.
import { celList, celString, RuleTarget } from "../admission/rule";

const RBAC_GROUP = "rbac.authorization.k8s.io";
export const ROLE: RuleTarget = { group: RBAC_GROUP, kind: "Role", resource: "roles" };
export const CLUSTER_ROLE: RuleTarget = { group: RBAC_GROUP, kind: "ClusterRole", resource: "clusterroles", clusterScoped: true };
export const ROLE_BINDING: RuleTarget = { group: RBAC_GROUP, kind: "RoleBinding", resource: "rolebindings" };
export const CLUSTER_ROLE_BINDING: RuleTarget = { group: RBAC_GROUP, kind: "ClusterRoleBinding", resource: "clusterrolebindings", clusterScoped: true };

/**
 * CEL true for the RBAC objects the API server itself bootstraps and keeps up to date, and its
 * aggregation controller rewrites: the ClusterRoles and ClusterRoleBindings cluster-admin, admin,
 * edit, view and `system:*` (cluster-admin is `*` on `*`; admin reads Secrets and execs). No stack
 * declares them, so the pack never sees them; denying their updates would stop the API server's
 * RBAC bootstrap on an upgrade and the aggregation of new kinds into admin, edit and view. They are
 * matched by kind and name, which only a writer of cluster-scoped objects (never a tenant) chooses.
 */
export const CONTROL_PLANE_RBAC = "object.kind in ['ClusterRole', 'ClusterRoleBinding'] && " +
    "(object.metadata.name in ['cluster-admin', 'admin', 'edit', 'view'] || object.metadata.name.startsWith('system:'))";

const LISTS = ["apiGroups", "resources", "resourceNames", "nonResourceURLs", "verbs"] as const;

/** The role's rules, each with all of its lists ([] when unset), as `variables.rules`. */
export const RULES = {
    name: "rules",
    expression: `has(object.rules) ? object.rules.map(r, {${LISTS.map((l) => `'${l}': has(r.${l}) ? r.${l} : []`).join(", ")}}) : []`,
} as const;

/**
 * CEL: the rule `r` named by its content, its lists that are set in the order a manifest usually
 * gives them, e.g. `rule {apiGroups: [""], resources: [secrets], verbs: [get, list]}` (the core
 * group spelled ""). A message names a rule so rather than by its position: the position needs a
 * two-variable comprehension, which the pack's evaluator does not have.
 */
export const RULE_LABEL = "'rule {' + (" + LISTS.map((l) => {
    const values = l === "apiGroups" ? "r.apiGroups.map(ag, ag == '' ? '\"\"' : ag)" : `r.${l}`;
    return `(size(r.${l}) > 0 ? ['${l}: [' + ${values}.join(', ') + ']'] : [])`;
}).join(" + ") + ").join(', ') + '}'";

export interface Target {
    group: string;
    resource: string;
}

const targetName = (t: Target): string => `${t.group === "" ? "" : `${t.group}/`}${t.resource}`;

/** CEL: the rule `r` covers the target's group and resource, "pods/exec" also through "*" and "*\/exec". */
function coversCel(t: Target): string {
    const slash = t.resource.indexOf("/");
    const resources = ["*", t.resource, ...(slash >= 0 ? [`*/${t.resource.slice(slash + 1)}`] : [])];
    return `('*' in r.apiGroups || ${celString(t.group)} in r.apiGroups) && (${resources.map((x) => `${celString(x)} in r.resources`).join(" || ")})`;
}

/**
 * CEL list of strings: each "<verbs> on <target>" the rule `r` grants among the targets, on every
 * object of the target (a rule with resourceNames grants none); "*" stands for all of `verbs`.
 */
export function grantsOnCel(verbs: readonly string[], targets: readonly Target[]): string {
    const anyVerb = `('*' in r.verbs || ${celList(verbs)}.exists(v, v in r.verbs))`;
    const granted = `('*' in r.verbs ? '*' : ${celList(verbs)}.filter(v, v in r.verbs).join(', '))`;
    return targets
        .map((t) => `(size(r.resourceNames) == 0 && ${anyVerb} && ${coversCel(t)} ? [${granted} + ${celString(` on ${targetName(t)}`)}] : [])`)
        .join(" + ");
}

/** CEL list of strings: `message` (over `r`) for each rule of `variables.rules` for which it is not ''. */
export const perRule = (message: string): string => `variables.rules.map(r, ${message}).filter(m, m != '')`;
