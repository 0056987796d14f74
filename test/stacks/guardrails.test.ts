// The whole program, per stack, through the policy pack with that stack's policy config: the
// platform must keep its own guardrails, and a deliberately bad tenant workload must be caught.
import { strict as assert } from "assert";
import { HarnessResource, runPolicyPack } from "../policy/harness";
import { RecordedResource, RunResult, runStack } from "../harness";
import { renderedStack, withChartCache } from "../harness/renderedCharts";
import { unwrapSecrets } from "../harness/wire";

function asPolicyResources(run: RunResult | { resources: RecordedResource[] }): HarnessResource[] {
    return run.resources
        .filter((r) => r.urn)
        .map((r) => ({ type: r.type, name: r.name, urn: r.urn, props: unwrapSecrets(r.inputs), dependencies: r.dependencies, parent: r.parent }));
}

/** A Deployment a careless team might write: root, host network, a mutable image, no limits. */
function careless(run: RunResult): HarnessResource {
    const type = "kubernetes:apps/v1:Deployment";
    const urn = `urn:pulumi:${run.stack}::platform::${type}::miner`;
    return {
        type, name: "miner", urn,
        props: {
            apiVersion: "apps/v1", kind: "Deployment",
            metadata: { name: "miner", namespace: "shop" },
            spec: {
                replicas: 3,
                selector: { matchLabels: { app: "miner" } },
                template: {
                    metadata: { labels: { app: "miner" } },
                    spec: {
                        hostNetwork: true,
                        containers: [{ name: "miner", image: "docker.io/example/miner:latest", securityContext: { privileged: true } }],
                    },
                },
            },
        },
        dependencies: [],
    };
}

describe("guardrails over the whole program", () => {
    for (const stack of ["dev", "staging", "prod"]) {
        it(`${stack}: the platform passes its own policy pack with no mandatory violation`, async () => {
            const run = runStack(stack);
            assert.equal(run.error, undefined);
            const diagnostics = await runPolicyPack(asPolicyResources(run), stack);
            const mandatory = diagnostics.filter((d) => d.level === "mandatory");
            assert.deepEqual(mandatory.map((d) => `${d.policy}: ${d.message}`), []);
        });
    }

    withChartCache("the whole pack over each stack's rendered charts (test/stacks/guardrails.test.ts)", (cache) => {
        for (const stack of ["dev", "staging", "prod"]) {
            it(`${stack}: passes its own pack with every object the charts render, as a real preview judges them`, async () => {
                const rendered = await renderedStack(stack, cache);
                assert.ok(rendered.rendering.children.length > 100, "the charts' objects are in");
                const diagnostics = await runPolicyPack(asPolicyResources(rendered), stack);
                assert.deepEqual(diagnostics.filter((d) => d.level === "mandatory").map((d) => `${d.policy}: ${d.message}`), []);
            });
        }
    });

    it("prod blocks a non-compliant workload in a tenant namespace", async () => {
        const run = runStack("prod");
        const diagnostics = await runPolicyPack([...asPolicyResources(run), careless(run)], "prod");
        const blocked = new Set(diagnostics.filter((d) => d.level === "mandatory" && d.urn?.endsWith("::miner")).map((d) => d.policy));
        for (const policy of ["pod-security-standards", "image-provenance", "container-resources", "pod-disruption-budget"]) {
            assert.ok(blocked.has(policy), `${policy} blocks it`);
        }
    });

    it("dev reports the same workload without blocking it", async () => {
        const run = runStack("dev");
        const diagnostics = await runPolicyPack([...asPolicyResources(run), careless(run)], "dev");
        const aboutMiner = diagnostics.filter((d) => d.urn?.endsWith("::miner"));
        assert.ok(aboutMiner.length >= 3);
        assert.ok(aboutMiner.every((d) => d.level === "advisory"));
    });
});
