import * as pulumi from "@pulumi/pulumi";
import * as assert from "assert";
import { podSecurityStandards } from "../../../policy/policies";
import { resource, restrictedPod, workload } from "../fixtures/pods";
import { resourceDiagnostics, resourceMessages } from "../policyCall";

const hostAgent = () => {
    const pod = restrictedPod();
    pod.spec.hostNetwork = true;
    pod.spec.containers[0].securityContext.privileged = true;
    return pod;
};

const namespace = (name: string, labels: Record<string, string>) =>
    resource("kubernetes:core/v1:Namespace", name, { metadata: { name, labels } });

const config = {
    level: "baseline",
    namespaceLevels: { "istio-system": "restricted", "node-exporter": "privileged" },
    exemptions: [{
        namespace: "node-exporter", kind: "DaemonSet", controls: ["hostNamespaces", "privileged"],
        reason: "node metrics need host access", expires: "2999-12-31",
    }],
};

describe("pod-security-standards levels, namespaces and exemptions", () => {
    it("checks a namespace listed in namespaceLevels at its own level", async () => {
        const pod = restrictedPod();
        delete pod.spec.securityContext.seccompProfile;
        assert.deepStrictEqual(await resourceMessages(podSecurityStandards, workload("Deployment", pod, "shop"), config), []);
        const messages = await resourceMessages(podSecurityStandards, workload("Deployment", pod, "istio-system"), config);
        assert.ok(messages.length > 0 && messages.every((m) => m.includes("seccompProfile_restricted")));
    });

    it("waives an exempt kind in a privileged namespace", async () => {
        assert.deepStrictEqual(await resourceMessages(podSecurityStandards, workload("DaemonSet", hostAgent(), "node-exporter"), config), []);
    });

    it("still checks other kinds in a privileged namespace, at baseline", async () => {
        const messages = await resourceMessages(podSecurityStandards, workload("Deployment", hostAgent(), "node-exporter"), config);
        assert.deepStrictEqual(messages, [
            "Deployment node-exporter/cart: pod sets hostNetwork=true [control hostNamespaces, baseline; checked at baseline; namespace is privileged]",
            'Deployment node-exporter/cart: container "app" sets securityContext.privileged=true [control privileged, baseline; checked at baseline; namespace is privileged]',
        ]);
    });

    it("stops exempting once the exemption has expired, and says so", async () => {
        const expired = { ...config, exemptions: [{ ...config.exemptions[0], expires: "2020-01-31" }] };
        const messages = await resourceMessages(podSecurityStandards, workload("DaemonSet", hostAgent(), "node-exporter"), expired);
        assert.strictEqual(messages.length, 2);
        for (const m of messages) assert.ok(m.includes("an exemption matched but expired on 2020-01-31, so it no longer applies; its reason was: node metrics need host access"), m);
    });

    it("rejects a blanket exemption that names no chart, namespace, kind or name", async () => {
        const blanket = { level: "baseline", exemptions: [{ controls: ["privileged"], reason: "switch it off" }] };
        await assert.rejects(resourceMessages(podSecurityStandards, workload("Pod", hostAgent()), blanket), /exemptions\[0\]: too few keys; An exemption needs controls, a reason and at least one selector/);
        const withExpiry = { level: "baseline", exemptions: [{ controls: ["privileged"], reason: "switch it off", expires: "2999-01-01" }] };
        await assert.rejects(resourceMessages(podSecurityStandards, workload("Pod", hostAgent()), withExpiry), /exemptions\[0\]: too few keys; An exemption needs controls, a reason and at least one selector/);
    });

    it("puts objects without a namespace in default", async () => {
        const w = workload("Pod", hostAgent());
        delete w.props.metadata.namespace;
        const messages = await resourceMessages(podSecurityStandards, w, { level: "baseline" });
        assert.ok(messages[0].startsWith("Pod default/cart: pod sets hostNetwork=true"), messages[0]);
    });

    it("requires each namespace's enforce label to agree with its configured level", async () => {
        const pinned = { "pod-security.kubernetes.io/enforce-version": "v1.36" };
        const check = (ns: ReturnType<typeof namespace>) => resourceMessages(podSecurityStandards,
            { ...ns, props: { metadata: { ...ns.props.metadata, labels: { ...pinned, ...ns.props.metadata.labels } } } }, config);
        assert.deepStrictEqual(await check(namespace("istio-system", { "pod-security.kubernetes.io/enforce": "restricted" })), []);
        assert.deepStrictEqual(await check(namespace("shop", { "pod-security.kubernetes.io/enforce": "baseline" })), []);
        assert.deepStrictEqual(await check(namespace("node-exporter", { "pod-security.kubernetes.io/enforce": "privileged" })), []);
        assert.deepStrictEqual(await check(namespace("istio-system", { "pod-security.kubernetes.io/enforce": "baseline" })), [
            'Namespace istio-system: is labelled pod-security.kubernetes.io/enforce=baseline but the policy config says "restricted"; ' +
            "make them agree (namespaceLevels in the stack's policy-config.json, or the namespace's label)",
        ]);
        assert.match((await check(namespace("data", {})))[0], /^Namespace data: has no pod-security.kubernetes.io\/enforce label; the policy config expects "baseline"/);
    });

    it("requires each namespace's enforce-version to be the release the pack judges against", async () => {
        const labelled = (labels: Record<string, string>) => namespace("shop", { "pod-security.kubernetes.io/enforce": "baseline", ...labels });
        assert.deepStrictEqual(await resourceMessages(podSecurityStandards, labelled({ "pod-security.kubernetes.io/enforce-version": "v1.36" }), config), []);
        assert.deepStrictEqual(await resourceMessages(podSecurityStandards, labelled({ "pod-security.kubernetes.io/enforce-version": "latest" }), config), [
            'Namespace shop: is labelled pod-security.kubernetes.io/enforce-version=latest, but this policy judges against "v1.36" ' +
            "(kubernetesVersion); pin both to one release",
        ]);
        assert.deepStrictEqual(await resourceMessages(podSecurityStandards, labelled({}), { ...config, kubernetesVersion: "1.35" }), [
            'Namespace shop: has no pod-security.kubernetes.io/enforce-version label, so admission judges by "latest"; set it to ' +
            '"v1.35", the release this policy judges against (kubernetesVersion)',
        ]);
    });

    it("is not applicable to other kinds", async () => {
        const service = resource("kubernetes:core/v1:Service", "cart", { metadata: { name: "cart" }, spec: { type: "ClusterIP" } });
        assert.deepStrictEqual(await resourceDiagnostics(podSecurityStandards, service), []);
    });

    it("reports as the engine does when a value is unknown during preview", async () => {
        const w = workload("Deployment", restrictedPod());
        w.props.metadata.namespace = pulumi.runtime.unknownValue;
        const [diagnostic] = await resourceDiagnostics(podSecurityStandards, w);
        assert.strictEqual(diagnostic.level, "advisory");
        assert.match(diagnostic.message, /can't run policy during preview/);
    });

    it("rejects config outside its schema", async () => {
        const w = workload("Pod", restrictedPod());
        await assert.rejects(resourceMessages(podSecurityStandards, w, { level: "privileged" }), /level: "privileged" is not accepted; expected one of "baseline", "restricted"/);
        await assert.rejects(resourceMessages(podSecurityStandards, w, { kubernetesVersion: "1.20" }), /kubernetesVersion: "1.20" does not match/);
        await assert.rejects(resourceMessages(podSecurityStandards, w, { namespaceLevels: { x: "open" } }), /namespaceLevels.x/);
    });
});
