// The escalation paths of one Role or ClusterRole, each control a CEL admission rule
// (policy/admission/rule.ts) over the role's rules. The list follows what Kyverno's and
// Gatekeeper's RBAC policies, Trivy's Kubernetes checks and rbac-police flag; each message names
// the rule by its content (grants.ts: RULE_LABEL) and the grant that makes it dangerous. A control
// reports one message, each rule's problem joined by "; ".
import { AdmissionRule, celBind, celList, celString, RuleCel, RuleTarget } from "../admission/rule";
import { CLUSTER_ROLE, CONTROL_PLANE_RBAC, grantsOnCel, perRule, ROLE, RULE_LABEL, RULES, Target } from "./grants";

export interface RbacSettings {
    /** Namespaces where creating pods, workloads or Secrets, or reading Secrets, amounts to node access. */
    privilegedNamespaces: string[];
}

const core = (...resources: string[]): Target[] => resources.map((resource) => ({ group: "", resource }));
const inGroup = (group: string, ...resources: string[]): Target[] => resources.map((resource) => ({ group, resource }));

const READ = ["get", "list", "watch"];
const WRITE = ["create", "update", "patch", "delete", "deletecollection"];
const WRITE_VERBS = [...WRITE, "*", "escalate", "bind", "impersonate", "approve", "sign"];
const RBAC = "rbac.authorization.k8s.io";

interface Path {
    verbs: readonly string[];
    targets: readonly Target[];
    why: string;
    /** Only in a ClusterRole (cluster scope), or only in a Role in a privileged namespace. */
    scope?: "cluster" | "privilegedNamespace";
}

/** CEL: the role is a Role in one of the privileged namespaces. */
const inPrivilegedNamespace = (namespaces: readonly string[]): string =>
    (namespaces.length === 0 ? "false" : `object.kind == 'Role' && object.metadata.namespace in ${celList(namespaces)}`);

/** CEL list of each rule's message for the path, in scope. */
function pathProblems(path: Path, settings: RbacSettings): string {
    const problems = perRule(celBind("granted", grantsOnCel(path.verbs, path.targets),
        `size(granted) == 0 ? '' : ${RULE_LABEL} + ' grants ' + granted.join('; ') + ${celString(`, which ${path.why}`)}`));
    if (path.scope === "cluster") return `(object.kind == 'ClusterRole' ? ${problems} : [])`;
    if (path.scope === "privilegedNamespace") return `(${inPrivilegedNamespace(settings.privilegedNamespaces)} ? ${problems} : [])`;
    return problems;
}

/** A control of the role's rules: `problems` gives the CEL list of its messages, or undefined for no policy. */
function roleRule(control: string, targets: readonly RuleTarget[], problems: (settings: RbacSettings) => string | undefined,
    variables: RuleCel["variables"] = []): AdmissionRule {
    return {
        policy: "rbac-least-privilege",
        control,
        targets,
        controlPlaneObjects: CONTROL_PLANE_RBAC,
        cel: (settings) => {
            const expression = problems(settings as RbacSettings);
            if (expression === undefined) return undefined;
            return {
                variables: [RULES, ...variables, { name: "problems", expression }],
                expression: "size(variables.problems) == 0",
                messageExpression: "variables.problems.join('; ')",
            };
        },
    };
}

const ROLES = [ROLE, CLUSTER_ROLE];

const pathRule = (control: string, paths: readonly Path[], targets: readonly RuleTarget[] = ROLES): AdmissionRule =>
    roleRule(control, targets, (settings) => {
        const inScope = paths.filter((p) => p.scope !== "privilegedNamespace" || settings.privilegedNamespaces.length > 0);
        return inScope.length === 0 ? undefined : inScope.map((p) => pathProblems(p, settings)).join(" + ");
    });

