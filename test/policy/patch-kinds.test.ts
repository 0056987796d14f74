// Pulumi's patch kinds (DeploymentPatch and its siblings) are judged like the kinds they patch, on
// the fields they set: a required field a patch leaves out keeps the live object's value.
import * as assert from "assert";
import { containerResources, podSecurityStandards } from "../../policy/policies";
import { POD_KINDS, restrictedPod, workload } from "./fixtures/pods";
import { resourceMessages } from "./policyCall";

const asPatch = (object: ReturnType<typeof workload>) => ({ ...object, type: `${object.type}Patch` });

/** A patch that only changes one container's image: it sets no security context or resources. */
function imageOnlyPatch(kind: (typeof POD_KINDS)[number]) {
    const pod = restrictedPod();
    pod.spec = { containers: [{ name: "app", image: "ghcr.io/stefanprodan/podinfo:6.9.3" }] };
    return asPatch(workload(kind, pod));
}

describe("patch kinds", () => {
    for (const kind of POD_KINDS) {
        it(`${kind}Patch: an image-only patch passes; a privileged one fails like a ${kind}`, async () => {
            const patch = imageOnlyPatch(kind);
            assert.deepStrictEqual(await resourceMessages(podSecurityStandards, patch, { level: "restricted" }), []);
            assert.deepStrictEqual(await resourceMessages(containerResources, patch), []);
            const privileged = imageOnlyPatch(kind);
            const spec = kind === "Pod" ? privileged.props.spec
                : kind === "PodTemplate" ? privileged.props.template.spec
                : kind === "CronJob" ? privileged.props.spec.jobTemplate.spec.template.spec : privileged.props.spec.template.spec;
            spec.hostNetwork = true;
            spec.containers[0].securityContext = { privileged: true, allowPrivilegeEscalation: true };
            spec.containers[0].resources = { requests: { cpu: "2", memory: "1Gi" }, limits: { memory: "512Mi" } };
            const pss = await resourceMessages(podSecurityStandards, privileged, { level: "restricted" });
            assert.deepStrictEqual(pss.map((m) => /\[control (\w+)/.exec(m)![1]).sort(), ["allowPrivilegeEscalation", "hostNamespaces", "privileged"]);
            assert.ok(pss.every((m) => m.startsWith(`${kind} shop/cart: `)), pss.join("\n"));
            assert.deepStrictEqual(await resourceMessages(containerResources, privileged),
                [`${kind} shop/cart: container "app" requests memory 1Gi above its limit 512Mi`]);
        });
    }

    it("a NamespacePatch that relabels Pod Security fails; one that sets other labels passes", async () => {
        const ns = (labels: Record<string, string>) => ({
            type: "kubernetes:core/v1:NamespacePatch", name: "shop", urn: "urn:pulumi:test::platform::kubernetes:core/v1:NamespacePatch::shop",
            props: { metadata: { name: "shop", labels } },
        });
        assert.deepStrictEqual(await resourceMessages(podSecurityStandards, ns({ team: "shop" }), { level: "restricted" }), []);
        assert.deepStrictEqual(await resourceMessages(podSecurityStandards, ns({ "pod-security.kubernetes.io/enforce": "privileged" }), { level: "restricted" }), [
            'Namespace shop: is labelled pod-security.kubernetes.io/enforce=privileged but the policy config says "restricted"; ' +
            "make them agree (namespaceLevels in the stack's policy-config.json, or the namespace's label)",
        ]);
    });
});

describe("implicit emptyDir", () => {
    it("accepts a volume with no source under restricted, as admission sees it defaulted to emptyDir", async () => {
        const pod = restrictedPod();
        pod.spec.volumes.push({ name: "scratch" });
        assert.deepStrictEqual(await resourceMessages(podSecurityStandards, workload("Pod", pod), { level: "restricted" }), []);
        pod.spec.volumes.push({ name: "logs", hostPath: { path: "/var/log" } });
        assert.strictEqual((await resourceMessages(podSecurityStandards, workload("Pod", pod), { level: "restricted" })).length, 1);
    });
});
