// The escalation paths of one Role or ClusterRole, rule by rule. The list follows what Kyverno's
// and Gatekeeper's RBAC policies, Trivy's Kubernetes checks and rbac-police flag; each message
// names the rule (1-based) and the grant that makes it dangerous.
import { grantsOn, Rule, ruleOf, Target } from "./grants";

export interface RbacProblem {
    control: string;
    message: string;
}

const core = (...resources: string[]): Target[] => resources.map((resource) => ({ group: "", resource }));
const inGroup = (group: string, ...resources: string[]): Target[] => resources.map((resource) => ({ group, resource }));

const READ = ["get", "list", "watch"];
const WRITE = ["create", "update", "patch", "delete", "deletecollection"];
const WRITE_VERBS = new Set([...WRITE, "*", "escalate", "bind", "impersonate", "approve", "sign"]);
const RBAC = "rbac.authorization.k8s.io";

interface Path {
    control: string;
    verbs: readonly string[];
    targets: readonly Target[];
    why: string;
    /** Only in a ClusterRole (cluster scope), or only in a Role in a privileged namespace. */
    scope?: "cluster" | "privilegedNamespace";
}

const PATHS: readonly Path[] = [
    { control: "escalate", verbs: ["escalate"], targets: inGroup(RBAC, "roles", "clusterroles"), why: "lets it write roles granting more than it holds" },
    { control: "bind", verbs: ["bind"], targets: inGroup(RBAC, "roles", "clusterroles"), why: "lets it bind roles granting more than it holds" },
    {
        control: "impersonate", verbs: ["impersonate"],
        targets: [...core("users", "groups", "serviceaccounts"), ...inGroup("authentication.k8s.io", "uids", "userextras")],
        why: "lets it act as another user, group or service account",
    },
    { control: "secretsRead", verbs: READ, targets: core("secrets"), why: "reads every Secret, service account tokens included", scope: "cluster" },
    {
        control: "secretsRead", verbs: READ, targets: core("secrets"), why: "reads the Secrets of a privileged namespace",
        scope: "privilegedNamespace",
    },
    {
        control: "podExec", verbs: ["create", "get"], targets: core("pods/exec", "pods/attach", "pods/portforward"),
        why: "gives interactive access to running containers",
    },
    {
        control: "ephemeralContainers", verbs: ["update", "patch"], targets: core("pods/ephemeralcontainers"),
        why: "adds a container of its choosing to running pods",
    },
    { control: "nodesProxy", verbs: ["get", "create", "update", "patch", "delete"], targets: core("nodes/proxy"), why: "reaches the kubelet API (exec in any pod on the node)" },
    { control: "serviceAccountToken", verbs: ["create"], targets: core("serviceaccounts/token"), why: "mints tokens of service accounts" },
    {
        control: "csrApproval", verbs: ["update", "patch"], targets: inGroup("certificates.k8s.io", "certificatesigningrequests/approval"),
        why: "approves certificate requests, e.g. for system:masters client certificates",
    },
    { control: "csrApproval", verbs: ["approve", "sign"], targets: inGroup("certificates.k8s.io", "signers"), why: "approves or signs certificates for a signer" },
    {
        control: "admissionWebhooks", verbs: WRITE,
        targets: inGroup("admissionregistration.k8s.io", "mutatingwebhookconfigurations", "validatingwebhookconfigurations",
            "validatingadmissionpolicies", "validatingadmissionpolicybindings", "mutatingadmissionpolicies", "mutatingadmissionpolicybindings"),
        why: "can intercept, change or switch off admission of every object",
    },
    { control: "persistentVolumeCreate", verbs: ["create"], targets: core("persistentvolumes"), why: "can create hostPath volumes onto any node's filesystem" },
    { control: "namespaceUpdate", verbs: ["update", "patch"], targets: core("namespaces"), why: "can relabel a namespace's Pod Security level" },
    {
        control: "privilegedNamespaceWrite", verbs: ["create", "update", "patch"],
        targets: [...core("pods", "secrets", "replicationcontrollers"), ...inGroup("apps", "deployments", "daemonsets", "statefulsets", "replicasets"),
            ...inGroup("batch", "jobs", "cronjobs")],
        why: "runs pods or writes Secrets where pods may be privileged", scope: "privilegedNamespace",
    },
];

/**
 * Non-resource URLs a role may read: health and version endpoints, and `/metrics` and its named
 * sub-paths (`/metrics/slis`, `/metrics/cadvisor`), which every Prometheus-style metrics reader
 * needs (kube-prometheus-stack's own Prometheus role asks for them). A glob (`/metrics*`) or a verb
 * other than get/head is still reported.
 */
