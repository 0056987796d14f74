import * as assert from "assert";
import { rbacLeastPrivilege } from "../../policy/policies";
import { resource } from "./fixtures/pods";
import { resourceMessages } from "./policyCall";

const READ_PODS = { apiGroups: [""], resources: ["pods", "pods/log"], verbs: ["get", "list", "watch"] };

const role = (kind: "Role" | "ClusterRole", rule: Record<string, any>) => resource(`kubernetes:rbac.authorization.k8s.io/v1:${kind}`,
    "reader", { metadata: { name: "reader", ...(kind === "Role" ? { namespace: "shop" } : {}) }, rules: [READ_PODS, rule] });

const binding = (kind: "RoleBinding" | "ClusterRoleBinding", roleName: string, subject: Record<string, any>) =>
    resource(`kubernetes:rbac.authorization.k8s.io/v1:${kind}`, "bind", {
        metadata: { name: "bind", ...(kind === "RoleBinding" ? { namespace: "shop" } : {}) },
        roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: roleName },
        subjects: [subject],
    });

const GROUP = { kind: "Group", name: "team-shop", apiGroup: "rbac.authorization.k8s.io" };

describe("rbac-least-privilege", () => {
    it("accepts narrow roles and bindings", async () => {
        assert.deepStrictEqual(await resourceMessages(rbacLeastPrivilege, role("ClusterRole", READ_PODS)), []);
        assert.deepStrictEqual(await resourceMessages(rbacLeastPrivilege, binding("ClusterRoleBinding", "view", GROUP)), []);
    });

    const roleCases: Array<[string, "Role" | "ClusterRole", Record<string, any>, string]> = [
        ["a wildcard verb", "Role", { ...READ_PODS, verbs: ["*"] }, "Role shop/reader: rule 2 uses a wildcard in verbs"],
        ["a wildcard resource", "Role", { ...READ_PODS, resources: ["*"] }, "Role shop/reader: rule 2 uses a wildcard in resources"],
        ["a wildcard API group", "ClusterRole", { ...READ_PODS, apiGroups: ["*"] }, "ClusterRole reader: rule 2 uses a wildcard in apiGroups"],
        ["escalate, bind and impersonate", "ClusterRole", { apiGroups: ["rbac.authorization.k8s.io", ""], resources: ["roles", "users"], verbs: ["escalate", "bind", "impersonate"] },
            "ClusterRole reader: rule 2 grants escalate, bind, impersonate"],
        ["cluster-wide Secrets read", "ClusterRole", { apiGroups: [""], resources: ["secrets"], verbs: ["list"] }, "ClusterRole reader: rule 2 reads Secrets cluster-wide"],
        ["pods/exec", "Role", { apiGroups: [""], resources: ["pods/exec"], verbs: ["create"] },
            "Role shop/reader: rule 2 grants pods/exec (interactive access to running containers)"],
        ["pods/attach", "ClusterRole", { apiGroups: [""], resources: ["pods/attach"], verbs: ["create", "get"] },
            "ClusterRole reader: rule 2 grants pods/attach (interactive access to running containers)"],
    ];
    for (const [name, kind, rule, expected] of roleCases) {
        it(`reports ${name}`, async () => assert.deepStrictEqual(await resourceMessages(rbacLeastPrivilege, role(kind, rule)), [expected]));
    }

    it("allows reading Secrets within a namespace", async () => {
        assert.deepStrictEqual(await resourceMessages(rbacLeastPrivilege, role("Role", { apiGroups: [""], resources: ["secrets"], verbs: ["get"] })), []);
    });

    const bindingCases: Array<[string, ReturnType<typeof binding>, string]> = [
        ["a binding to cluster-admin", binding("ClusterRoleBinding", "cluster-admin", GROUP), "ClusterRoleBinding bind: binds the cluster-admin ClusterRole"],
        ["system:anonymous", binding("RoleBinding", "view", { kind: "User", name: "system:anonymous" }), "RoleBinding shop/bind: binds User system:anonymous"],
        ["system:unauthenticated", binding("ClusterRoleBinding", "view", { kind: "Group", name: "system:unauthenticated" }), "ClusterRoleBinding bind: binds Group system:unauthenticated"],
        ["system:masters", binding("RoleBinding", "view", { kind: "Group", name: "system:masters" }), "RoleBinding shop/bind: binds Group system:masters"],
    ];
    for (const [name, object, expected] of bindingCases) {
        it(`reports ${name}`, async () => assert.deepStrictEqual(await resourceMessages(rbacLeastPrivilege, object), [expected]));
    }

    it("exempts a cluster-scoped role by kind and name pattern only", async () => {
        const config = { exemptions: [{ kind: "ClusterRole", name: "*argocd-application-controller", reason: "reconciles every kind", expires: "2999-01-01" }] };
        const wide = { apiGroups: ["*"], resources: ["*"], verbs: ["*"] };
        const controller = role("ClusterRole", wide);
        controller.props.metadata.name = "argocd-application-controller";
        assert.deepStrictEqual(await resourceMessages(rbacLeastPrivilege, controller, config), []);
        assert.strictEqual((await resourceMessages(rbacLeastPrivilege, role("ClusterRole", wide), config)).length, 4);
    });
});
