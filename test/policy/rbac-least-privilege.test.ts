// rbac-least-privilege: a read-only baseline role plus one rule per case, each case with the
// message naming the rule by its content (apiGroups, resources, verbs) and the grant; compliant
// look-alikes that must stay silent. The same CEL judges these objects at admission
// (test/policy/admission, scripts/policy-run/rbacCases.ts).
import * as assert from "assert";
import { rbacLeastPrivilege } from "../../policy/policies";
import { resource } from "./fixtures/pods";
import { resourceMessages } from "./policyCall";

const READ_PODS = { apiGroups: [""], resources: ["pods", "pods/log"], verbs: ["get", "list", "watch"] };
const PRIVILEGED = { privilegedNamespaces: ["kube-system", "node-exporter"] };

const role = (kind: "Role" | "ClusterRole", rule: Record<string, any>, namespace = "shop", extra: Record<string, any> = {}) =>
    resource(`kubernetes:rbac.authorization.k8s.io/v1:${kind}`, "reader", {
        metadata: { name: "reader", ...(kind === "Role" ? { namespace } : {}) }, rules: [READ_PODS, rule], ...extra,
    });

const binding = (kind: "RoleBinding" | "ClusterRoleBinding", roleName: string, subject: Record<string, any>, namespace = "shop") =>
    resource(`kubernetes:rbac.authorization.k8s.io/v1:${kind}`, "bind", {
        metadata: { name: "bind", ...(kind === "RoleBinding" ? { namespace } : {}) },
        roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: roleName },
        subjects: [subject],
    });

const GROUP = { kind: "Group", name: "team-shop", apiGroup: "rbac.authorization.k8s.io" };
const messages = (object: ReturnType<typeof resource>, config: Record<string, any> = PRIVILEGED) => resourceMessages(rbacLeastPrivilege, object, config);

