// The whole pack through the harness with each stack's config.
import * as assert from "assert";
import { runPolicyPack } from "./harness";
import { resource, restrictedPod, workload } from "./fixtures/pods";

const tenantNamespace = (name: string, level: string) => resource("kubernetes:core/v1:Namespace", name, {
    metadata: { name, labels: { "pod-security.kubernetes.io/enforce": level, "platform.example.com/tenant": "true", "platform.example.com/team": name } },
});

function hostileWorkload() {
    const pod = restrictedPod();
    pod.spec.hostNetwork = true;
    pod.spec.containers[0].image = "evil.example.com/miner:latest";
    return workload("Deployment", pod, "shop", "miner");
}

describe("the pack over a stack", () => {
    it("blocks a non-compliant tenant workload in prod", async () => {
        const diagnostics = await runPolicyPack([tenantNamespace("shop", "restricted"), hostileWorkload()], "prod");
        const mandatory = diagnostics.filter((d) => d.level === "mandatory").map((d) => d.policy);
        assert.ok(mandatory.includes("pod-security-standards"));
        assert.ok(mandatory.includes("image-provenance"));
        assert.ok(mandatory.includes("tenant-namespace-guardrails"));
    });

    it("only advises in dev", async () => {
        const diagnostics = await runPolicyPack([tenantNamespace("shop", "baseline"), hostileWorkload()], "dev");
        assert.ok(diagnostics.length > 0);
        assert.ok(diagnostics.every((d) => d.level === "advisory"));
    });

    it("is mandatory for security policies and advisory for the others in staging", async () => {
        const diagnostics = await runPolicyPack([tenantNamespace("shop", "restricted"), hostileWorkload()], "staging");
        const levelOf = (policy: string) => diagnostics.find((d) => d.policy === policy)?.level;
        assert.strictEqual(levelOf("pod-security-standards"), "mandatory");
        assert.strictEqual(levelOf("image-provenance"), "mandatory");
        assert.strictEqual(levelOf("tenant-namespace-guardrails"), "advisory");
    });

    it("passes a compliant tenant workload in prod", async () => {
        const diagnostics = await runPolicyPack([workload("Deployment", restrictedPod())], "prod");
        assert.deepStrictEqual(diagnostics, []);
    });

    it("lets \"all\" set every level, with per-policy entries winning", async () => {
        const diagnostics = await runPolicyPack([hostileWorkload()], { all: "mandatory", "image-provenance": { enforcementLevel: "disabled", allowedRegistries: [] } });
        assert.ok(diagnostics.length > 0 && diagnostics.every((d) => d.level === "mandatory"));
        assert.ok(!diagnostics.some((d) => d.policy === "image-provenance"));
    });

    it("rejects a config naming an unknown policy", async () => {
        await assert.rejects(runPolicyPack([], { "no-such-policy": "mandatory" }), /unknown policy "no-such-policy"/);
    });
});
