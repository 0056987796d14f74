// A v4 Chart whose values hold an unknown Output renders nothing during preview, so on a first
// `pulumi preview` neither the diff nor the policy pack would see that chart's objects. Every
// Chart's values (and namespace) must be known when nothing has been created yet.
import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { runStack } from "../harness";

/** Paths inside `value` that are unknown during preview. */
function unknownPaths(value: unknown, path = ""): string[] {
    if (value === pulumi.runtime.unknownValue) return [path || "(the whole value)"];
    if (Array.isArray(value)) return value.flatMap((v, i) => unknownPaths(v, `${path}[${i}]`));
    if (value && typeof value === "object") {
        return Object.entries(value).flatMap(([k, v]) => unknownPaths(v, path ? `${path}.${k}` : k));
    }
    return [];
}

describe("chart values are known during preview", () => {
    for (const stack of ["dev", "staging", "prod"]) {
        it(`${stack}: a first preview gives every Chart known values, so its objects are rendered and judged`, () => {
            const run = runStack(stack, {}, { preview: true });
            assert.equal(run.error, undefined);
            const charts = run.resources.filter((r) => r.type === "kubernetes:helm.sh/v4:Chart");
            assert.ok(charts.length >= 5, "the stack installs its charts");
            const generated = run.resources.filter((r) => r.type === "random:index/randomPassword:RandomPassword");
            assert.ok(generated.length > 0, "the stack generates passwords, whose values a preview does not know");
            const secretsWithUnknowns = run.resources.filter((r) => r.type === "kubernetes:core/v1:Secret" &&
                unknownPaths(r.serializedInputs).length > 0);
            assert.ok(secretsWithUnknowns.length > 0, "the generated passwords reach Secrets, unknown during preview");
            const unknown = charts.flatMap((c) => unknownPaths({ values: c.serializedInputs.values, namespace: c.serializedInputs.namespace })
                .map((p) => `${c.name}: ${p}`));
            assert.deepEqual(unknown, []);
        });
    }
});
