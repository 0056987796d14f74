// `rbac-least-privilege`'s admission cases (see admissionCases.ts): a tenant's read-only Role and
// a platform ClusterRole reading pods as the baselines, one rule or field changed per case, and the
// bindings' own. Cluster-scoped objects (ClusterRole, ClusterRoleBinding) have no namespace to
// rename on a real cluster; Roles in a privileged namespace go to that namespace (`inPlace`), since
// the verdict rests on its name. Each changed object breaks one control, so the pack reports one
// message for it; a ClusterRole of `*` on `*` breaks thirteen, and is tried in
// test/policy/admission/generate.test.ts instead.
import { rbacLeastPrivilege } from "../../policy/policies";
import type { PackCase } from "./packCase";
import { resource } from "./pods";

const RBAC = "kubernetes:rbac.authorization.k8s.io/v1";
const SHOP = resource("kubernetes:core/v1:Namespace", "shop", { metadata: { name: "shop", labels: { "platform.example.com/tenant": "true" } } });
/** A Helm Chart's resource, as the parent of the objects it renders. */
const chartUrn = (name: string) => `urn:pulumi:test::platform::kubernetes:helm.sh/v4:Chart::${name}`;

const READ_PODS = { apiGroups: [""], resources: ["pods", "pods/log"], verbs: ["get", "list", "watch"] };
const EVERYTHING = [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }, { nonResourceURLs: ["*"], verbs: ["*"] }];

interface RoleOptions {
    namespace?: string;
    name?: string;
    /** The role's rules instead of the baseline's READ_PODS and the case's rule. */
    rules?: Array<Record<string, any>>;
    labels?: Record<string, string>;
    aggregationRule?: Record<string, any>;
    parent?: string;
}

function roleCase(title: string, kind: "Role" | "ClusterRole", rule: Record<string, any> | undefined, expected?: string, options: RoleOptions = {}): PackCase {
    const namespace = options.namespace ?? "shop";
    const name = options.name ?? "reader";
    const metadata = { name, ...(kind === "Role" ? { namespace } : {}), ...(options.labels ? { labels: options.labels } : {}) };
    const props = {
        metadata, rules: options.rules ?? [READ_PODS, ...(rule ? [rule] : [])],
        ...(options.aggregationRule ? { aggregationRule: options.aggregationRule } : {}),
    };
    const pulumiName = kind === "Role" ? `${namespace}-${name}` : name;
    const subject = resource(`${RBAC}:${kind}`, pulumiName, props, options.parent ? { parent: options.parent } : {});
    const inPlace = kind === "Role" && namespace !== "shop" ? true : undefined;
    return { title, policy: rbacLeastPrivilege, resources: [SHOP, subject], subject: `${kind}::${pulumiName}`, expected, ...(inPlace ? { inPlace } : {}) };
}

const TEAM = { kind: "Group", name: "team-shop", apiGroup: "rbac.authorization.k8s.io" };

function bindingCase(title: string, kind: "RoleBinding" | "ClusterRoleBinding", roleName: string, subject: Record<string, any>, expected?: string): PackCase {
    const name = "shop-team";
    const props = {
        metadata: { name, ...(kind === "RoleBinding" ? { namespace: "shop" } : {}) },
        roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: roleName },
        subjects: [subject],
    };
    const pulumiName = kind === "RoleBinding" ? `shop-${name}` : name;
    return { title, policy: rbacLeastPrivilege, resources: [SHOP, resource(`${RBAC}:${kind}`, pulumiName, props)], subject: `${kind}::${pulumiName}`, expected };
}

const ONLY_READS = "; only get on health, version and metrics endpoints is allowed";

