import * as assert from "assert";
import {
    customResourceChartDependency, podDisruptionBudget, tenantNamespaceGuardrails, workloadServiceAccount,
} from "../../policy/policies";
import { HarnessResource } from "./harness";
import { resource, restrictedPod, urnOf, workload } from "./fixtures/pods";
import { stackMessages } from "./policyCall";

const ns = (name: string) => resource("kubernetes:core/v1:Namespace", name,
    { metadata: { name, labels: { "platform.example.com/tenant": "true", "platform.example.com/team": name } } });
const inNs = (type: string, name: string, namespace: string, extra: Record<string, any> = {}) =>
    resource(type, `${namespace}-${name}`, { metadata: { name, namespace }, ...extra });
const defaultDeny = (namespace: string, spec: Record<string, any> = {}) => inNs("kubernetes:networking.k8s.io/v1:NetworkPolicy", "default-deny", namespace,
    { spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"], ...spec } });
const tenant = (name: string): HarnessResource[] => [
    ns(name),
    inNs("kubernetes:core/v1:ResourceQuota", "team-quota", name),
    inNs("kubernetes:core/v1:LimitRange", "container-defaults", name),
    defaultDeny(name),
];

describe("tenant-namespace-guardrails", () => {
    it("accepts tenants with quota, limits and default-deny, and ignores platform namespaces", async () => {
        const platform = resource("kubernetes:core/v1:Namespace", "monitoring", { metadata: { name: "monitoring", labels: { "platform.example.com/tenant": "false" } } });
        assert.deepStrictEqual(await stackMessages(tenantNamespaceGuardrails, [...tenant("shop"), ...tenant("data"), platform]), []);
    });

    const cases: Array<[string, (r: HarnessResource[]) => HarnessResource[], string]> = [
        ["a missing ResourceQuota", (r) => r.filter((x) => !x.type.endsWith("ResourceQuota")), "Namespace shop: is a tenant namespace without a ResourceQuota"],
        ["a missing LimitRange", (r) => r.filter((x) => !x.type.endsWith("LimitRange")), "Namespace shop: is a tenant namespace without a LimitRange"],
        ["a missing default-deny", (r) => r.filter((x) => !x.type.endsWith("NetworkPolicy")), 'without a NetworkPolicy "default-deny"'],
        ["a default-deny that covers only ingress", (r) => [...r.slice(0, 3), defaultDeny("shop", { policyTypes: ["Ingress"] })], 'without a NetworkPolicy "default-deny"'],
        ["a default-deny that allows something", (r) => [...r.slice(0, 3), defaultDeny("shop", { egress: [{}] })], 'without a NetworkPolicy "default-deny"'],
        ["guardrails in another namespace", (r) => [r[0], ...tenant("data")], "Namespace shop: is a tenant namespace without a ResourceQuota"],
    ];
    for (const [name, mutate, expected] of cases) {
        it(`reports ${name}`, async () => {
            const messages = await stackMessages(tenantNamespaceGuardrails, mutate(tenant("shop")));
            assert.ok(messages.length > 0 && messages.some((m) => m.includes(expected)), messages.join("\n"));
        });
    }
});

describe("workload-service-account", () => {
    const account = (name: string, namespace = "shop") => inNs("kubernetes:core/v1:ServiceAccount", name, namespace);
    const runningAs = (name: string | undefined, kind: "Deployment" | "CronJob" = "Deployment") => {
        const pod = restrictedPod();
        pod.spec.serviceAccountName = name;
        return workload(kind, pod);
    };

    it("accepts declared accounts and the default account", async () => {
        assert.deepStrictEqual(await stackMessages(workloadServiceAccount, [account("cart"), runningAs("cart"), runningAs(undefined, "CronJob")]), []);
    });

    it("reports an account the stack does not declare in the workload's namespace", async () => {
        assert.deepStrictEqual(await stackMessages(workloadServiceAccount, [account("cart", "data"), runningAs("cart", "CronJob")]),
            ['CronJob shop/cart: runs as ServiceAccount "cart", which this stack does not declare in namespace shop']);
    });
});

describe("tenant-namespace-guardrails: allow-all NetworkPolicies", () => {
    const allow = (spec: Record<string, any>) => inNs("kubernetes:networking.k8s.io/v1:NetworkPolicy", "allow", "shop", { spec: { podSelector: {}, ...spec } });
    const lookAlikes: Array<[string, Record<string, any>]> = [
        ["from one namespace", { ingress: [{ from: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "istio-ingress" } } }] }] }],
        ["to pods of its own namespace", { egress: [{ to: [{ podSelector: {} }] }] }],
        ["to anywhere on one port", { egress: [{ to: [{ ipBlock: { cidr: "0.0.0.0/0" } }], ports: [{ protocol: "TCP", port: 443 }] }] }],
        ["to the internet except the cluster", { egress: [{ to: [{ ipBlock: { cidr: "0.0.0.0/0", except: ["10.0.0.0/8"] } }] }] }],
    ];
    for (const [name, spec] of lookAlikes) {
        it(`accepts a policy that allows traffic ${name}`, async () =>
            assert.deepStrictEqual(await stackMessages(tenantNamespaceGuardrails, [...tenant("shop"), allow(spec)]), []));
    }
    const cases: Array<[string, Record<string, any>, string]> = [
        ["an empty ingress rule", { ingress: [{}] }, "ingress"],
        ["every namespace", { ingress: [{ from: [{ namespaceSelector: {} }] }] }, "ingress"],
        ["any address", { egress: [{ to: [{ ipBlock: { cidr: "0.0.0.0/0" } }] }] }, "egress"],
        ["both directions", { ingress: [{}], egress: [{}] }, "ingress and egress"],
    ];
    for (const [name, spec, directions] of cases) {
        it(`reports a policy that allows all traffic from ${name}`, async () =>
            assert.deepStrictEqual(await stackMessages(tenantNamespaceGuardrails, [...tenant("shop"), allow(spec)]), [
                `NetworkPolicy shop/allow: allows all ${directions} traffic (a rule with no peers or an open peer, on every port), ` +
                "which cancels the tenant namespace's default-deny",
            ]));
    }
});

