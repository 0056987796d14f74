// The generated ValidatingAdmissionPolicies agree with the pack, case for case: every case of the
// pack's own rule tests (cases.ts) is judged by the pack with prod's config, and by the policies
// and bindings generated from prod's config evaluated as the API server would (read from the
// manifests). A violation must be denied with the pack's message; a pass must be admitted by the
// policy's own admission policies. The table is printed.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { ADMISSION_RULE_SETS, admissionManifests, PolicyEntry } from "../../../policy/admission";
import { bareNamespace, wireObject } from "../../../policy/admission/judge";
import { analyzePolicy, resolveConfig } from "../harness";
import { ALL_CASES, subjectOf } from "./cases";
import { admissionOutcomes } from "./evaluateManifests";

const ROOT = path.resolve(__dirname, "../../..");
const prodConfig = JSON.parse(fs.readFileSync(path.join(ROOT, "stacks/prod/policy-config.json"), "utf8")) as Record<string, PolicyEntry>;
const NOW = new Date("2026-12-01T00:00:00Z");

describe("admission policies agree with the pack (prod config)", function () {
    this.timeout(60000);
    const pairs = admissionManifests(ADMISSION_RULE_SETS, prodConfig, NOW);
    const rows: string[][] = [];

    after(() => {
        const header = ["policy", "case", "pack", "admission", "agree"];
        const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
        const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i])).join("  ");
        console.log(`\n${line(header)}\n${widths.map((w) => "-".repeat(w)).join("  ")}\n${rows.map(line).join("\n")}\n`);
    });

    for (const c of ALL_CASES) {
        it(`${c.policy.name}: ${c.title}`, async () => {
            const entry = prodConfig[c.policy.name];
            const config = resolveConfig({ [c.policy.name]: entry }, [c.policy]).get(c.policy.name)!;
            const subject = subjectOf(c);
            const pack = (await analyzePolicy(c.policy, c.resources, config)).filter((d) => d.urn === subject.urn).map((d) => d.message);

            const object = wireObject(subject.type, subject.props);
            const namespaceName = object.metadata.namespace;
            const namespace = c.resources.find((r) => r.type === "kubernetes:core/v1:Namespace" && r.props.metadata.name === namespaceName);
            const namespaceObject = namespace ? wireObject(namespace.type, namespace.props) : bareNamespace(namespaceName);
            // The case's policy's own admission policies: another policy may refuse the same object
            // too (a tenant's Gateway API Gateway breaks tenant-isolation and service-exposure).
            const outcomes = admissionOutcomes(pairs, object, namespaceObject).filter((o) => o.policy.startsWith(`platform-${c.policy.name}-`));

            const denied = outcomes.filter((o) => o.actions.includes("Deny"));
            const agree = pack.length === denied.length && pack.every((m, i) => m.endsWith(`: ${denied[i].message}`));
            rows.push([c.policy.name, c.title, pack.length ? "violation" : "pass", denied.length ? "denied" : outcomes.length ? "warned" : "admitted", agree ? "yes" : "NO"]);
            assert.ok(agree, `pack:\n  ${pack.join("\n  ")}\nadmission:\n  ${outcomes.map((o) => `${o.actions.join("+")} ${o.policy}: ${o.message}`).join("\n  ")}`);
            assert.equal(pack.length > 0, c.expected !== undefined, "the pack's verdict is the case's");
        });
    }
});
