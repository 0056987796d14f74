// The admission policies each stack deploys: one per rule, each bound at the level the stack's
// policy config (the file the CLI reads) gives its pack policy; exemptions carried by namespace,
// kind and name only, so a tenant object labelled or named like a chart's is still refused.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { ADMISSION_RULE_SETS, admissionManifests, PolicyEntry } from "../../../policy/admission";
import { admissionRulesFor } from "../../../infra/admission";
import { exemptionSelector } from "../../../policy/admission/generate";
import { evaluateCondition } from "../../../policy/admission/cel";
import { admissionOutcomes } from "./evaluateManifests";

const ROOT = path.resolve(__dirname, "../../..");
const configOf = (stack: string) => JSON.parse(fs.readFileSync(path.join(ROOT, `stacks/${stack}/policy-config.json`), "utf8")) as Record<string, PolicyEntry>;
const NOW = new Date("2026-12-01T00:00:00Z");
const RULES = ADMISSION_RULE_SETS.flatMap((s) => s.rules);

describe("generated admission policies", () => {
    it("has one policy and one binding per rule its settings leave on, with distinct names", () => {
        const pairs = admissionManifests(ADMISSION_RULE_SETS, configOf("prod"), NOW);
        // prod requires no CPU limit and no digests, so those two rules alone make no policy.
        assert.deepEqual(RULES.filter((r) => !pairs.some((p) => p.policy.metadata.annotations["platform.example.com/rule"] === `${r.policy}/${r.control}`))
            .map((r) => `${r.policy}/${r.control}`), ["container-resources/cpuLimit", "image-provenance/digest"]);
        assert.equal(pairs.length, RULES.length - 2);
        // dev's minimum mTLS mode is PERMISSIVE, so an UNSET mesh root has nothing to fall short of there.
        const dev = admissionManifests(ADMISSION_RULE_SETS, configOf("dev"), NOW).map((p) => p.policy.metadata.annotations["platform.example.com/rule"]);
        assert.ok(!dev.includes("mesh-mtls/meshRootUnset") && dev.includes("mesh-mtls/peerAuthentication"), dev.join(", "));
        assert.equal(new Set(pairs.map((p) => p.policy.metadata.name)).size, pairs.length);
        for (const { policy, binding } of pairs) {
            assert.equal(binding.spec.policyName, policy.metadata.name);
            assert.equal(policy.spec.failurePolicy, "Fail");
        }
    });

    // Levels as the issue states them: dev warns and audits; staging and prod deny what is
    // mandatory there and warn for what is advisory, the levels of the CLI's config file.
    const EXPECTED: Record<string, Record<string, string[]>> = {
        dev: {
            "tenant-isolation": ["Warn", "Audit"], "mesh-sidecar": ["Warn", "Audit"], "workload-service-account": ["Warn", "Audit"],
            "service-exposure": ["Warn", "Audit"], "container-resources": ["Warn", "Audit"], "image-provenance": ["Warn", "Audit"], "secret-hygiene": ["Warn", "Audit"],
            "mesh-mtls": ["Warn", "Audit"], "rbac-least-privilege": ["Warn", "Audit"],
        },
        staging: {
            "tenant-isolation": ["Deny"], "mesh-sidecar": ["Deny"], "workload-service-account": ["Warn", "Audit"],
            "service-exposure": ["Warn", "Audit"], "container-resources": ["Warn", "Audit"], "image-provenance": ["Deny"], "secret-hygiene": ["Deny"],
            "mesh-mtls": ["Deny"], "rbac-least-privilege": ["Deny"],
        },
        prod: {
            "tenant-isolation": ["Deny"], "mesh-sidecar": ["Deny"], "workload-service-account": ["Deny"], "service-exposure": ["Deny"],
            "container-resources": ["Deny"], "image-provenance": ["Deny"], "secret-hygiene": ["Deny"],
            "mesh-mtls": ["Deny"], "rbac-least-privilege": ["Deny"],
        },
    };
    it("binds every namespace but the cluster provider's, cluster-scoped objects included", () => {
        for (const { binding } of admissionManifests(ADMISSION_RULE_SETS, configOf("prod"), NOW)) {
            const selector = binding.spec.matchResources.namespaceSelector;
            assert.deepEqual(Object.keys(binding.spec.matchResources), ["namespaceSelector"]);
            assert.deepEqual(selector.matchExpressions, [
                { key: "kubernetes.io/metadata.name", operator: "NotIn", values: ["kube-system", "kube-public", "kube-node-lease"] },
            ]);
        }
    });

    for (const stack of ["dev", "staging", "prod"]) {
        it(`binds each rule at its pack policy's level in ${stack}`, () => {
            const config = configOf(stack);
            for (const { policy, binding } of admissionManifests(ADMISSION_RULE_SETS, config, NOW)) {
                const owner = policy.metadata.annotations["platform.example.com/rule"].split("/")[0];
                assert.deepEqual(binding.spec.validationActions, EXPECTED[stack][owner], `${stack} ${policy.metadata.name}`);
                assert.equal(config[owner].enforcementLevel, EXPECTED[stack][owner][0] === "Deny" ? "mandatory" : "advisory");
            }
        });
    }

    it("is what the program deploys for the stack", () => {
        const deployed = admissionRulesFor("prod", NOW);
        assert.deepEqual(deployed, admissionManifests(ADMISSION_RULE_SETS, configOf("prod"), NOW));
    });

    it("binds nothing for a disabled policy", () => {
        const config = { ...configOf("prod"), "mesh-sidecar": { ...configOf("prod")["mesh-sidecar"], enforcementLevel: "disabled" as const } };
        const names = admissionManifests(ADMISSION_RULE_SETS, config, NOW).map((p) => p.policy.metadata.name);
        assert.ok(!names.some((n) => n.startsWith("platform-mesh-sidecar-")), names.join(", "));
    });

    describe("exemptions in the cluster", () => {
        const pairs = admissionManifests(ADMISSION_RULE_SETS, configOf("prod"), NOW);
        const meshNamespace = (name: string, labels: Record<string, string>) => ({ apiVersion: "v1", kind: "Namespace", metadata: { name, labels } });
        const istioCni = meshNamespace("istio-cni", {});
        const tenant = meshNamespace("data", { "platform.example.com/tenant": "true", "istio.io/rev": "1-29" });
        /** Resources within container-resources' rules, so only the rule a test is about speaks. */
        const SIZED = { requests: { cpu: "100m", memory: "100Mi" }, limits: { memory: "256Mi" } };
        /** The istio-cni chart's DaemonSet, as rendered: it leaves automountServiceAccountToken unset. */
        const cniDaemonSet = (namespace: string, labels: Record<string, string> = {}) => ({
            apiVersion: "apps/v1", kind: "DaemonSet",
            metadata: { name: "istio-cni-node", namespace, labels },
            spec: { template: { metadata: { labels: { "k8s-app": "istio-cni-node" } }, spec: { serviceAccountName: "istio-cni", containers: [{ name: "install-cni", image: "docker.io/istio/install-cni:1.29.6", resources: SIZED }] } } },
        });
        const HELM_LABELS = { "app.kubernetes.io/managed-by": "Helm", "helm.sh/chart": "cni-1.29.6", "app.kubernetes.io/instance": "istio-cni" };

        it("admits the chart's object in its platform namespace", () => {
            assert.deepEqual(admissionOutcomes(pairs, cniDaemonSet("istio-cni", HELM_LABELS), istioCni), []);
        });

        it("denies the same object, with Helm's labels, in a tenant namespace", () => {
            const outcomes = admissionOutcomes(pairs, cniDaemonSet("data", HELM_LABELS), tenant);
            assert.deepEqual(outcomes.map((o) => [o.policy, o.actions]), [["platform-workload-service-account-token-automount", ["Deny"]]]);
            assert.ok(outcomes[0].message.startsWith("leaves automountServiceAccountToken unset"), outcomes[0].message);
        });

        it("carries no exemption that does not pin a namespace, and none that has expired", () => {
            const config = configOf("prod");
            const entry = config["workload-service-account"];
            const loose = { ...config, "workload-service-account": { ...entry, exemptions: [{ chart: "istio-cni", kind: "DaemonSet", name: "istio-cni-node", controls: ["tokenAutomount"], reason: "r", expires: "2099-01-01" }] } };
            const expired = { ...config, "workload-service-account": { ...entry, exemptions: entry.exemptions!.map((e) => ({ ...e, expires: "2026-11-30" })) } };
            for (const variant of [loose, expired]) {
                const outcomes = admissionOutcomes(admissionManifests(ADMISSION_RULE_SETS, variant, NOW), cniDaemonSet("istio-cni"), istioCni);
                assert.deepEqual(outcomes.map((o) => o.policy), ["platform-workload-service-account-token-automount"]);
            }
        });

        describe("for cluster-scoped kinds", () => {
            const CLUSTER_SCOPED = ["ClusterRole", "ClusterRoleBinding"];
            const exemption = (e: Record<string, string>) => ({ ...e, controls: ["wildcard"], reason: "r" });
            const object = (kind: string, name: string, namespace?: string) => ({
                apiVersion: "rbac.authorization.k8s.io/v1", kind, metadata: { name, ...(namespace ? { namespace } : {}), labels: { "helm.sh/chart": "istiod-1.29.6" } },
            });
            const selects = (selector: string, o: Record<string, any>) => evaluateCondition(selector, o);

            it("carries a kind-and-name exemption, chart and all, matching that kind and name only", () => {
                const selector = exemptionSelector(exemption({ chart: "istiod-*", kind: "ClusterRole", name: "istiod-clusterrole-*" }), CLUSTER_SCOPED);
                assert.ok(selector !== undefined);
                assert.ok(!selector.includes("labels") && !selector.includes("annotations"), selector);
                assert.equal(selects(selector, object("ClusterRole", "istiod-clusterrole-1-29-istio-system")), true);
                assert.equal(selects(selector, object("ClusterRole", "istio-reader-clusterrole-1-29")), false);
                assert.equal(selects(selector, object("ClusterRoleBinding", "istiod-clusterrole-1-29-istio-system")), false);
                // A tenant's own Role of that name, in its namespace, is not the ClusterRole.
                assert.equal(selects(selector, object("Role", "istiod-clusterrole-1-29-istio-system", "data")), false);
                const exact = exemptionSelector(exemption({ kind: "ClusterRoleBinding", name: "argocd-server" }), CLUSTER_SCOPED)!;
                assert.equal(selects(exact, object("ClusterRoleBinding", "argocd-server")), true);
                assert.equal(selects(exact, object("ClusterRoleBinding", "argocd-server-2")), false);
            });

            it("carries none that names no object, none for a namespaced kind without a namespace, none for a kind the rule does not judge cluster-wide", () => {
                assert.equal(exemptionSelector(exemption({ chart: "argocd", kind: "ClusterRole" }), CLUSTER_SCOPED), undefined);
                assert.equal(exemptionSelector(exemption({ chart: "argocd", name: "argocd-server" }), CLUSTER_SCOPED), undefined);
                assert.equal(exemptionSelector(exemption({ chart: "argocd", kind: "Role", name: "argocd-server" }), CLUSTER_SCOPED), undefined);
                assert.equal(exemptionSelector(exemption({ chart: "istio-cni", kind: "DaemonSet", name: "istio-cni-node" }), CLUSTER_SCOPED), undefined);
                assert.equal(exemptionSelector(exemption({ kind: "ClusterRole", name: "argocd-server" })), undefined);
            });

            it("never selects a cluster-scoped object by a namespace-pinned exemption (it has no namespace)", () => {
                const selector = exemptionSelector(exemption({ namespace: "argocd", name: "argocd-server" }), CLUSTER_SCOPED)!;
                assert.equal(selects(selector, object("ClusterRole", "argocd-server")), false);
                assert.equal(selects(selector, object("Role", "argocd-server", "argocd")), true);
            });
        });

        describe("of RBAC objects", () => {
            const EVERYTHING = [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }, { nonResourceURLs: ["*"], verbs: ["*"] }];
            const rbac = (kind: string, name: string, spec: Record<string, any>, namespace?: string) => ({
                apiVersion: "rbac.authorization.k8s.io/v1", kind, metadata: { name, ...(namespace ? { namespace } : {}), labels: { "helm.sh/chart": "argo-cd-9.5.0" } }, ...spec,
            });
            const denied = (o: Record<string, any>) => admissionOutcomes(pairs, o, o.metadata.namespace ? tenant : null)
                .filter((x) => x.actions.includes("Deny")).map((x) => x.policy.replace("platform-rbac-least-privilege-", ""));
            const ESCALATIONS = ["wildcard", "escalate", "bind", "impersonate", "pod-exec", "ephemeral-containers", "nodes-proxy", "service-account-token",
                "csr-approval", "admission-webhooks", "persistent-volume-create", "namespace-update", "non-resource-u-r-ls"];

            it("denies a ClusterRole of * on * by every control it breaks, unless an exemption names its kind and name", () => {
                const [first, ...rest] = ESCALATIONS;
                assert.deepEqual(denied(rbac("ClusterRole", "platform-admin", { rules: EVERYTHING })), [first, ...rest.slice(0, 3), "secrets-read", ...rest.slice(3)]);
                // prod exempts Argo CD's controller by chart, kind and name: in the cluster by kind and name.
                assert.deepEqual(denied(rbac("ClusterRole", "argocd-application-controller", { rules: EVERYTHING })), []);
                // The same name on a tenant's own (namespaced) Role claims nothing.
                assert.deepEqual(denied(rbac("Role", "argocd-application-controller", { rules: EVERYTHING }, "data")), ESCALATIONS);
            });

            it("leaves the API server's own ClusterRoles and bindings to it, by kind and name", () => {
                assert.deepEqual(denied(rbac("ClusterRole", "cluster-admin", { rules: EVERYTHING })), []);
                assert.deepEqual(denied(rbac("ClusterRole", "system:controller:generic-garbage-collector", { rules: EVERYTHING })), []);
                const toMasters = { roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "cluster-admin" }, subjects: [{ kind: "Group", name: "system:masters" }] };
                assert.deepEqual(denied(rbac("ClusterRoleBinding", "cluster-admin", toMasters)), []);
                // A tenant's namespaced objects named like them are judged.
                assert.deepEqual(denied(rbac("Role", "system:controller:evil", { rules: EVERYTHING }, "data")), ESCALATIONS);
                assert.deepEqual(denied(rbac("RoleBinding", "cluster-admin", toMasters, "data")), ["broad-subject", "cluster-admin"]);
            });
        });

        it("judges a controller's Pods through the controller, but not a Pod that names none", () => {
            const pod = (ownerReferences?: Array<Record<string, unknown>>) => ({
                apiVersion: "v1", kind: "Pod",
                metadata: { name: "p", namespace: "data", ...(ownerReferences ? { ownerReferences } : {}), annotations: { "sidecar.istio.io/inject": "false" } },
                spec: { serviceAccountName: "scraper", automountServiceAccountToken: false, containers: [{ name: "c", image: "docker.io/istio/proxyv2:1.29.6", resources: SIZED }] },
            });
            const owner = { apiVersion: "apps/v1", kind: "ReplicaSet", name: "rs", uid: "u", controller: true };
            assert.deepEqual(admissionOutcomes(pairs, pod([owner]), tenant), []);
            assert.deepEqual(admissionOutcomes(pairs, pod([{ ...owner, controller: false }]), tenant).map((o) => o.policy), ["platform-mesh-sidecar-inject-disabled"]);
            assert.deepEqual(admissionOutcomes(pairs, pod(), tenant).map((o) => o.policy), ["platform-mesh-sidecar-inject-disabled"]);
        });
    });
});
