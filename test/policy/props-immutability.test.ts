// A policy that edits the props it is handed fails loudly, the same way in the built pack (over the
// Analyzer protocol, with the pack's shared deserialisation installed) and in the in-process runner
// the tests and `plan` use; props holding a value unknown during preview are each policy's own copy
// in both, so an edit there never reaches another policy.
import { strict as assert } from "assert";
import * as path from "path";
import { Policies } from "@pulumi/policy";
import { RunningPack } from "../../scripts/policy-run/analyzerClient";
import { ensureFreshBuild, ProbePack, writeProbePack } from "./builtPack";
import { HarnessResource, resolveConfig, runPolicyPack } from "./harness";

const PROBES = path.join(__dirname, "fixtures", "props-probe", "policies.js");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const probes = require(PROBES) as Record<"editsProps" | "readsProps" | "editsStackProps", Policies[number]>;

/** The engine's stand-in for a string it cannot know during preview (plugin.UnknownStringValue). */
const UNKNOWN_STRING = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** V8's words for an assignment to a frozen object in strict code. */
const FROZEN_EDIT = /TypeError: Cannot add property edited, object is not extensible/;

function advisoryConfig(names: string[]) {
    return Object.fromEntries(names.map((name) => [name, { enforcementLevel: "advisory" as const }]));
}

function configMapResource(name: string, annotations: Record<string, string> = {}): HarnessResource {
    return {
        type: "kubernetes:core/v1:ConfigMap", name, urn: `urn:pulumi:test::platform::kubernetes:core/v1:ConfigMap::${name}`,
        props: { apiVersion: "v1", kind: "ConfigMap", metadata: { name, namespace: "shop", labels: { app: name }, annotations } },
    };
}

describe("the props handed to policies", function () {
    this.timeout(180_000);
    let probe: ProbePack;
    let pack: RunningPack;

    before(async () => {
        ensureFreshBuild();
        probe = writeProbePack(PROBES);
        pack = await RunningPack.start(probe.dir);
    });
    after(() => {
        pack?.stop();
        probe?.remove();
    });

    const resourcePolicies = [probes.editsProps, probes.readsProps];
    const names = (policies: Policies) => policies.map((p) => p.name);

    it("are frozen in the runner: an edit throws instead of reaching the next policy", async () => {
        await assert.rejects(runPolicyPack([configMapResource("web")], advisoryConfig(names(resourcePolicies)), resourcePolicies), FROZEN_EDIT);
    });

    it("are frozen in the built pack: the same edit fails the Analyze call", async () => {
        await pack.configure(resolveConfig(advisoryConfig(names(Object.values(probes))), Object.values(probes)));
        await assert.rejects(pack.analyzeEach([configMapResource("web")]), FROZEN_EDIT);
    });

    it("are frozen for stack policies, in the runner and in the built pack", async () => {
        const stackPolicies = [probes.editsStackProps];
        await assert.rejects(runPolicyPack([configMapResource("web")], advisoryConfig(names(stackPolicies)), stackPolicies), FROZEN_EDIT);
        await pack.configure(resolveConfig(advisoryConfig(names(Object.values(probes))), Object.values(probes)));
        await assert.rejects(pack.analyzeStack([configMapResource("web")]), FROZEN_EDIT);
    });

    it("holding an unknown value, are each policy's own copy in both paths: the edit reaches no other policy", async () => {
        const pending = configMapResource("pending", { "example.com/address": UNKNOWN_STRING });
        const inProcess = await runPolicyPack([pending], advisoryConfig(names(resourcePolicies)), resourcePolicies);
        await pack.configure(resolveConfig(advisoryConfig(names(resourcePolicies)), Object.values(probes)));
        const overProtocol = await pack.analyzeEach([pending]);
        const seen = (ds: { policy: string; message: string }[]) => ds.filter((d) => d.policy === "reads-props").map((d) => d.message.split("\n").pop());
        assert.deepEqual(seen(inProcess), ['labels {"app":"pending"}']);
        assert.deepEqual(seen(overProtocol), seen(inProcess));
    });
});
