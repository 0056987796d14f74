// Every exemption a stack ships selects an object of that stack (its program plus what its charts
// render): an exemption that selects nothing waives nothing today and would silently waive a
// future object that happens to match it.
import { strict as assert } from "assert";
import { Exemption, selects } from "../../policy/lib/exemptions";
import { objectRef } from "../../policy/lib/objectRef";
import { loadStackPolicyConfig } from "../policy/harness";
import { renderedStack, withChartCache } from "../harness/renderedCharts";

withChartCache("every shipped exemption selects a rendered object (test/charts/exemptions.test.ts)", (cache) => {
    describe("shipped exemptions select what they name", () => {
        for (const stack of ["dev", "staging", "prod"]) {
            it(`${stack}: each exemption selects at least one of the stack's objects`, async () => {
                const { resources } = await renderedStack(stack, cache);
                const refs = resources.filter((r) => r.custom && r.type.startsWith("kubernetes:"))
                    .map((r) => objectRef(r.type, r.inputs, r.name, r.parent));
                const config = loadStackPolicyConfig(stack);
                const idle: string[] = [];
                for (const [policy, entry] of Object.entries(config)) {
                    const exemptions: Exemption[] = typeof entry === "object" ? entry.exemptions ?? [] : [];
                    for (const e of exemptions) if (!refs.some((ref) => selects(e, ref))) idle.push(`${policy}: ${JSON.stringify(e)}`);
                }
                assert.deepEqual(idle, []);
            });
        }
    });
});
