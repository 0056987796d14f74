import * as assert from "assert";
import { podSecurityStandards } from "../../../policy/policies";
import { POD_KINDS, restrictedPod, workload } from "../fixtures/pods";
import { FAILING_VECTORS, PASSING_VECTORS, PssVector } from "../fixtures/pssVectors";
import { resourceMessages } from "../policyCall";

async function messagesAt(level: "baseline" | "restricted", vector: PssVector | undefined, kind: (typeof POD_KINDS)[number]) {
    const pod = restrictedPod();
    vector?.mutate(pod);
    const config = { level, ...(vector?.version ? { kubernetesVersion: vector.version } : {}) };
    return resourceMessages(podSecurityStandards, workload(kind, pod), config);
}

function assertReported(messages: string[], expected: [string, string] | undefined, kind: string, level: string) {
    if (!expected) {
        assert.deepStrictEqual(messages, [], `${kind} at ${level}`);
        return;
    }
    const [control, excerpt] = expected;
    assert.ok(messages.length > 0, `${kind} at ${level}: expected a violation of ${control}`);
    for (const m of messages) assert.ok(m.includes(`[control ${control},`), `${kind} at ${level}: unexpected ${m}`);
    assert.ok(messages.some((m) => m.includes(excerpt)), `${kind} at ${level}: no message with ${excerpt} in\n${messages.join("\n")}`);
}

describe("pod-security-standards controls", () => {
    it("accepts the restricted baseline pod in every pod-carrying kind at both levels", async () => {
        for (const kind of POD_KINDS) {
            assert.deepStrictEqual(await messagesAt("restricted", undefined, kind), [], kind);
            assert.deepStrictEqual(await messagesAt("baseline", undefined, kind), [], kind);
        }
    });

    for (const vector of FAILING_VECTORS) {
        it(`reports ${vector.name}${vector.version ? ` (Kubernetes ${vector.version})` : ""} in every pod-carrying kind`, async () => {
            for (const kind of POD_KINDS) {
                assertReported(await messagesAt("baseline", vector, kind), vector.baseline, kind, "baseline");
                assertReported(await messagesAt("restricted", vector, kind), vector.restricted, kind, "restricted");
            }
        });
    }

    for (const vector of PASSING_VECTORS) {
        it(`allows ${vector.name}${vector.version ? ` (Kubernetes ${vector.version})` : ""}`, async () => {
            for (const kind of POD_KINDS) assert.deepStrictEqual(await messagesAt("restricted", vector, kind), [], kind);
        });
    }

    it("names the object, the container and the control in each message", async () => {
        const pod = restrictedPod();
        pod.spec.containers[1].securityContext.privileged = true;
        const [message] = await resourceMessages(podSecurityStandards, workload("StatefulSet", pod, "data", "db"), { level: "baseline" });
        assert.strictEqual(message,
            'StatefulSet data/db: container "sidecar" sets securityContext.privileged=true [control privileged, baseline; checked at baseline]');
    });

    it("reports each offending container of a pod separately", async () => {
        const pod = restrictedPod();
        for (const c of [...pod.spec.initContainers, ...pod.spec.containers, ...pod.spec.ephemeralContainers]) c.securityContext.privileged = true;
        const messages = await resourceMessages(podSecurityStandards, workload("Deployment", pod), { level: "baseline" });
        assert.deepStrictEqual(messages.map((m) => m.split(" sets ")[0]), [
            'Deployment shop/cart: init container "init"', 'Deployment shop/cart: container "app"',
            'Deployment shop/cart: container "sidecar"', 'Deployment shop/cart: ephemeral container "debugger"',
        ]);
    });
});