/** A wildcard in verbs, resources, apiGroups or nonResourceURLs grants every current and future one. */
const wildcard = roleRule("wildcard", ROLES, () => perRule(celBind("wild", "['verbs', 'resources', 'apiGroups', 'nonResourceURLs'].filter(f, '*' in r[f])",
    `size(wild) == 0 ? '' : ${RULE_LABEL} + ' uses a wildcard in ' + wild.join(', ') + ', granting every current and future one'`)));

const PATH_RULES: readonly AdmissionRule[] = [
    pathRule("escalate", [{ verbs: ["escalate"], targets: inGroup(RBAC, "roles", "clusterroles"), why: "lets it write roles granting more than it holds" }]),
    pathRule("bind", [{ verbs: ["bind"], targets: inGroup(RBAC, "roles", "clusterroles"), why: "lets it bind roles granting more than it holds" }]),
    pathRule("impersonate", [{
        verbs: ["impersonate"],
        targets: [...core("users", "groups", "serviceaccounts"), ...inGroup("authentication.k8s.io", "uids", "userextras")],
        why: "lets it act as another user, group or service account",
    }]),
    pathRule("secretsRead", [
        { verbs: READ, targets: core("secrets"), why: "reads every Secret, service account tokens included", scope: "cluster" },
        { verbs: READ, targets: core("secrets"), why: "reads the Secrets of a privileged namespace", scope: "privilegedNamespace" },
    ]),
    pathRule("podExec", [{
        verbs: ["create", "get"], targets: core("pods/exec", "pods/attach", "pods/portforward"), why: "gives interactive access to running containers",
    }]),
    pathRule("ephemeralContainers", [{
        verbs: ["update", "patch"], targets: core("pods/ephemeralcontainers"), why: "adds a container of its choosing to running pods",
    }]),
    pathRule("nodesProxy", [{
        verbs: ["get", "create", "update", "patch", "delete"], targets: core("nodes/proxy"), why: "reaches the kubelet API (exec in any pod on the node)",
    }]),
    pathRule("serviceAccountToken", [{ verbs: ["create"], targets: core("serviceaccounts/token"), why: "mints tokens of service accounts" }]),
    pathRule("csrApproval", [
        {
            verbs: ["update", "patch"], targets: inGroup("certificates.k8s.io", "certificatesigningrequests/approval"),
            why: "approves certificate requests, e.g. for system:masters client certificates",
        },
        { verbs: ["approve", "sign"], targets: inGroup("certificates.k8s.io", "signers"), why: "approves or signs certificates for a signer" },
    ]),
    pathRule("admissionWebhooks", [{
        verbs: WRITE,
        targets: inGroup("admissionregistration.k8s.io", "mutatingwebhookconfigurations", "validatingwebhookconfigurations",
            "validatingadmissionpolicies", "validatingadmissionpolicybindings", "mutatingadmissionpolicies", "mutatingadmissionpolicybindings"),
        why: "can intercept, change or switch off admission of every object",
    }]),
    pathRule("persistentVolumeCreate", [{ verbs: ["create"], targets: core("persistentvolumes"), why: "can create hostPath volumes onto any node's filesystem" }]),
    pathRule("namespaceUpdate", [{ verbs: ["update", "patch"], targets: core("namespaces"), why: "can relabel a namespace's Pod Security level" }]),
    pathRule("privilegedNamespaceWrite", [{
        verbs: ["create", "update", "patch"],
        targets: [...core("pods", "secrets", "replicationcontrollers"), ...inGroup("apps", "deployments", "daemonsets", "statefulsets", "replicasets"),
            ...inGroup("batch", "jobs", "cronjobs")],
        why: "runs pods or writes Secrets where pods may be privileged", scope: "privilegedNamespace",
    }], [ROLE]),
];

/**
 * Non-resource URLs a role may read: health and version endpoints, and `/metrics` and its named
 * sub-paths (`/metrics/slis`, `/metrics/cadvisor`), which every Prometheus-style metrics reader
 * needs (kube-prometheus-stack's own Prometheus role asks for them). A glob (`/metrics*`) or a verb
 * other than get/head is still reported. RE2, as CEL's `matches` reads it.
 */
