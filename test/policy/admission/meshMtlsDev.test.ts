// mesh-mtls' cases that only dev's config decides (its minimum is PERMISSIVE): judged with dev's
// config by the pack and by the admission policies generated from it, which must agree. Dev's
// level is advisory, so the API server warns with the pack's message instead of denying.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { ADMISSION_RULE_SETS, admissionManifests, PolicyEntry } from "../../../policy/admission";
import { bareNamespace, wireObject } from "../../../policy/admission/judge";
import { MESH_MTLS_DEV_CASES } from "../../../scripts/policy-run/meshMtlsCases";
import { analyzePolicy, resolveConfig } from "../harness";
import { subjectOf } from "./cases";
import { admissionOutcomes } from "./evaluateManifests";

const ROOT = path.resolve(__dirname, "../../..");
const devConfig = JSON.parse(fs.readFileSync(path.join(ROOT, "stacks/dev/policy-config.json"), "utf8")) as Record<string, PolicyEntry>;
const NOW = new Date("2026-12-01T00:00:00Z");

describe("mesh-mtls with dev's config (minimum PERMISSIVE), in the pack and at admission", () => {
    const pairs = admissionManifests(ADMISSION_RULE_SETS, devConfig, NOW);
    for (const c of MESH_MTLS_DEV_CASES) {
        it(`${c.expected ? "refuses" : "accepts"} ${c.title}`, async () => {
            const config = resolveConfig({ [c.policy.name]: devConfig[c.policy.name] }, [c.policy]).get(c.policy.name)!;
            const subject = subjectOf(c);
            const pack = (await analyzePolicy(c.policy, c.resources, config)).filter((d) => d.urn === subject.urn).map((d) => d.message);
            const object = wireObject(subject.type, subject.props);
            const outcomes = admissionOutcomes(pairs, object, bareNamespace(object.metadata.namespace)).filter((o) => o.policy.startsWith("platform-mesh-mtls-"));
            if (c.expected === undefined) {
                assert.deepEqual(pack, []);
                assert.deepEqual(outcomes, []);
            } else {
                assert.equal(pack.length, 1, pack.join("\n"));
                assert.ok(pack[0].startsWith(c.expected), `${pack[0]}\n  expected to start with: ${c.expected}`);
                assert.deepEqual(outcomes.map((o) => o.actions), [["Warn", "Audit"]]);
                assert.ok(pack[0].endsWith(`: ${outcomes[0].message}`), `pack: ${pack[0]}\nadmission: ${outcomes[0].message}`);
            }
        });
    }
});
