// Istio revisions: a control-plane upgrade canaried through stack config. A second istiod is
// installed next to the current one without touching it, one team moves to it, then the default
// moves the rest; each step is checked against the run before it, and bad configs are refused.
import { strict as assert } from "assert";
import { crdVersionOf } from "../../components/mesh/revisions";
import { compareVersions, minorSkew } from "@reference-platform/grammar";
import { ConfigError, resolvePlatformConfig } from "../../infra/config";
import { ofType, one, RecordedResource, runOk, RunResult, runStack, StackOverrides } from "../harness";
import { runPolicyPack } from "../policy/harness";

const CHART = "kubernetes:helm.sh/v4:Chart";
const NAMESPACE = "kubernetes:core/v1:Namespace";
const REV_LABEL = "istio.io/rev";
const STACK = "staging";

// Restated on purpose: the profiles' control plane, and the release it is canaried to.
const CURRENT = { name: "1-29", version: "1.29.6" };
const CANARY = { name: "1-30", version: "1.30.3" };

// The procedure, one stack-config state per step (stack lists replace the profile's).
const STEPS = {
    installCanary: { mesh: { revisions: [CURRENT, CANARY] } },
    moveShop: { mesh: { revisions: [CURRENT, CANARY], teamRevisions: { shop: CANARY.name } } },
    switchDefault: { mesh: { revision: CANARY.name, revisions: [CURRENT, CANARY], teamRevisions: { shop: CANARY.name } } },
    removeOld: { mesh: { revision: CANARY.name, revisions: [CANARY] } },
} satisfies Record<string, StackOverrides>;

const ok = (overrides?: StackOverrides): RunResult => runOk(STACK, overrides);

const chart = (run: RunResult, name: string) => one(run, CHART, name);
const istiodCharts = (run: RunResult) => ofType(run, CHART).filter((c) => c.inputs.chart === "istiod")
    .sort((a, b) => a.name.localeCompare(b.name));
/** Every namespace that opts into the mesh, with the revision it is labelled with. */
const revisionLabels = (run: RunResult): Record<string, string> => Object.fromEntries(
    ofType(run, NAMESPACE).filter((n) => n.inputs.metadata.labels?.[REV_LABEL])
        .map((n) => [n.inputs.metadata.name, n.inputs.metadata.labels[REV_LABEL]]));