const READ_ONLY_URLS = /^\/(healthz|livez|readyz)(\/.*)?$|^\/version\/?$|^\/metrics(\/[^*]+)?$/;
const AGGREGATE_LABEL = /^rbac\.authorization\.k8s\.io\/aggregate-to-(view|edit|admin)$/;
/**
 * Labels the API server's own ClusterRoles carry: an aggregationRule selecting them gathers rules
 * no policy of the stack judged (admin's Secrets read and exec, cluster-admin's everything).
 */
const BUILT_IN_ROLE_LABEL = /^rbac\.authorization\.k8s\.io\/aggregate-to-|^kubernetes\.io\/bootstrapping$/;

/**
 * Why an aggregationRule selector could gather rules the pack never judged, or undefined. A
 * selector that needs a label of the platform's own gathers only ClusterRoles the stack declares,
 * and each of those is judged by this policy on its own; an empty selector, one by expressions
 * alone, or one on the built-in roles' labels reaches further.
 */
function unjudgedAggregation(selector: Record<string, any>): string | undefined {
    const labels: Record<string, unknown> = selector?.matchLabels ?? {};
    const builtIn = Object.keys(labels).filter((k) => BUILT_IN_ROLE_LABEL.test(k));
    if (builtIn.length > 0) return `selects the built-in roles' label ${builtIn.join(", ")}`;
    if (Object.keys(labels).length === 0) {
        return (selector?.matchExpressions ?? []).length > 0 ? "selects by matchExpressions alone" : "selects every ClusterRole";
    }
    return undefined;
}

export const RULE_CONTROLS = [
    "wildcard", ...new Set(PATHS.map((p) => p.control)), "aggregation", "nonResourceURLs",
] as const;

function ruleProblems(rule: Rule, label: string, clusterScope: boolean, privilegedNamespace: boolean): RbacProblem[] {
    const problems: RbacProblem[] = [];
    for (const [field, values] of [["verbs", rule.verbs], ["resources", rule.resources], ["apiGroups", rule.apiGroups], ["nonResourceURLs", rule.nonResourceURLs]] as const) {
        if (values.includes("*")) problems.push({ control: "wildcard", message: `${label} uses a wildcard in ${field}, granting every current and future one` });
    }
    for (const path of PATHS) {
        if (path.scope === "cluster" && !clusterScope) continue;
        if (path.scope === "privilegedNamespace" && !privilegedNamespace) continue;
        const granted = grantsOn(rule, path.verbs, path.targets);
        if (granted.length > 0) problems.push({ control: path.control, message: `${label} grants ${granted.join("; ")}, which ${path.why}` });
    }
    if (rule.nonResourceURLs.length > 0) {
        const urls = rule.nonResourceURLs.filter((u) => !READ_ONLY_URLS.test(u));
        const verbs = rule.verbs.filter((v) => v !== "get" && v !== "head");
        if (urls.length > 0 || verbs.length > 0) {
            problems.push({
                control: "nonResourceURLs",
                message: `${label} grants ${rule.verbs.join(", ")} on non-resource URLs ${rule.nonResourceURLs.join(", ")}; only get on health, version and metrics endpoints is allowed`,
            });
        }
    }
    return problems;
}

export function roleProblems(
    kind: string, namespace: string | undefined, props: Record<string, any>, privilegedNamespaces: readonly string[],
): RbacProblem[] {
    const clusterScope = kind === "ClusterRole";
    const privilegedNamespace = !clusterScope && privilegedNamespaces.includes(namespace ?? "default");
    const rules: Array<Record<string, any>> = Array.isArray(props.rules) ? props.rules : [];
    const problems = rules.flatMap((raw, i) => ruleProblems(ruleOf(raw), `rule ${i + 1}`, clusterScope, privilegedNamespace));
    if (clusterScope) {
        const selectors: unknown[] = props.aggregationRule?.clusterRoleSelectors ?? [];
        selectors.forEach((selector, i) => {
            const why = unjudgedAggregation(selector as Record<string, any>);
            if (why) {
                problems.push({
                    control: "aggregation",
                    message: `aggregationRule selector ${i + 1} ${why}: it gains rules no policy judged, now and later`,
                });
            }
        });
        const labels: Record<string, string> = props.metadata?.labels ?? {};
        const targets = Object.keys(labels).filter((k) => AGGREGATE_LABEL.test(k) && labels[k] === "true").map((k) => k.replace(/^.*aggregate-to-/, ""));
        if (targets.length > 0) {
            rules.forEach((raw, i) => {
                const writes = ruleOf(raw).verbs.filter((v) => WRITE_VERBS.has(v));
                if (writes.length > 0) {
                    problems.push({
                        control: "aggregation",
                        message: `rule ${i + 1} adds ${writes.join(", ")} to the ${targets.join(", ")} ClusterRole(s) through its aggregate-to label, granting it to everyone bound to them`,
                    });
                }
            });
        }
    }
    return problems;
}
