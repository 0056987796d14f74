// The pack's findings by its two routes compare equal when they are the same finding: a stack
// policy's finding about one resource carries that resource's URN in both.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { compareFindings, findingsFromEngineEvents, findingsFromPlanReport } from "../../scripts/e2e/findings";

const URN = "urn:pulumi:dev::platform::platform:secrets:ExternalSecrets$kubernetes:helm.sh/v4:Chart$kubernetes:core/v1:Service::external-secrets:external-secrets/external-secrets-webhook";
const SAID = "IST0118 Service external-secrets/external-secrets-webhook: port 443 named \"webhook\" declares no protocol";

describe("e2e findings: preview against plan", () => {
    it("matches a stack policy's finding about one resource, reported by the plan as a stack diagnostic", () => {
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "plan-")), "plan.json");
        fs.writeFileSync(file, JSON.stringify({ policyDiagnostics: [{ policy: "mesh-analysis-warnings", level: "advisory", message: SAID, urn: URN, stack: true }] }));
        const event = { policyEvent: { policyName: "mesh-analysis-warnings", enforcementLevel: "advisory", resourceUrn: URN, message: `Istio analyzer findings upstream rates Warning or Info.\n${SAID}` } };
        const comparison = compareFindings(findingsFromEngineEvents(JSON.stringify(event)), findingsFromPlanReport(file));
        assert.deepEqual(comparison, { matched: 1, onlyInPreview: [], onlyInPlan: [] });
    });

    it("keeps a finding about the stack itself as the stack's", () => {
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "plan-")), "plan.json");
        fs.writeFileSync(file, JSON.stringify({ policyDiagnostics: [{ policy: "capacity", level: "mandatory", message: "quota too small", stack: true }] }));
        assert.equal(findingsFromPlanReport(file)[0].resource, "stack");
    });
});
