// The pack as `pulumi preview --policy-pack policy` runs it: the tsc build in policy/bin (its
// package.json main), started by run-policy-pack and driven over the Analyzer protocol. It must
// hold the same policies and report the same diagnostics as the sources run in-process.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { policies } from "../../policy/policies";
import { RunningPack } from "../../scripts/policy-run/analyzerClient";
import { BUILT_MAIN, ensureFreshBuild, PACK_DIR } from "./builtPack";
import { HarnessResource, loadStackPolicyConfig, resolveConfig, runPolicyPack } from "./harness";
import { resource, restrictedPod, workload } from "./fixtures/pods";

function hostileStack(): HarnessResource[] {
    const pod = restrictedPod();
    pod.spec.hostNetwork = true;
    pod.spec.containers[0].image = "evil.example.com/miner:latest";
    delete pod.spec.containers[0].resources;
    const namespace = resource("kubernetes:core/v1:Namespace", "shop", {
        metadata: { name: "shop", labels: { "pod-security.kubernetes.io/enforce": "baseline", "platform.example.com/tenant": "true", "platform.example.com/team": "shop" } },
    });
    return [namespace, workload("Deployment", pod, "shop", "miner"), workload("Deployment", restrictedPod(), "shop", "web")];
}

/** The engine's stand-in for a string it cannot know during preview (plugin.UnknownStringValue). */
const UNKNOWN_STRING = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** A workload whose image is unknown during preview, beside one fully known. */
function stackWithUnknownImage(): HarnessResource[] {
    const pod = restrictedPod();
    pod.spec.containers[0].image = UNKNOWN_STRING;
    return [workload("Deployment", pod, "shop", "pending"), workload("Deployment", restrictedPod(), "shop", "web")];
}

const key = (d: { policy: string; level: string; message: string }) => `${d.policy} | ${d.level} | ${d.message}`;
/** The SDK prefixes a diagnostic's message with its policy's description over the protocol. */
const withoutDescription = (d: { policy: string; level: string; message: string }) => {
    const prefix = `${policies.find((p) => p.name === d.policy)?.description}\n`;
    return { ...d, message: d.message.startsWith(prefix) ? d.message.slice(prefix.length) : d.message };
};

describe("the built policy pack over the Analyzer protocol", function () {
    this.timeout(180_000);
    let pack: RunningPack;

    before(async () => {
        ensureFreshBuild();
        pack = await RunningPack.start(PACK_DIR);
    });
    after(() => pack?.stop());

    it("is what the pack's package.json points the CLI at", () => {
        const manifest = JSON.parse(fs.readFileSync(path.join(PACK_DIR, "package.json"), "utf8"));
        assert.equal(path.resolve(PACK_DIR, manifest.main), BUILT_MAIN);
        assert.equal(manifest.scripts.prepare, "npm run build", "npm ci builds it");
    });

    it("offers every policy of the sources", async () => {
        assert.deepEqual((await pack.policyNames()).sort(), policies.map((p) => p.name).sort());
    });

    it("reports what the sources report, with prod's config", async () => {
        const resources = hostileStack();
        const config = resolveConfig(loadStackPolicyConfig("prod"));
        await pack.configure(config);
        const overProtocol = (await pack.analyze(resources)).map(withoutDescription).map(key).sort();
        const inProcess = (await runPolicyPack(resources, "prod")).map(key).sort();
        assert.ok(inProcess.length >= 3, "the hostile workload is reported");
        assert.deepEqual(overProtocol, inProcess);
    });

    it("still reports a policy that reads an unknown value as unable to run during preview, as in-process", async () => {
        const resources = stackWithUnknownImage();
        await pack.configure(resolveConfig(loadStackPolicyConfig("prod")));
        const pending = (ds: { policy: string; level: string; message: string; urn?: string }[]) =>
            ds.filter((d) => d.message.includes("during preview")).map((d) => `${d.policy} | ${d.level} | ${d.urn}`).sort();
        const overProtocol = pending(await pack.analyze(resources));
        const inProcess = pending(await runPolicyPack(resources, "prod"));
        assert.ok(inProcess.length >= 1, "a policy reads the image");
        assert.ok(inProcess.every((d) => d.includes("| advisory |") && d.includes("pending")), inProcess.join("\n"));
        assert.deepEqual(overProtocol, inProcess);
    });
});