export const RBAC_CASES: PackCase[] = [
    roleCase("the baseline: a tenant Role reading pods", "Role", undefined),
    roleCase("look-alike: reading Secrets within a tenant namespace", "Role", { apiGroups: [""], resources: ["secrets"], verbs: ["get", "list"] }),
    roleCase("look-alike: a resourceNames-limited exec", "Role", { apiGroups: [""], resources: ["pods/exec"], resourceNames: ["debug"], verbs: ["create"] }),
    roleCase("look-alike: reading pods in a privileged namespace", "Role", undefined, undefined, { namespace: "node-exporter" }),
    roleCase("look-alike: a metrics reader, get on /metrics and its named sub-paths", "ClusterRole",
        { nonResourceURLs: ["/metrics", "/metrics/cadvisor", "/metrics/slis"], verbs: ["get"] }),
    roleCase("look-alike: an aggregationRule gathering the platform's own labelled ClusterRoles", "ClusterRole", undefined, undefined,
        { aggregationRule: { clusterRoleSelectors: [{ matchLabels: { "platform.example.com/aggregate-to-shop-reader": "true" } }] } }),
    roleCase("look-alike: Argo CD's controller ClusterRole, * on *, exempted by kind and name", "ClusterRole", undefined, undefined,
        { name: "argocd-application-controller", rules: EVERYTHING, parent: chartUrn("argocd") }),
    roleCase("a wildcard verb in a tenant Role", "Role", { ...READ_PODS, verbs: ["*"] },
        'Role shop/reader: rule {apiGroups: [""], resources: [pods, pods/log], verbs: [*]} uses a wildcard in verbs, granting every current and future one'),
    roleCase("exec in a tenant Role", "Role", { apiGroups: [""], resources: ["pods/exec"], verbs: ["create"] },
        'Role shop/reader: rule {apiGroups: [""], resources: [pods/exec], verbs: [create]} grants create on pods/exec, which gives interactive access to running containers'),
    roleCase("every resource's exec subresource in a tenant Role", "Role", { apiGroups: [""], resources: ["*/exec"], verbs: ["get"] },
        'Role shop/reader: rule {apiGroups: [""], resources: [*/exec], verbs: [get]} grants get on pods/exec, which gives interactive access'),
    roleCase("reading Secrets in a privileged namespace", "Role", { apiGroups: [""], resources: ["secrets"], verbs: ["get"] },
        'Role fluent-bit/reader: rule {apiGroups: [""], resources: [secrets], verbs: [get]} grants get on secrets, which reads the Secrets of a privileged namespace',
        { namespace: "fluent-bit" }),
    roleCase("creating pods in a privileged namespace", "Role", { apiGroups: ["", "apps"], resources: ["pods", "daemonsets"], verbs: ["create"] },
        'Role node-exporter/reader: rule {apiGroups: ["", apps], resources: [pods, daemonsets], verbs: [create]} grants create on pods; create on apps/daemonsets, ' +
        "which runs pods or writes Secrets where pods may be privileged", { namespace: "node-exporter" }),
    roleCase("a ClusterRole reading every Secret", "ClusterRole", { apiGroups: [""], resources: ["secrets"], verbs: ["list", "watch"] },
        'ClusterRole reader: rule {apiGroups: [""], resources: [secrets], verbs: [list, watch]} grants list, watch on secrets, which reads every Secret, service account tokens included'),
    roleCase("a ClusterRole on every API group", "ClusterRole", { apiGroups: ["*"], resources: ["deployments"], verbs: ["get", "list", "watch"] },
        "ClusterRole reader: rule {apiGroups: [*], resources: [deployments], verbs: [get, list, watch]} uses a wildcard in apiGroups, granting every current and future one"),
    roleCase("a ClusterRole reaching the kubelet", "ClusterRole", { apiGroups: [""], resources: ["nodes/proxy"], verbs: ["get"] },
        'ClusterRole reader: rule {apiGroups: [""], resources: [nodes/proxy], verbs: [get]} grants get on nodes/proxy, which reaches the kubelet API'),
    roleCase("a ClusterRole that may escalate", "ClusterRole", { apiGroups: ["rbac.authorization.k8s.io"], resources: ["clusterroles"], verbs: ["escalate"] },
        "ClusterRole reader: rule {apiGroups: [rbac.authorization.k8s.io], resources: [clusterroles], verbs: [escalate]} grants escalate on " +
        "rbac.authorization.k8s.io/clusterroles, which lets it write roles granting more than it holds"),
    roleCase("a non-resource URL beyond health, version and metrics", "ClusterRole", { nonResourceURLs: ["/logs"], verbs: ["get"] },
        `ClusterRole reader: rule {nonResourceURLs: [/logs], verbs: [get]} reaches non-resource URLs${ONLY_READS}`),
    roleCase("a prefix of /metrics", "ClusterRole", { nonResourceURLs: ["/metrics*"], verbs: ["get"] },
        `ClusterRole reader: rule {nonResourceURLs: [/metrics*], verbs: [get]} reaches non-resource URLs${ONLY_READS}`),
    roleCase("a write to /metrics", "ClusterRole", { nonResourceURLs: ["/metrics"], verbs: ["get", "post"] },
        `ClusterRole reader: rule {nonResourceURLs: [/metrics], verbs: [get, post]} reaches non-resource URLs${ONLY_READS}`),
    roleCase("an aggregationRule on the built-in admin roles' label", "ClusterRole", undefined,
        "ClusterRole reader: an aggregationRule selector selects the built-in roles' label rbac.authorization.k8s.io/aggregate-to-admin: it gains rules no policy judged",
        { aggregationRule: { clusterRoleSelectors: [{ matchLabels: { "rbac.authorization.k8s.io/aggregate-to-admin": "true" } }] } }),
    roleCase("write verbs aggregated to edit", "ClusterRole", { apiGroups: ["shop.example.com"], resources: ["carts"], verbs: ["get", "delete"] },
        "ClusterRole reader: rule {apiGroups: [shop.example.com], resources: [carts], verbs: [get, delete]} adds delete to the edit ClusterRole(s) through its aggregate-to label",
        { labels: { "rbac.authorization.k8s.io/aggregate-to-edit": "true" } }),
    // The exemption waives what it lists, not aggregation: * on * still may not reach admin.
    roleCase("Argo CD's exempted controller ClusterRole, aggregated to admin", "ClusterRole", undefined,
        "ClusterRole argocd-application-controller: rule {apiGroups: [*], resources: [*], verbs: [*]} adds * to the admin ClusterRole(s) through its aggregate-to label",
        { name: "argocd-application-controller", rules: EVERYTHING, parent: chartUrn("argocd"), labels: { "rbac.authorization.k8s.io/aggregate-to-admin": "true" } }),

    bindingCase("the baseline: a team bound to edit in its namespace", "RoleBinding", "edit", TEAM),
    bindingCase("look-alike: a team bound to view at cluster scope", "ClusterRoleBinding", "view", TEAM),
    bindingCase("cluster-admin for a tenant ServiceAccount", "ClusterRoleBinding", "cluster-admin", { kind: "ServiceAccount", name: "cart", namespace: "shop" },
        "ClusterRoleBinding shop-team: binds the cluster-admin ClusterRole, which grants everything"),
    bindingCase("cluster-admin in a tenant namespace", "RoleBinding", "cluster-admin", TEAM,
        "RoleBinding shop/shop-team: binds the cluster-admin ClusterRole, which grants everything"),
    bindingCase("edit at cluster scope", "ClusterRoleBinding", "edit", TEAM, "ClusterRoleBinding shop-team: binds the edit ClusterRole at cluster scope"),
    bindingCase("a controller's role at cluster scope", "ClusterRoleBinding", "system:controller:job-controller", TEAM,
        "ClusterRoleBinding shop-team: binds the system:controller:job-controller ClusterRole at cluster scope"),
    bindingCase("every authenticated user", "RoleBinding", "view", { kind: "Group", name: "system:authenticated", apiGroup: "rbac.authorization.k8s.io" },
        "RoleBinding shop/shop-team: binds ClusterRole view to Group system:authenticated, which everyone in it receives"),
    bindingCase("every service account of a namespace", "RoleBinding", "view", { kind: "Group", name: "system:serviceaccounts:shop", apiGroup: "rbac.authorization.k8s.io" },
        "RoleBinding shop/shop-team: binds ClusterRole view to Group system:serviceaccounts:shop, which everyone in it receives"),
];
