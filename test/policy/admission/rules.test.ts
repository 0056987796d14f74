// The pack's admission rules, case by case (cases.ts): each changed object gets exactly the
// expected message from its policy, and each look-alike and baseline gets none. Each policy has
// prod's settings (where a LoadBalancer is allowed, say), as in the agreement test and the cluster,
// at the mandatory level.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { analyzePolicy, resolveConfig } from "../harness";
import { ALL_CASES, subjectOf } from "./cases";

const ROOT = path.resolve(__dirname, "../../..");
const prodConfig = JSON.parse(fs.readFileSync(path.join(ROOT, "stacks/prod/policy-config.json"), "utf8")) as Record<string, Record<string, unknown>>;

describe("admission rules in the pack", () => {
    for (const c of ALL_CASES) {
        it(`${c.policy.name}: ${c.expected ? "refuses" : "accepts"} ${c.title}`, async () => {
            const config = resolveConfig({ [c.policy.name]: { ...prodConfig[c.policy.name], enforcementLevel: "mandatory" } }, [c.policy]).get(c.policy.name)!;
            const diagnostics = await analyzePolicy(c.policy, c.resources, config);
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