describe("workload-service-account: legacy token Secrets", () => {
    const secret = (type: string) => inNs("kubernetes:core/v1:Secret", "token", "shop",
        { type, metadata: { name: "token", namespace: "shop", annotations: { "kubernetes.io/service-account.name": "cart" } } });
    it("accepts ordinary Secrets", async () => assert.deepStrictEqual(await stackMessages(workloadServiceAccount, [secret("Opaque")]), []));
    it("reports a kubernetes.io/service-account-token Secret", async () => {
        assert.deepStrictEqual(await stackMessages(workloadServiceAccount, [secret("kubernetes.io/service-account-token")]), [
            'Secret shop/token: is a legacy token Secret for ServiceAccount "cart": a token that never expires; mount a projected ' +
            "serviceAccountToken (TokenRequest API) instead",
        ]);
    });
});

describe("pod-disruption-budget", () => {
    const deployment = (replicas: number) => {
        const w = workload("Deployment", restrictedPod());
        w.props.spec.replicas = replicas;
        return w;
    };
    const pdb = (matchLabels: Record<string, string>, namespace = "shop") =>
        inNs("kubernetes:policy/v1:PodDisruptionBudget", "cart", namespace, { spec: { maxUnavailable: 1, selector: { matchLabels } } });

    it("accepts single replicas and covered replicated Deployments", async () => {
        assert.deepStrictEqual(await stackMessages(podDisruptionBudget, [deployment(1)]), []);
        assert.deepStrictEqual(await stackMessages(podDisruptionBudget, [deployment(3), pdb({ app: "shop" })]), []);
    });

    it("reports a replicated Deployment without a budget selecting its pods", async () => {
        const expected = ["Deployment shop/cart: runs 2 replicas but no PodDisruptionBudget in namespace shop selects its pods"];
        assert.deepStrictEqual(await stackMessages(podDisruptionBudget, [deployment(2)]), expected);
        assert.deepStrictEqual(await stackMessages(podDisruptionBudget, [deployment(2), pdb({ app: "other" })]), expected);
        assert.deepStrictEqual(await stackMessages(podDisruptionBudget, [deployment(2), pdb({ app: "shop" }, "data")]), expected);
    });

    it("counts an HPA's minReplicas", async () => {
        const hpa = inNs("kubernetes:autoscaling/v2:HorizontalPodAutoscaler", "cart", "shop",
            { spec: { scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "cart" }, minReplicas: 2, maxReplicas: 4 } });
        assert.strictEqual((await stackMessages(podDisruptionBudget, [deployment(1), hpa])).length, 1);
    });

    it("requires a budget for a replicated StatefulSet too", async () => {
        const set = workload("StatefulSet", restrictedPod());
        set.props.spec.replicas = 3;
        assert.deepStrictEqual(await stackMessages(podDisruptionBudget, [set]),
            ["StatefulSet shop/cart: runs 3 replicas but no PodDisruptionBudget in namespace shop selects its pods"]);
        assert.deepStrictEqual(await stackMessages(podDisruptionBudget, [set, pdb({ app: "shop" })]), []);
    });

    it("matches budgets by matchExpressions and empty selectors as well as matchLabels", async () => {
        const byExpression = inNs("kubernetes:policy/v1:PodDisruptionBudget", "cart", "shop",
            { spec: { maxUnavailable: 1, selector: { matchExpressions: [{ key: "app", operator: "In", values: ["shop", "cart"] }] } } });
        const everyPod = inNs("kubernetes:policy/v1:PodDisruptionBudget", "all", "shop", { spec: { maxUnavailable: 1, selector: {} } });
        assert.deepStrictEqual(await stackMessages(podDisruptionBudget, [deployment(2), byExpression]), []);
        assert.deepStrictEqual(await stackMessages(podDisruptionBudget, [deployment(2), everyPod]), []);
    });

    const blocking: Array<[string, Record<string, any>, string]> = [
        ["maxUnavailable 0", { maxUnavailable: 0 }, "maxUnavailable 0"],
        ["maxUnavailable 0%", { maxUnavailable: "0%" }, "maxUnavailable 0%"],
        ["minAvailable equal to the replicas", { minAvailable: 3 }, "minAvailable 3 with 3 replicas"],
        ["minAvailable 100%", { minAvailable: "100%" }, "minAvailable 100%"],
    ];
    for (const [name, budget, why] of blocking) {
        it(`reports a budget that blocks every eviction: ${name}`, async () => {
            const blocker = inNs("kubernetes:policy/v1:PodDisruptionBudget", "cart", "shop", { spec: { ...budget, selector: { matchLabels: { app: "shop" } } } });
            assert.deepStrictEqual(await stackMessages(podDisruptionBudget, [deployment(3), blocker]),
                [`PodDisruptionBudget shop/cart: allows no eviction of Deployment shop/cart (${why}), so node drains stall on it`]);
        });
    }

    it("accepts a budget that leaves one pod to evict", async () => {
        const budget = inNs("kubernetes:policy/v1:PodDisruptionBudget", "cart", "shop", { spec: { minAvailable: 2, selector: { matchLabels: { app: "shop" } } } });
        assert.deepStrictEqual(await stackMessages(podDisruptionBudget, [deployment(3), budget]), []);
    });

});