const istioObjects = (run: RunResult) => run.resources.filter((r) => /^kubernetes:[a-z.]+\.istio\.io\//.test(r.type));

/** Generated passwords (and their bcrypt hashes) differ from run to run; they are not what is compared. */
function withoutGeneratedSecrets(run: RunResult, text: string): string {
    const masked = run.secretValues.reduce((t, secret) => t.split(secret).join("<secret>"), text);
    return masked.replace(/\$2[aby]\$\d\d\$[./A-Za-z0-9]{53}/g, "<bcrypt>");
}

/** URN -> inputs of every resource, to compare two runs object by object. */
const byUrn = (run: RunResult) => new Map(run.resources.map((r) => [r.urn, withoutGeneratedSecrets(run, JSON.stringify(r.inputs))]));

/** What registering `after` instead of `before` adds, removes and changes (by name). */
function changes(before: RunResult, after: RunResult) {
    const [b, a] = [byUrn(before), byUrn(after)];
    const nameOf = (run: RunResult, urn: string) => (run.resources.find((r) => r.urn === urn) as RecordedResource).name;
    return {
        added: [...a.keys()].filter((u) => !b.has(u)).map((u) => nameOf(after, u)).sort(),
        removed: [...b.keys()].filter((u) => !a.has(u)).map((u) => nameOf(before, u)).sort(),
        changed: [...a.keys()].filter((u) => b.has(u) && b.get(u) !== a.get(u)).map((u) => nameOf(after, u)).sort(),
    };
}

describe("mesh revisions", () => {
    describe("the profiles' single control plane", () => {
        it("runs one istiod named after its revision, which keeps the pre-revision stacks' istiod through an alias", () => {
            const charts = istiodCharts(ok());
            assert.deepEqual(charts.map((c) => c.name), ["istiod-1-29"]);
            assert.equal(charts[0].aliases, 1, "the default revision's istiod answers to the old name `istiod`");
        });

        it("exports the installed control planes for operators", () => {
            assert.deepEqual((ok().outputs.operators as Record<string, unknown>).meshRevisions, [CURRENT]);
        });
    });

    describe("step 1: a canary control plane next to the current one", () => {
        it(`installs istiod ${CANARY.version} as revision ${CANARY.name} beside ${CURRENT.name}, both in istio-system after the CRDs`, () => {
            const run = ok(STEPS.installCanary);
            const charts = istiodCharts(run);
            assert.deepEqual(charts.map((c) => [c.name, c.inputs.version, c.inputs.values.revision, c.inputs.namespace]), [
                ["istiod-1-29", CURRENT.version, CURRENT.name, "istio-system"],
                ["istiod-1-30", CANARY.version, CANARY.name, "istio-system"],
            ]);
            for (const c of charts) assert.ok(c.dependencies.includes(chart(run, "istio-base").urn), `${c.name} after base`);
            assert.equal(chart(run, "istiod-1-30").aliases, 0, "only the default revision's istiod carries the old name");
        });

        it("leaves the current istiod, the gateway, the CNI agent and every namespace as they were; only the CRDs move ahead", () => {
            const before = ok();
            const after = ok(STEPS.installCanary);
            // Kiali learns the canary, for its namespace actions that move workloads to it.
            assert.deepEqual(changes(before, after), { added: ["istiod-1-30"], removed: [], changed: ["istio-base", "kiali"] });
            assert.deepEqual(chart(after, "kiali").inputs.values.external_services.istio.istio_canary_revision,
                { current: CURRENT.name, upgrade: CANARY.name });
            assert.deepEqual(chart(after, "istiod-1-29").inputs, chart(before, "istiod-1-29").inputs);
            assert.equal(chart(after, "istiod-1-29").urn, chart(before, "istiod-1-29").urn);
            // Istio upgrades the base chart (CRDs, cluster-wide resources) before installing a canary istiod.
            const base = chart(after, "istio-base").inputs;
            assert.equal(base.version, CANARY.version);
            assert.equal(base.values.defaultRevision, CURRENT.name, "the current revision still validates unlabelled objects");
            assert.equal(chart(after, "istio-cni").inputs.version, CURRENT.version);
            const gateway = chart(after, "istio-ingressgateway");
            assert.deepEqual([gateway.inputs.version, gateway.inputs.values.revision], [CURRENT.version, CURRENT.name]);
            assert.deepEqual(revisionLabels(after), revisionLabels(before));
            assert.equal((after.outputs.mesh as Record<string, unknown>).revision, CURRENT.name);
            assert.deepEqual((after.outputs.operators as Record<string, unknown>).meshRevisions, [CURRENT, CANARY]);
        });
    });

    describe("step 2: one team on the canary", () => {
        it("relabels only that team's namespace", () => {
            const before = ok(STEPS.installCanary);
            const after = ok(STEPS.moveShop);
            assert.deepEqual(changes(before, after), { added: [], removed: [], changed: ["shop"] });
            const labels = revisionLabels(after);
            assert.equal(labels.shop, CANARY.name);
            assert.equal(labels.data, CURRENT.name);
            assert.equal(labels["istio-ingress"], CURRENT.name);
        });
    });

    describe("step 3: the canary becomes the default", () => {
        const before = () => ok(STEPS.moveShop);
        const after = () => ok(STEPS.switchDefault);

        it("moves the remaining namespaces and the gateway to it, and points the default validation webhook at it", () => {
            const run = after();
            assert.deepEqual(new Set(Object.values(revisionLabels(run))), new Set([CANARY.name]));
            const gateway = chart(run, "istio-ingressgateway");
            assert.deepEqual([gateway.inputs.version, gateway.inputs.values.revision], [CANARY.version, CANARY.name]);
            assert.ok(gateway.dependencies.includes(chart(run, "istiod-1-30").urn), "gateway after the istiod that injects it");
            assert.equal(chart(run, "istio-base").inputs.values.defaultRevision, CANARY.name);
            assert.equal(chart(run, "istio-cni").inputs.version, CANARY.version);
            const exported = run.outputs.mesh as Record<string, unknown>;
            assert.equal(exported.revision, CANARY.name);
            assert.equal((run.outputs.operators as Record<string, unknown>).istiodServiceName, "istiod-1-30");
        });

        it("keeps both control planes unchanged, so moving the default back is a rollback", () => {
            const [b, a] = [before(), after()];
            for (const name of ["istiod-1-29", "istiod-1-30"]) {
                assert.equal(chart(a, name).urn, chart(b, name).urn, name);
                assert.deepEqual(chart(a, name).inputs, chart(b, name).inputs, name);
            }
            assert.deepEqual(changes(b, a).added, []);
            assert.deepEqual(changes(b, a).removed, []);
        });

        it("makes the mesh's Istio objects wait for the new default's istiod", () => {
            const run = after();
            const needs = [chart(run, "istio-base").urn, chart(run, "istiod-1-30").urn];
            const objects = istioObjects(run);
            assert.ok(objects.length >= 3);
            for (const r of objects) for (const urn of needs) assert.ok(r.dependencies.includes(urn), `${r.type} ${r.name} depends on ${urn}`);
        });
    });

    describe("step 4: the old control plane removed", () => {
        it("deletes only the old istiod; the canary's stays as it was", () => {
            const before = ok(STEPS.switchDefault);
            const after = ok(STEPS.removeOld);
            const { added, removed } = changes(before, after);
            assert.deepEqual([added, removed], [[], ["istiod-1-29"]]);
            assert.deepEqual(chart(after, "istiod-1-30").inputs, chart(before, "istiod-1-30").inputs);
            assert.equal(chart(after, "istio-base").inputs.version, CANARY.version);
        });
    });

    describe("guardrails", () => {
        it("every step passes prod's policy pack with exactly the diagnostics of the single control plane", async () => {
            const diagnosticsOf = async (overrides?: StackOverrides) => {
                const run = runStack("prod", overrides);
                assert.equal(run.error, undefined, `program failed: ${run.error}`);
                const resources = run.resources.filter((r) => r.urn).map((r) =>
                    ({ type: r.type, name: r.name, urn: r.urn, props: r.inputs, dependencies: r.dependencies, parent: r.parent }));
                return (await runPolicyPack(resources, "prod")).map((d) => `${d.level} ${d.policy}: ${d.message}`).sort();
            };
            const baseline = await diagnosticsOf();
            assert.ok(!baseline.some((d) => d.startsWith("mandatory")), baseline.join("\n"));
            for (const [step, overrides] of Object.entries(STEPS)) assert.deepEqual(await diagnosticsOf(overrides), baseline, step);
        });
    });

    describe("validation", () => {
        const resolve = (mesh: Record<string, unknown>) => resolvePlatformConfig({
            stack: STACK, values: { mesh: JSON.stringify(mesh) }, secretKeys: new Set(),
        });
        const rejects = (mesh: Record<string, unknown>, expected: RegExp) => assert.throws(() => resolve(mesh), (e: unknown) => {
            assert.ok(e instanceof ConfigError, `expected a ConfigError, got ${e}`);
            assert.match(e.message, expected);
            return true;
        });

        it("refuses a default revision that is not installed, and registers nothing", () => {
            const run = runStack(STACK, { mesh: { revision: CANARY.name } });
            assert.match(run.error ?? "", /platform:mesh\.revision: must be one of the installed revisions \(mesh\.revisions\): 1-29 \(got "1-30"\)/);
            assert.deepEqual(ofType(run, CHART), []);
        });

        it("refuses a team moved to a revision that is not installed", () =>
            rejects({ teamRevisions: { shop: CANARY.name } }, /platform:mesh\.teamRevisions\.shop: must be one of the installed revisions \(mesh\.revisions\): 1-29 \(got "1-30"\)/));

        it("refuses a revision for a team that does not exist", () =>
            rejects({ revisions: [CURRENT, CANARY], teamRevisions: { shpo: CANARY.name } },
                /platform:mesh\.teamRevisions\.shpo: "shpo" is not a tenant team; accepted: shop, data/));

        it("refuses an Istio version not pinned in infra/charts.ts, naming the accepted ones", () =>
            rejects({ revisions: [CURRENT, { name: "1-31", version: "1.31.0" }] },
                /platform:mesh\.revisions\[1\]\.version: must be an Istio release pinned in infra\/charts\.ts \(ISTIO_RELEASES\): 1\.29\.6, 1\.30\.3 \(got "1\.31\.0"\)/));

        it("refuses a third control plane", () =>
            rejects({ revisions: [CURRENT, CANARY, { name: "1-30-b", version: CANARY.version }] },
                /platform:mesh\.revisions: at most 2 control planes: the current one and one canary/));

        it("refuses a revision listed twice", () =>
            rejects({ revisions: [CURRENT, { name: CURRENT.name, version: CANARY.version }] }, /platform:mesh\.revisions\[1\]\.name: revision "1-29" is listed twice/));

        it("refuses an empty list of control planes", () =>
            rejects({ revisions: [] }, /platform:mesh\.revisions: must list at least the default revision's control plane/));

        it("reports a malformed default revision once, by its own rule", () => {
            assert.throws(() => resolve({ revision: "Bad_Rev" }), (e: ConfigError) =>
                e.problems.length === 1 && /platform:mesh\.revision: must be a DNS-1123 label/.test(e.problems[0]));
        });

        it("accepts the canary's intermediate and final states", () => {
            for (const overrides of Object.values(STEPS)) assert.doesNotThrow(() => resolve(overrides.mesh));
        });
    });

    describe("versions", () => {
        it("orders releases numerically and counts minor versions between them", () => {
            assert.ok(compareVersions("1.30.3", "1.29.6") > 0);
            assert.ok(compareVersions("1.9.0", "1.10.0") < 0, "not lexically");
            assert.equal(compareVersions("1.29.6", "1.29.6"), 0);
            assert.equal(minorSkew("1.29.6", "1.30.3"), 1);
            assert.equal(minorSkew("1.31.0", "1.29.6"), 2);
        });

        it("installs the CRDs of the newest installed release", () => {
            assert.equal(crdVersionOf([CANARY, CURRENT]), CANARY.version);
            assert.equal(crdVersionOf([{ name: "a", version: "1.9.0" }, { name: "b", version: "1.10.0" }]), "1.10.0");
        });
    });
});
