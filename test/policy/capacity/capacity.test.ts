// capacity over the shop's real prod resources: quotas at exactly what the autoscalers' maximum
// needs pass, one unit less fails with the numbers; LimitRange bounds and disruption budgets
// likewise. prod's catalog scales on request rate, through a KEDA ScaledObject instead of an HPA.
import * as assert from "assert";
import { capacity } from "../../../policy/policies";
import { quantityValue } from "@reference-platform/grammar";
import { HarnessResource } from "../harness";
import { stackMessages } from "../policyCall";
import { changed, programResources } from "../mesh-analysis/shopBaseline";

const analyze = (resources: HarnessResource[]) => stackMessages(capacity, resources);

describe("capacity", function () {
    this.timeout(120000);
    let prod: HarnessResource[];
    // Worked out from the recorded objects: each shop Deployment scales to its HPA's maxReplicas (or
    // its ScaledObject's maxReplicaCount) and a rolling update adds ceil(25% of that) surge pods;
    // prod's orders runs through an Argo Rollout whose canary reaches 50%, so ceil(50% of that).
    let pods = 0;
    let requestsMemory = 0;
    before(() => {
        prod = programResources("prod");
        for (const d of prod.filter((r) => r.type === "kubernetes:apps/v1:Deployment" && r.props.metadata.namespace === "shop")) {
            const scaling = (kind: string) => prod.find((r) => r.type.endsWith(`:${kind}`) && r.props.spec.scaleTargetRef.name === d.props.metadata.name);
            const max = scaling("HorizontalPodAutoscaler")?.props.spec.maxReplicas ?? scaling("ScaledObject")!.props.spec.maxReplicaCount;
            // A Deployment an Argo Rollout runs: the canary at its highest weight beside the full stable set.
            const rollout = prod.find((r) => r.type.endsWith(":Rollout") && r.props.spec.workloadRef?.name === d.props.metadata.name);
            const canaryWeights: number[] = (rollout?.props.spec.strategy.canary.steps ?? []).flatMap((s: any) => s.setWeight ?? []);
            const peak = max + (rollout ? Math.ceil((max * Math.max(...canaryWeights)) / 100) : Math.ceil(max * 0.25));
            pods += peak;
            requestsMemory += peak * quantityValue(d.props.spec.template.spec.containers[0].resources.requests.memory)!;
        }
    });

    const quota = (hard: Record<string, string>) => changed(prod, "ResourceQuota", "shop/team-quota", (p) => { p.spec.hard = hard; });

    it("finds nothing in any stack", async () => {
        for (const stack of ["dev", "staging", "prod"]) assert.deepStrictEqual(await analyze(programResources(stack)), [], stack);
    });

    it("accepts a quota exactly as large as the HPA maximum needs", async () => {
        assert.strictEqual(pods, 54);
        assert.deepStrictEqual(await analyze(quota({ pods: String(pods), "requests.memory": `${requestsMemory / 2 ** 20}Mi`, "limits.cpu": String(pods) })), []);
    });

    it("reports a quota one unit too small, with the numbers", async () => {
        const messages = await analyze(quota({ pods: String(pods - 1), "requests.memory": `${requestsMemory / 2 ** 20 - 1}Mi`, "limits.cpu": `${pods * 1000 - 1}m` }));
        assert.deepStrictEqual(messages, [
            "ResourceQuota shop/team-quota: quota shop: requests.memory 13823Mi < 13.5Gi needed at HPA maximum " +
                "(catalog 10 + 3 surge×256Mi, orders 10 + 5 canary×256Mi, frontend 10 + 3 surge×256Mi, payments 10 + 3 surge×256Mi)",
            "ResourceQuota shop/team-quota: quota shop: limits.cpu 53999m < 54 needed at HPA maximum " +
                "(catalog 10 + 3 surge×1, orders 10 + 5 canary×1, frontend 10 + 3 surge×1, payments 10 + 3 surge×1)",
            "ResourceQuota shop/team-quota: quota shop: pods 53 < 54 needed at HPA maximum " +
                "(catalog 10 + 3 surge, orders 10 + 5 canary, frontend 10 + 3 surge, payments 10 + 3 surge)",
        ]);
    });

    it("applies the LimitRange's default limit where a container sets none, and reports a tracked key nothing sets", async () => {
        const noDefault = changed(prod, "LimitRange", "shop/container-defaults", (p) => { delete p.spec.limits[0].default.cpu; });
        const messages = await analyze(noDefault);
        assert.ok(messages.some((m) => m.includes('limits.cpu is tracked but Deployment shop/orders container "orders" sets no limits.cpu')), messages.join("\n"));
    });

    it("reports a container limit above the LimitRange maximum and accepts one at it", async () => {
        const withMax = (max: string) => changed(prod, "LimitRange", "shop/container-defaults", (p) => { p.spec.limits[0].max = { memory: max }; });
        assert.deepStrictEqual(await analyze(withMax("512Mi")), []);
        const messages = await analyze(withMax("511Mi"));
        assert.ok(messages.includes('LimitRange shop/container-defaults: Deployment shop/orders container "orders" limits.memory 512Mi > max 511Mi'), messages.join("\n"));
    });

    it("reports a request below the LimitRange minimum", async () => {
        const messages = await analyze(changed(prod, "LimitRange", "shop/container-defaults", (p) => { p.spec.limits[0].min = { cpu: "300m" }; }));
        assert.ok(messages.includes('LimitRange shop/container-defaults: Deployment shop/orders container "orders" requests.cpu 250m < min 300m'), messages.join("\n"));
    });

    it("reports a PodDisruptionBudget that leaves no disruption at the HPA minimum", async () => {
        const budget = (spec: Record<string, any>) => changed(prod, "PodDisruptionBudget", "shop/orders", (p) => {
            delete p.spec.maxUnavailable;
            Object.assign(p.spec, spec);
        });
        assert.deepStrictEqual(await analyze(budget({ minAvailable: 2 })), []);
        assert.deepStrictEqual(await analyze(budget({ minAvailable: 3 })), [
            "PodDisruptionBudget shop/orders: minAvailable 3 leaves 0 disruptions at the minimum of 3 pods (Deployment orders HPA minReplicas 3): a node drain blocks",
        ]);
        assert.deepStrictEqual(await analyze(budget({ maxUnavailable: "0%" })), [
            "PodDisruptionBudget shop/orders: maxUnavailable 0% leaves 0 disruptions at the minimum of 3 pods (Deployment orders HPA minReplicas 3): a node drain blocks",
        ]);
    });

    it("counts a service that scales on request rate at its ScaledObject's maximum, and its minimum for budgets", async () => {
        const catalog = prod.filter((r) => r.type.endsWith(":ScaledObject") && r.props.metadata.name === "catalog");
        assert.strictEqual(catalog.length, 1, "prod's catalog scales on request rate");
        const raised = changed(quota({ pods: String(pods) }), "ScaledObject", "shop/catalog", (p) => { p.spec.maxReplicaCount = 14; });
        assert.deepStrictEqual(await analyze(raised), [
            "ResourceQuota shop/team-quota: quota shop: pods 54 < 59 needed at HPA maximum " +
                "(catalog 14 + 4 surge, orders 10 + 5 canary, frontend 10 + 3 surge, payments 10 + 3 surge)",
        ]);
        const budget = changed(prod, "PodDisruptionBudget", "shop/catalog", (p) => { delete p.spec.maxUnavailable; p.spec.minAvailable = 3; });
        assert.deepStrictEqual(await analyze(budget), [
            "PodDisruptionBudget shop/catalog: minAvailable 3 leaves 0 disruptions at the minimum of 3 pods (Deployment catalog ScaledObject minReplicaCount 3): a node drain blocks",
        ]);
    });

    it("counts a canary Rollout's pods at its highest weight, beside the full stable set", async () => {
        const fullWeight = changed(quota({ pods: String(pods) }), "Rollout", "shop/orders", (p) => {
            p.spec.strategy.canary.steps = [...p.spec.strategy.canary.steps, { setWeight: 100 }];
        });
        assert.deepStrictEqual(await analyze(fullWeight), [
            "ResourceQuota shop/team-quota: quota shop: pods 54 < 59 needed at HPA maximum " +
                "(catalog 10 + 3 surge, orders 10 + 10 canary, frontend 10 + 3 surge, payments 10 + 3 surge)",
        ]);
    });
});
