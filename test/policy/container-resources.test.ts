import * as assert from "assert";
import { containerResources } from "../../policy/policies";
import { Pod, restrictedPod, workload } from "./fixtures/pods";
import { resourceMessages } from "./policyCall";

const check = (mutate: (p: Pod) => void, config: Record<string, any> = {}) => {
    const pod = restrictedPod();
    mutate(pod);
    return resourceMessages(containerResources, workload("Deployment", pod), config);
};
const app = (p: Pod) => p.spec.containers[0].resources;

describe("container-resources", () => {
    it("accepts sized containers (ephemeral containers cannot be sized)", async () => {
        assert.deepStrictEqual(await check(() => undefined), []);
    });

    const cases: Array<[string, (p: Pod) => void, string]> = [
        ["a missing CPU request", (p) => delete app(p).requests.cpu, 'container "app" must set resources.requests.cpu'],
        ["a missing memory request", (p) => delete p.spec.initContainers[0].resources.requests.memory, 'init container "init" must set resources.requests.memory'],
        ["a missing memory limit", (p) => delete p.spec.containers[1].resources.limits, 'container "sidecar" must set resources.limits.memory'],
        ["a request above its limit", (p) => { app(p).requests.memory = "1Gi"; }, 'container "app" requests memory 1Gi above its limit 128Mi'],
    ];
    for (const [name, mutate, expected] of cases) {
        it(`reports ${name}`, async () => assert.deepStrictEqual(await check(mutate), [`Deployment shop/cart: ${expected}`]));
    }

    // A rule is one admission validation, so it reports one message: each container's problem, joined.
    it("requires a CPU limit only where configured", async () => {
        assert.deepStrictEqual(await check(() => undefined, { requireCpuLimit: true }), [
            'Deployment shop/cart: init container "init" must set resources.limits.cpu; container "app" must set resources.limits.cpu; ' +
            'container "sidecar" must set resources.limits.cpu',
        ]);
    });

    it("compares CPU quantities in any notation", async () => {
        assert.deepStrictEqual(await check((p) => { app(p).requests.cpu = "1.5"; app(p).limits.cpu = "1500m"; }), []);
        assert.deepStrictEqual(await check((p) => { app(p).requests.cpu = "2"; app(p).limits.cpu = "1500m"; }),
            ['Deployment shop/cart: container "app" requests cpu 2 above its limit 1500m']);
    });

    it("enforces the per-container maxima", async () => {
        const messages = await check((p) => { app(p).requests.memory = "6Gi"; app(p).limits.memory = "6Gi"; app(p).requests.cpu = "3"; },
            { maxCpu: "2", maxMemory: "4Gi" });
        assert.deepStrictEqual(messages, [
            'Deployment shop/cart: container "app" cpu request 3 exceeds the per-container maximum 2; ' +
            'container "app" memory request 6Gi exceeds the per-container maximum 4Gi; ' +
            'container "app" memory limit 6Gi exceeds the per-container maximum 4Gi',
        ]);
    });

    it("honours an exemption by namespace and kind", async () => {
        const exempt = { exemptions: [{ namespace: "shop", kind: "Deployment", controls: ["requests"], reason: "sized by the vendor chart" }] };
        assert.deepStrictEqual(await check((p) => delete app(p).requests.cpu, exempt), []);
        const otherKind = { exemptions: [{ namespace: "shop", kind: "StatefulSet", controls: ["requests"], reason: "sized by the vendor chart" }] };
        assert.strictEqual((await check((p) => delete app(p).requests.cpu, otherKind)).length, 1);
    });
});
