// The rendering rules, on the project's own small chart (test/charts/fixtures/render-rules), so they
// are checked on every machine, with or without a chart cache: what the v4 Chart registers for a
// chart, as pulumi-kubernetes's helm/v4 and yaml/v2 code does it.
import { strict as assert } from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { helmBinary } from "../../scripts/helm/helmBinary";
import { renderCharts, RenderResult } from "../../scripts/helm/renderCharts";
import { RecordedResource } from "../harness";

const CHART_URN = "urn:pulumi:dev::platform::platform:demo:Demo$kubernetes:helm.sh/v4:Chart::demo";

function chartResource(inputs: Record<string, unknown>): RecordedResource {
    return {
        type: "kubernetes:helm.sh/v4:Chart", name: "demo", urn: CHART_URN, parent: "urn:pulumi:dev::platform::platform:demo:Demo::demo",
        custom: false, dependencies: [], protect: false, retainOnDelete: false, provider: "urn:provider::k8s::id", aliases: 0,
        inputs: { chart: "render-rules", version: "0.1.0", ...inputs }, serializedInputs: { chart: "render-rules", version: "0.1.0", ...inputs },
    };
}

describe("chart rendering follows the v4 Chart", () => {
    let cacheDir: string;
    const render = (inputs: Record<string, unknown>): Promise<RenderResult> =>
        renderCharts([chartResource(inputs)], { dir: cacheDir, origin: "flag" });
    const names = (r: RenderResult) => r.children.map((c) => c.name).sort();
    const child = (r: RenderResult, name: string) => {
        const found = r.children.find((c) => c.name === name);
        assert.ok(found, `${name} among ${names(r).join(", ")}`);
        return found;
    };

    before(() => {
        cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), "render-rules-"));
        execFileSync(helmBinary().path, ["package", path.join(__dirname, "fixtures", "render-rules"), "--destination", cacheDir]);
    });
    after(() => fs.rmSync(cacheDir, { recursive: true, force: true }));

    it("passes values of every size, a whole multiple of 4096 bytes too (Helm 4.1.4 ignores such a stdin)", async () => {
        for (const size of [4096, 8192, 4097]) {
            const values = { greeting: "sized", padding: "" };
            values.padding = "x".repeat(size - Buffer.byteLength(JSON.stringify(values)));
            assert.equal(Buffer.byteLength(JSON.stringify(values)), size);
            const r = await render({ namespace: "apps", values });
            assert.equal(child(r, "demo:apps/demo-settings").inputs.data.greeting, "sized", `${size} bytes of values`);
        }
    });

    it("names each object <chart resource name>:<namespace>/<name>, or <chart>:<name> when cluster-scoped", async () => {
        const r = await render({ namespace: "apps", values: { greeting: "hi" } });
        assert.deepEqual(names(r), [
            "demo:apps/demo-settings", "demo:apps/demo-token", "demo:apps/first", "demo:apps/gadget", "demo:apps/second",
            "demo:demo-reader", "demo:other/pinned-elsewhere", "demo:widgets.example.test",
        ]);
    });

    it("gives namespaced objects without a namespace the Chart's, a custom kind by its CRD's scope", async () => {
        const r = await render({ namespace: "apps" });
        assert.equal(child(r, "demo:apps/demo-settings").inputs.metadata.namespace, "apps");
        assert.equal(child(r, "demo:other/pinned-elsewhere").inputs.metadata.namespace, "other", "an explicit namespace stays");
        assert.equal(child(r, "demo:demo-reader").inputs.metadata.namespace, undefined, "ClusterRole is cluster-scoped");
        assert.equal(child(r, "demo:apps/gadget").inputs.metadata.namespace, "apps", "Widget is Namespaced by its CRD");
    });

    it("uses the release name input for templates, and the resource name for children", async () => {
        const r = await render({ namespace: "apps", name: "custom" });
        assert.equal(child(r, "demo:apps/custom-settings").inputs.data.greeting, "hello", "chart default value");
        assert.ok(child(r, "demo:custom-reader"));
    });

    it("includes CRDs unless skipCrds; without its CRD a custom kind's scope is unknown and it keeps no namespace", async () => {
        const withCrds = await render({ namespace: "apps" });
        assert.equal(child(withCrds, "demo:widgets.example.test").type, "kubernetes:apiextensions.k8s.io/v1:CustomResourceDefinition");
        const without = await render({ namespace: "apps", skipCrds: true });
        assert.ok(!names(without).includes("demo:widgets.example.test"));
        assert.equal(child(without, "demo:gadget").inputs.metadata.namespace, undefined);
    });

    it("drops hook objects (a pre-install Job, a test Pod) and expands Lists", async () => {
        const r = await render({ namespace: "apps" });
        assert.equal(r.charts[0].droppedHooks, 2);
        assert.ok(!r.children.some((c) => /demo-(migrate|test)$/.test(c.name)));
        assert.equal(child(r, "demo:apps/first").type, "kubernetes:core/v1:ServiceAccount");
        assert.ok(!r.children.some((c) => c.type.endsWith(":List")));
    });

    it("parents every object to the Chart, with the URN the engine gives a child, and its provider", async () => {
        const r = await render({ namespace: "apps" });
        const cm = child(r, "demo:apps/demo-settings");
        assert.equal(cm.parent, CHART_URN);
        assert.equal(cm.provider, "urn:provider::k8s::id");
        assert.equal(cm.urn,
            "urn:pulumi:dev::platform::platform:demo:Demo$kubernetes:helm.sh/v4:Chart$kubernetes:core/v1:ConfigMap::demo:apps/demo-settings");
        assert.deepEqual(child(r, "demo:apps/gadget").dependencies, [child(r, "demo:widgets.example.test").urn], "a CR waits for its CRD");
    });

    it("marks a Secret's data and stringData secret, as the v4 Chart does", async () => {
        const r = await render({ namespace: "apps" });
        const wire = child(r, "demo:apps/demo-token").serializedInputs.stringData;
        assert.equal(wire[pulumi.runtime.specialSigKey], pulumi.runtime.specialSecretSig);
        assert.deepEqual(wire.value, { token: "not-a-real-token" });
    });

    it("passes the Chart's values, and reports a chart it cannot find or whose values are unknown", async () => {
        const r = await render({ namespace: "apps", values: { greeting: "hi" } });
        assert.equal(child(r, "demo:apps/demo-settings").inputs.data.greeting, "hi");
        const missing = await renderCharts([chartResource({ version: "9.9.9" })], { dir: cacheDir, origin: "flag" });
        assert.equal(missing.charts[0].rendered, false);
        assert.match(missing.charts[0].reason ?? "", /render-rules-9\.9\.9\.tgz is not in/);
        const unknown = chartResource({ namespace: "apps" });
        unknown.serializedInputs.values = { greeting: pulumi.runtime.unknownValue };
        const preview = await renderCharts([unknown], { dir: cacheDir, origin: "flag" });
        assert.equal(preview.charts[0].rendered, false);
        assert.match(preview.charts[0].reason ?? "", /unknown until deploy/);
    });
});
