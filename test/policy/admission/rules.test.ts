// The pack's admission rules, case by case (cases.ts): each changed object gets exactly the
// expected message from its policy, and each look-alike and baseline gets none.
import { strict as assert } from "assert";
import { analyzeStack, resolveConfig } from "../harness";
import { ALL_CASES, subjectOf } from "./cases";

describe("admission rules in the pack", () => {
    for (const c of ALL_CASES) {
        it(`${c.policy.name}: ${c.expected ? "refuses" : "accepts"} ${c.title}`, async () => {
            const config = resolveConfig({ [c.policy.name]: { enforcementLevel: "mandatory", ...c.settings } }, [c.policy]).get(c.policy.name)!;
            const diagnostics = await analyzeStack(c.policy, c.resources, config);
            const subject = subjectOf(c);
            // The baseline is compliant: whatever is reported is about the changed object.
            assert.ok(diagnostics.every((d) => d.urn === subject.urn), diagnostics.map((d) => `${d.urn}: ${d.message}`).join("\n"));
            if (c.expected === undefined) {
                assert.deepEqual(diagnostics.map((d) => d.message), []);
            } else {
                assert.equal(diagnostics.length, 1, diagnostics.map((d) => d.message).join("\n"));
                assert.ok(diagnostics[0].message.startsWith(c.expected), `${diagnostics[0].message}\n  expected to start with: ${c.expected}`);
            }
        });
    }
});