const READ_ONLY_URLS = "^/(healthz|livez|readyz)(/.*)?$|^/version/?$|^/metrics(/[^*]+)?$";

const nonResourceURLs = roleRule("nonResourceURLs", ROLES, () => perRule(
    `size(r.nonResourceURLs) > 0 && (r.nonResourceURLs.exists(u, !u.matches(${celString(READ_ONLY_URLS)})) || r.verbs.exists(v, v != 'get' && v != 'head')) ? ` +
    `${RULE_LABEL} + ' reaches non-resource URLs; only get on health, version and metrics endpoints is allowed' : ''`));

/**
 * Labels the API server's own ClusterRoles carry: an aggregationRule selecting them gathers rules
 * no policy of the stack judged (admin's Secrets read and exec, cluster-admin's everything).
 */
const BUILT_IN_ROLE_LABEL = "^rbac\\.authorization\\.k8s\\.io/aggregate-to-|^kubernetes\\.io/bootstrapping$";
const AGGREGATE_TO = "rbac.authorization.k8s.io/aggregate-to-";

/**
 * CEL: why the aggregationRule selector `s` could gather rules the pack never judged, or ''. A
 * selector that needs a label of the platform's own gathers only ClusterRoles the stack declares,
 * and each of those is judged by this policy on its own; an empty selector, one by expressions
 * alone, or one on the built-in roles' labels reaches further. (Several built-in labels in one
 * selector are listed in the map's order, which the API server does not fix.)
 */
const UNJUDGED_AGGREGATION = celBind("labels", "has(s.matchLabels) ? s.matchLabels : {}", celBind("builtIn", `labels.filter(k, k.matches(${celString(BUILT_IN_ROLE_LABEL)}))`,
    "size(builtIn) > 0 ? \"selects the built-in roles' label \" + builtIn.join(', ') : size(labels) > 0 ? '' : " +
    "has(s.matchExpressions) && size(s.matchExpressions) > 0 ? 'selects by matchExpressions alone' : 'selects every ClusterRole'"));

/**
 * An aggregationRule that gathers unjudged rules, and rules that a ClusterRole labelled
 * aggregate-to-view/edit/admin adds (write verbs) to everyone bound to those roles.
 */
const aggregation = roleRule("aggregation", [CLUSTER_ROLE], () => {
    const selectors = "(has(object.aggregationRule) && has(object.aggregationRule.clusterRoleSelectors) ? object.aggregationRule.clusterRoleSelectors : [])";
    const unjudged = `${selectors}.map(s, ${UNJUDGED_AGGREGATION}).filter(why, why != '').map(why, 'an aggregationRule selector ' + why + ': it gains rules no policy judged, now and later')`;
    const writes = perRule(celBind("writes", `r.verbs.filter(v, v in ${celList(WRITE_VERBS)})`,
        `size(variables.aggregatesTo) == 0 || size(writes) == 0 ? '' : ${RULE_LABEL} + ' adds ' + writes.join(', ') + ' to the ' + ` +
        "variables.aggregatesTo.join(', ') + ' ClusterRole(s) through its aggregate-to label, granting it to everyone bound to them'"));
    return `${unjudged} + ${writes}`;
}, [{
    name: "aggregatesTo",
    expression: `has(object.metadata.labels) ? ['view', 'edit', 'admin'].filter(t, (${celString(AGGREGATE_TO)} + t) in object.metadata.labels && ` +
        `object.metadata.labels[${celString(AGGREGATE_TO)} + t] == 'true') : []`,
}]);

/** The role controls, in the order of the policy's controls. */
export const ROLE_RULES: readonly AdmissionRule[] = [wildcard, ...PATH_RULES, aggregation, nonResourceURLs];