describe("rbac-least-privilege", () => {
    it("accepts narrow roles and bindings", async () => {
        assert.deepStrictEqual(await messages(role("ClusterRole", READ_PODS)), []);
        assert.deepStrictEqual(await messages(binding("ClusterRoleBinding", "view", GROUP)), []);
        assert.deepStrictEqual(await messages(binding("RoleBinding", "edit", GROUP)), []);
    });

    const lookAlikes: Array<[string, "Role" | "ClusterRole", Record<string, any>, string?]> = [
        ["reading Secrets within a tenant namespace", "Role", { apiGroups: [""], resources: ["secrets"], verbs: ["get", "list"] }],
        ["a resourceNames-limited Secret read at cluster scope", "ClusterRole", { apiGroups: [""], resources: ["secrets"], resourceNames: ["tls"], verbs: ["get"] }],
        ["a resourceNames-limited exec", "Role", { apiGroups: [""], resources: ["pods/exec"], resourceNames: ["debug"], verbs: ["create"] }],
        ["read-only access to everything of a kind", "ClusterRole", { apiGroups: ["apps"], resources: ["deployments", "daemonsets"], verbs: ["get", "list", "watch"] }],
        ["a team's own API group", "Role", { apiGroups: ["shop.example.com"], resources: ["carts", "carts/status"], verbs: ["create", "update", "patch", "delete"] }],
        ["pods/log (not an interactive subresource)", "Role", { apiGroups: [""], resources: ["pods/log"], verbs: ["get"] }],
        ["secrets in another API group", "ClusterRole", { apiGroups: ["external-secrets.io"], resources: ["secrets"], verbs: ["list"] }],
        ["creating pods in a tenant namespace", "Role", { apiGroups: ["", "apps"], resources: ["pods", "deployments"], verbs: ["create"] }],
        ["reading health endpoints", "ClusterRole", { nonResourceURLs: ["/healthz", "/readyz/ping", "/version"], verbs: ["get"] }],
        ["a metrics reader: get on /metrics", "ClusterRole", { nonResourceURLs: ["/metrics"], verbs: ["get"] }],
        ["a metrics reader: get on /metrics/cadvisor and /metrics/slis", "ClusterRole", { nonResourceURLs: ["/metrics/cadvisor", "/metrics/slis"], verbs: ["get"] }],
    ];
    for (const [name, kind, rule] of lookAlikes) {
        it(`accepts ${name}`, async () => assert.deepStrictEqual(await messages(role(kind, rule)), []));
    }

    const roleCases: Array<[string, ReturnType<typeof role>, string]> = [
        ["a wildcard verb", role("Role", { ...READ_PODS, verbs: ["*"] }),
            'Role shop/reader: rule {apiGroups: [""], resources: [pods, pods/log], verbs: [*]} uses a wildcard in verbs, granting every current and future one'],
        ["a wildcard resource", role("Role", { apiGroups: ["apps"], resources: ["*"], verbs: ["get"] }),
            "Role shop/reader: rule {apiGroups: [apps], resources: [*], verbs: [get]} uses a wildcard in resources, granting every current and future one"],
        ["a wildcard API group", role("ClusterRole", { ...READ_PODS, apiGroups: ["*"] }),
            "ClusterRole reader: rule {apiGroups: [*], resources: [pods, pods/log], verbs: [get, list, watch]} uses a wildcard in apiGroups, granting every current and future one"],
        ["escalate", role("ClusterRole", { apiGroups: ["rbac.authorization.k8s.io"], resources: ["clusterroles"], verbs: ["escalate"] }),
            "ClusterRole reader: rule {apiGroups: [rbac.authorization.k8s.io], resources: [clusterroles], verbs: [escalate]} grants escalate on rbac.authorization.k8s.io/clusterroles, which lets it write roles granting more than it holds"],
        ["bind", role("Role", { apiGroups: ["rbac.authorization.k8s.io"], resources: ["roles"], verbs: ["bind"] }),
            "Role shop/reader: rule {apiGroups: [rbac.authorization.k8s.io], resources: [roles], verbs: [bind]} grants bind on rbac.authorization.k8s.io/roles, which lets it bind roles granting more than it holds"],
        ["impersonate", role("ClusterRole", { apiGroups: [""], resources: ["users", "groups"], verbs: ["impersonate"] }),
            'ClusterRole reader: rule {apiGroups: [""], resources: [users, groups], verbs: [impersonate]} grants impersonate on users; impersonate on groups, which lets it act as another user, group or service account'],
        ["cluster-wide Secrets read", role("ClusterRole", { apiGroups: [""], resources: ["secrets"], verbs: ["list"] }),
            'ClusterRole reader: rule {apiGroups: [""], resources: [secrets], verbs: [list]} grants list on secrets, which reads every Secret, service account tokens included'],
        ["Secrets read in a privileged namespace", role("Role", { apiGroups: [""], resources: ["secrets"], verbs: ["get"] }, "kube-system"),
            'Role kube-system/reader: rule {apiGroups: [""], resources: [secrets], verbs: [get]} grants get on secrets, which reads the Secrets of a privileged namespace'],
        ["pods/exec", role("Role", { apiGroups: [""], resources: ["pods/exec"], verbs: ["create"] }),
            'Role shop/reader: rule {apiGroups: [""], resources: [pods/exec], verbs: [create]} grants create on pods/exec, which gives interactive access to running containers'],
        ["*/exec (every resource's exec subresource)", role("Role", { apiGroups: [""], resources: ["*/exec"], verbs: ["create"] }),
            'Role shop/reader: rule {apiGroups: [""], resources: [*/exec], verbs: [create]} grants create on pods/exec, which gives interactive access to running containers'],
        ["pods/attach and portforward over GET", role("ClusterRole", { apiGroups: [""], resources: ["pods/attach", "pods/portforward"], verbs: ["get"] }),
            'ClusterRole reader: rule {apiGroups: [""], resources: [pods/attach, pods/portforward], verbs: [get]} grants get on pods/attach; get on pods/portforward, which gives interactive access to running containers'],
        ["pods/ephemeralcontainers", role("Role", { apiGroups: [""], resources: ["pods/ephemeralcontainers"], verbs: ["patch"] }),
            'Role shop/reader: rule {apiGroups: [""], resources: [pods/ephemeralcontainers], verbs: [patch]} grants patch on pods/ephemeralcontainers, which adds a container of its choosing to running pods'],
        ["nodes/proxy", role("ClusterRole", { apiGroups: [""], resources: ["nodes/proxy"], verbs: ["get"] }),
            'ClusterRole reader: rule {apiGroups: [""], resources: [nodes/proxy], verbs: [get]} grants get on nodes/proxy, which reaches the kubelet API (exec in any pod on the node)'],
        ["serviceaccounts/token create", role("Role", { apiGroups: [""], resources: ["serviceaccounts/token"], verbs: ["create"] }),
            'Role shop/reader: rule {apiGroups: [""], resources: [serviceaccounts/token], verbs: [create]} grants create on serviceaccounts/token, which mints tokens of service accounts'],
        ["CSR approval", role("ClusterRole", { apiGroups: ["certificates.k8s.io"], resources: ["certificatesigningrequests/approval"], verbs: ["update"] }),
            "ClusterRole reader: rule {apiGroups: [certificates.k8s.io], resources: [certificatesigningrequests/approval], verbs: [update]} grants update on certificates.k8s.io/certificatesigningrequests/approval, which approves certificate requests, e.g. for system:masters client certificates"],
        ["signers", role("ClusterRole", { apiGroups: ["certificates.k8s.io"], resources: ["signers"], resourceNames: [], verbs: ["approve"] }),
            "ClusterRole reader: rule {apiGroups: [certificates.k8s.io], resources: [signers], verbs: [approve]} grants approve on certificates.k8s.io/signers, which approves or signs certificates for a signer"],
        ["webhook configuration writes", role("ClusterRole", { apiGroups: ["admissionregistration.k8s.io"], resources: ["validatingwebhookconfigurations"], verbs: ["delete"] }),
            "ClusterRole reader: rule {apiGroups: [admissionregistration.k8s.io], resources: [validatingwebhookconfigurations], verbs: [delete]} grants delete on admissionregistration.k8s.io/validatingwebhookconfigurations, which can intercept, change or switch off admission of every object"],
        ["PersistentVolume create", role("ClusterRole", { apiGroups: [""], resources: ["persistentvolumes"], verbs: ["create"] }),
            `ClusterRole reader: rule {apiGroups: [""], resources: [persistentvolumes], verbs: [create]} grants create on persistentvolumes, which can create hostPath volumes onto any node's filesystem`],
        ["Namespace patch", role("ClusterRole", { apiGroups: [""], resources: ["namespaces"], verbs: ["patch"] }),
            `ClusterRole reader: rule {apiGroups: [""], resources: [namespaces], verbs: [patch]} grants patch on namespaces, which can relabel a namespace's Pod Security level`],
        ["creating pods in a privileged namespace", role("Role", { apiGroups: ["", "apps"], resources: ["pods", "daemonsets"], verbs: ["create"] }, "node-exporter"),
            'Role node-exporter/reader: rule {apiGroups: ["", apps], resources: [pods, daemonsets], verbs: [create]} grants create on pods; create on apps/daemonsets, which runs pods or writes Secrets where pods may be privileged'],
        ["write verbs aggregated to edit", role("ClusterRole", { apiGroups: ["shop.example.com"], resources: ["carts"], verbs: ["get", "delete"] }, "", {
            metadata: { name: "reader", labels: { "rbac.authorization.k8s.io/aggregate-to-edit": "true" } },
        }), "ClusterRole reader: rule {apiGroups: [shop.example.com], resources: [carts], verbs: [get, delete]} adds delete to the edit ClusterRole(s) through its aggregate-to label, granting it to everyone bound to them"],
        ["non-resource URLs beyond health, version and metrics", role("ClusterRole", { nonResourceURLs: ["/logs"], verbs: ["get"] }),
            "ClusterRole reader: rule {nonResourceURLs: [/logs], verbs: [get]} reaches non-resource URLs; only get on health, version and metrics endpoints is allowed"],
        ["a prefix of /metrics", role("ClusterRole", { nonResourceURLs: ["/metrics*"], verbs: ["get"] }),
            "ClusterRole reader: rule {nonResourceURLs: [/metrics*], verbs: [get]} reaches non-resource URLs; only get on health, version and metrics endpoints is allowed"],
        ["every path under /metrics", role("ClusterRole", { nonResourceURLs: ["/metrics/*"], verbs: ["get"] }),
            "ClusterRole reader: rule {nonResourceURLs: [/metrics/*], verbs: [get]} reaches non-resource URLs; only get on health, version and metrics endpoints is allowed"],
        ["a write to /metrics", role("ClusterRole", { nonResourceURLs: ["/metrics"], verbs: ["get", "post"] }),
            "ClusterRole reader: rule {nonResourceURLs: [/metrics], verbs: [get, post]} reaches non-resource URLs; only get on health, version and metrics endpoints is allowed"],
        ["a write to a health endpoint", role("ClusterRole", { nonResourceURLs: ["/healthz"], verbs: ["post"] }),
            "ClusterRole reader: rule {nonResourceURLs: [/healthz], verbs: [post]} reaches non-resource URLs; only get on health, version and metrics endpoints is allowed"],
    ];
    for (const [name, object, expected] of roleCases) {
        it(`reports ${name}`, async () => assert.deepStrictEqual(await messages(object), [expected]));
    }

    const aggregated = (selector: Record<string, any>) => role("ClusterRole", READ_PODS, "", { aggregationRule: { clusterRoleSelectors: [selector] } });

    it("accepts an aggregationRule that gathers the platform's own labelled ClusterRoles", async () => {
        assert.deepStrictEqual(await messages(aggregated({ matchLabels: { "platform.example.com/aggregate-to-shop-reader": "true" } })), []);
    });

    const aggregationCases: Array<[string, Record<string, any>, string]> = [
        ["the built-in admin roles' label", { matchLabels: { "rbac.authorization.k8s.io/aggregate-to-admin": "true" } },
            "selects the built-in roles' label rbac.authorization.k8s.io/aggregate-to-admin"],
        ["the bootstrap roles' label", { matchLabels: { "kubernetes.io/bootstrapping": "rbac-defaults" } },
            "selects the built-in roles' label kubernetes.io/bootstrapping"],
        ["an empty selector", {}, "selects every ClusterRole"],
        ["matchExpressions alone", { matchExpressions: [{ key: "team", operator: "Exists" }] }, "selects by matchExpressions alone"],
    ];
    for (const [name, selector, why] of aggregationCases) {
        it(`reports an aggregationRule on ${name}`, async () => assert.deepStrictEqual(await messages(aggregated(selector)), [
            `ClusterRole reader: an aggregationRule selector ${why}: it gains rules no policy judged, now and later`,
        ]));
    }

    it("names each offending rule by its content, one message per control", async () => {
        const object = role("ClusterRole", { apiGroups: ["*"], resources: ["*"], resourceNames: ["x"], verbs: ["get"] });
        object.props.rules.push({ nonResourceURLs: ["*"], verbs: ["*"] });
        assert.deepStrictEqual(await messages(object), [
            "ClusterRole reader: rule {apiGroups: [*], resources: [*], resourceNames: [x], verbs: [get]} uses a wildcard in resources, apiGroups, " +
            "granting every current and future one; rule {nonResourceURLs: [*], verbs: [*]} uses a wildcard in verbs, nonResourceURLs, granting every current and future one",
            "ClusterRole reader: rule {nonResourceURLs: [*], verbs: [*]} reaches non-resource URLs; only get on health, version and metrics endpoints is allowed",
        ]);
    });

    it("judges a wildcard rule by every escalation path it opens", async () => {
        const found = await messages(role("ClusterRole", { apiGroups: ["*"], resources: ["*"], verbs: ["*"] }));
        for (const grant of ["wildcard in verbs", "* on rbac.authorization.k8s.io/roles", "* on pods/exec", "* on nodes/proxy", "* on secrets",
            "* on serviceaccounts/token", "* on persistentvolumes", "* on namespaces"]) {
            assert.ok(found.some((m) => m.includes(grant)), `${grant} in ${found.join("\n")}`);
        }
    });

    const bindingCases: Array<[string, ReturnType<typeof binding>, string]> = [
        ["a binding to cluster-admin", binding("ClusterRoleBinding", "cluster-admin", GROUP), "ClusterRoleBinding bind: binds the cluster-admin ClusterRole, which grants everything"],
        ["edit at cluster scope", binding("ClusterRoleBinding", "edit", GROUP), "ClusterRoleBinding bind: binds the edit ClusterRole at cluster scope"],
        ["admin in kube-system", binding("RoleBinding", "admin", GROUP, "kube-system"), "RoleBinding kube-system/bind: binds the admin ClusterRole in kube-system"],
        ["a controller role at cluster scope", binding("ClusterRoleBinding", "system:controller:job-controller", GROUP),
            "ClusterRoleBinding bind: binds the system:controller:job-controller ClusterRole at cluster scope"],
        ["system:anonymous", binding("RoleBinding", "view", { kind: "User", name: "system:anonymous" }),
            "RoleBinding shop/bind: binds ClusterRole view to User system:anonymous, which everyone in it receives"],
        ["system:unauthenticated", binding("ClusterRoleBinding", "view", { kind: "Group", name: "system:unauthenticated" }),
            "ClusterRoleBinding bind: binds ClusterRole view to Group system:unauthenticated, which everyone in it receives"],
        ["system:authenticated", binding("RoleBinding", "view", { kind: "Group", name: "system:authenticated" }),
            "RoleBinding shop/bind: binds ClusterRole view to Group system:authenticated, which everyone in it receives"],
        ["every service account of a namespace", binding("RoleBinding", "view", { kind: "Group", name: "system:serviceaccounts:shop" }),
            "RoleBinding shop/bind: binds ClusterRole view to Group system:serviceaccounts:shop, which everyone in it receives"],
        ["system:masters", binding("RoleBinding", "view", { kind: "Group", name: "system:masters" }),
            "RoleBinding shop/bind: binds ClusterRole view to Group system:masters, which everyone in it receives"],
    ];
    for (const [name, object, expected] of bindingCases) {
        it(`reports ${name}`, async () => assert.deepStrictEqual(await messages(object), [expected]));
    }

    it("judges a ClusterRolePatch like a ClusterRole", async () => {
        const patch = role("ClusterRole", { apiGroups: [""], resources: ["nodes/proxy"], verbs: ["get"] });
        patch.type = "kubernetes:rbac.authorization.k8s.io/v1:ClusterRolePatch";
        assert.deepStrictEqual(await messages(patch), [
            'ClusterRole reader: rule {apiGroups: [""], resources: [nodes/proxy], verbs: [get]} grants get on nodes/proxy, which reaches the kubelet API (exec in any pod on the node)',
        ]);
    });

    it("waives only the controls an exemption names", async () => {
        const config = { exemptions: [{ kind: "ClusterRole", name: "*-controller", controls: ["wildcard"], reason: "reconciles every kind", expires: "2999-01-01" }] };
        const controller = role("ClusterRole", { apiGroups: ["apps"], resources: ["*"], verbs: ["get"] });
        controller.props.metadata.name = "argocd-application-controller";
        assert.deepStrictEqual(await messages(controller, config), []);
        controller.props.rules.push({ apiGroups: [""], resources: ["pods/exec"], verbs: ["create"] });
        assert.deepStrictEqual(await messages(controller, config), [
            'ClusterRole argocd-application-controller: rule {apiGroups: [""], resources: [pods/exec], verbs: [create]} grants create on pods/exec, which gives interactive access to running containers',
        ]);
    });

    it("rejects an exemption naming a control the policy does not have", async () => {
        const config = { exemptions: [{ kind: "ClusterRole", controls: ["everything"], reason: "x" }] };
        await assert.rejects(messages(role("ClusterRole", READ_PODS), config), /controls\[0\]: "everything" is not accepted; expected one of "wildcard"/);
    });
});