describe("custom-resource-chart-dependency", () => {
    const chart = (name: string, chartRef: string) => resource("kubernetes:helm.sh/v4:Chart", name, { chart: chartRef, version: "1.0.0" });
    const monitor = (dependencies: string[] = [], parent?: string) => resource("kubernetes:monitoring.coreos.com/v1:ServiceMonitor", "cart-monitor",
        { metadata: { name: "cart", namespace: "shop" }, spec: {} }, { dependencies, parent });
    const kps = chart("kube-prometheus-stack", "kube-prometheus-stack");

    it("accepts a custom resource that depends on its CRD's chart, or is rendered by it", async () => {
        assert.deepStrictEqual(await stackMessages(customResourceChartDependency, [kps, monitor([kps.urn])]), []);
        assert.deepStrictEqual(await stackMessages(customResourceChartDependency, [kps, monitor([], kps.urn)]), []);
    });

    it("accepts an OCI chart reference and istiod for Istio groups", async () => {
        const base = chart("istio-base", "oci://mirror.example.com/charts/base");
        const pa = resource("kubernetes:security.istio.io/v1:PeerAuthentication", "mtls", { metadata: { name: "default", namespace: "istio-system" } },
            { dependencies: [base.urn] });
        assert.deepStrictEqual(await stackMessages(customResourceChartDependency, [base, pa]), []);
    });

    it("accepts a chart given as a pulled archive, as the real engine sees a chart cache", async () => {
        const eso = chart("external-secrets", "/home/ci/charts/external-secrets-2.9.0.tgz");
        const store = resource("kubernetes:external-secrets.io/v1:ClusterSecretStore", "store", { metadata: { name: "platform" } }, { dependencies: [eso.urn] });
        assert.deepStrictEqual(await stackMessages(customResourceChartDependency, [eso, store]), []);
        const other = chart("jaeger", "/home/ci/charts/jaeger-4.11.1.tgz");
        assert.equal((await stackMessages(customResourceChartDependency, [other, { ...store, dependencies: [other.urn] } as typeof store])).length, 1,
            "an archive of another chart does not count");
    });

    it("knows a chart by its rendered children's helm.sh/chart label when its chart input is not shown", async () => {
        const eso = resource("kubernetes:helm.sh/v4:Chart", "external-secrets", {});
        const child = resource("kubernetes:apps/v1:Deployment", "external-secrets",
            { metadata: { name: "external-secrets", namespace: "external-secrets", labels: { "helm.sh/chart": "external-secrets-2.9.0" } } }, { parent: eso.urn });
        const store = resource("kubernetes:external-secrets.io/v1:ClusterSecretStore", "store", { metadata: { name: "platform" } }, { dependencies: [eso.urn] });
        assert.deepStrictEqual(await stackMessages(customResourceChartDependency, [eso, child, store]), []);
        assert.equal((await stackMessages(customResourceChartDependency, [eso, store])).length, 1, "without the child, nothing names the chart");
    });

    it("accepts a dependency on a CRD the chart rendered", async () => {
        const crd = resource("kubernetes:apiextensions.k8s.io/v1:CustomResourceDefinition", "applications",
            { metadata: { name: "applications.argoproj.io" }, spec: { group: "argoproj.io" } }, { parent: urnOf("kubernetes:helm.sh/v4:Chart", "argocd") });
        const argo = chart("argocd", "argo-cd");
        const app = resource("kubernetes:argoproj.io/v1alpha1:Application", "root", { metadata: { name: "root", namespace: "argocd" } }, { dependencies: [crd.urn] });
        assert.deepStrictEqual(await stackMessages(customResourceChartDependency, [argo, crd, app]), []);
    });

    it("reports a custom resource that does not depend on its chart", async () => {
        const other = chart("jaeger", "jaeger");
        assert.deepStrictEqual(await stackMessages(customResourceChartDependency, [kps, other, monitor([other.urn])]), [
            "ServiceMonitor shop/cart: is a monitoring.coreos.com custom resource that does not depend on the chart installing its CRD (kube-prometheus-stack)",
        ]);
    });

    it("says so when no chart in the stack installs the CRD", async () => {
        const [message] = await stackMessages(customResourceChartDependency, [monitor()]);
        assert.match(message, /\(kube-prometheus-stack\); no such chart is in this stack$/);
    });

    it("exempts by namespace and kind", async () => {
        const config = { exemptions: [{ namespace: "shop", kind: "ServiceMonitor", controls: ["dependency"], reason: "CRDs installed by the cluster vendor" }] };
        assert.deepStrictEqual(await stackMessages(customResourceChartDependency, [monitor()], config), []);
    });
});
