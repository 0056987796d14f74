// Exemptions waive only the controls they name, only for objects of the chart they name, and say
// when they have expired. The exempted object here is Fluent Bit's DaemonSet, judged with prod's
// own shipped config, rendered as a child of the `fluent-bit` Chart the program installs.
import * as assert from "assert";
import { imageProvenance, podSecurityStandards } from "../../policy/policies";
import { HarnessResource, loadStackPolicyConfig } from "./harness";
import { restrictedPod, workload } from "./fixtures/pods";
import { resourceMessages } from "./policyCall";

const CHART_URN = "urn:pulumi:prod::platform::platform:logging:Logging$kubernetes:helm.sh/v4:Chart::fluent-bit";

/** Fluent Bit's DaemonSet as the chart renders it: hostPath log volumes, otherwise baseline-clean. */
/** `parent` null: declared directly, not by any chart. */
function fluentBit(parent: string | null = CHART_URN): HarnessResource {
    const pod = restrictedPod();
    pod.spec.volumes = [{ name: "varlog", hostPath: { path: "/var/log" } }];
    pod.spec.containers[0].image = "cr.fluentbit.io/fluent/fluent-bit:5.1.1";
    const object = workload("DaemonSet", pod, "fluent-bit", "fluent-bit");
    return parent === null ? object : {
        ...object, parent, name: "fluent-bit:fluent-bit/fluent-bit",
        urn: "urn:pulumi:prod::platform::platform:logging:Logging$kubernetes:helm.sh/v4:Chart$kubernetes:apps/v1:DaemonSet::fluent-bit:fluent-bit/fluent-bit",
    };
}

const prod = loadStackPolicyConfig("prod") as Record<string, Record<string, any>>;
const { enforcementLevel: _pss, ...pssConfig } = prod["pod-security-standards"];
const { enforcementLevel: _img, ...imageConfig } = prod["image-provenance"];
const pss = (object: HarnessResource, config = pssConfig) => resourceMessages(podSecurityStandards, object, config);

describe("exemptions", () => {
    it("waive the named controls for the chart's object", async () => {
        assert.deepStrictEqual(await pss(fluentBit()), []);
    });

    it("still apply every control they do not name: a privileged sidecar fails", async () => {
        const object = fluentBit();
        object.props.spec.template.spec.containers.push({ name: "miner", image: "busybox:latest", securityContext: { privileged: true } });
        assert.deepStrictEqual(await pss(object), [
            'DaemonSet fluent-bit/fluent-bit: container "miner" sets securityContext.privileged=true ' +
            "[control privileged, baseline; checked at baseline; namespace is privileged]",
        ]);
        assert.deepStrictEqual(await resourceMessages(imageProvenance, object, imageConfig), [
            'DaemonSet fluent-bit/fluent-bit: container "miner": image "busybox:latest" uses the latest tag',
            'DaemonSet fluent-bit/fluent-bit: container "miner": image "busybox:latest" (docker.io/library/busybox) is not from an allowed registry: ' +
            imageConfig.allowedRegistries.join(", "),
        ]);
    });

    it("do not cover an object of the same namespace, kind and name that no such chart rendered", async () => {
        const impostor = "urn:pulumi:prod::platform::platform:tenancy:Team$kubernetes:helm.sh/v4:Chart::shop-logs";
        for (const object of [fluentBit(null), fluentBit(impostor)]) {
            assert.deepStrictEqual(await pss(object), [
                'DaemonSet fluent-bit/fluent-bit: volume "varlog" mounts hostPath /var/log [control hostPathVolumes, baseline; checked at baseline; namespace is privileged]',
            ]);
        }
    });

    it("do not match a parent that is not a Chart, even if named like one", async () => {
        const component = "urn:pulumi:prod::platform::platform:logging:Logging::fluent-bit";
        assert.strictEqual((await pss(fluentBit(component))).length, 1);
    });

    it("fail with their expiry date once expired", async () => {
        const expired = { ...pssConfig, exemptions: pssConfig.exemptions.map((e: Record<string, any>) => ({ ...e, expires: "2025-03-31" })) };
        const [message] = await pss(fluentBit(), expired);
        assert.match(message, /^DaemonSet fluent-bit\/fluent-bit: volume "varlog" mounts hostPath \/var\/log .*\(an exemption matched but expired on 2025-03-31, so it no longer applies; its reason was: Fluent Bit: /);
    });

    it("hold through the last day of their expiry (UTC)", async () => {
        const today = new Date().toISOString().slice(0, 10);
        const lastDay = { ...pssConfig, exemptions: pssConfig.exemptions.map((e: Record<string, any>) => ({ ...e, expires: today })) };
        assert.deepStrictEqual(await pss(fluentBit(), lastDay), []);
    });
});
