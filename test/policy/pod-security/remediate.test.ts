import * as assert from "assert";
import { podSecurityStandards } from "../../../policy/policies";
import { restrictedPod, workload } from "../fixtures/pods";
import { resourceDiagnostics } from "../policyCall";

function unhardenedPod() {
    const pod = restrictedPod();
    delete pod.spec.securityContext.seccompProfile;
    for (const c of [...pod.spec.initContainers, ...pod.spec.containers, ...pod.spec.ephemeralContainers]) {
        delete c.securityContext.allowPrivilegeEscalation;
    }
    return pod;
}

describe("pod-security-standards remediation", () => {
    it("adds RuntimeDefault seccomp and allowPrivilegeEscalation=false at the remediate level", async () => {
        const before = await resourceDiagnostics(podSecurityStandards, workload("Deployment", unhardenedPod()), { level: "restricted" }, "mandatory");
        assert.strictEqual(before.length, 8);
        const after = await resourceDiagnostics(podSecurityStandards, workload("Deployment", unhardenedPod()), { level: "restricted" }, "remediate");
        assert.deepStrictEqual(after, []);
    });

    it("leaves what it cannot safely fix, and reports it as mandatory", async () => {
        const pod = unhardenedPod();
        pod.spec.containers[0].securityContext.privileged = true;
        const after = await resourceDiagnostics(podSecurityStandards, workload("Job", pod), { level: "restricted" }, "remediate");
        assert.deepStrictEqual(after.map((d) => [d.level, d.message]), [
            ["mandatory", 'Job shop/cart: container "app" sets securityContext.privileged=true [control privileged, baseline; checked at restricted]'],
            ["mandatory", 'Job shop/cart: container "app" must set securityContext.allowPrivilegeEscalation=false [control allowPrivilegeEscalation, restricted; checked at restricted]'],
        ]);
    });

    it("does not touch namespaces below restricted", async () => {
        const after = await resourceDiagnostics(podSecurityStandards, workload("Deployment", unhardenedPod()), { level: "baseline" }, "remediate");
        assert.deepStrictEqual(after, []);
        const remediated = await podSecurityStandards.remediateResource!({
            ...workload("Deployment", unhardenedPod()), opts: {} as never, stackTags: new Map(), isType: () => false, asType: () => undefined,
            getConfig: <T>() => ({ level: "baseline" }) as T, notApplicable: () => { throw new Error("n/a"); },
        });
        assert.strictEqual(remediated, undefined);
    });
});
