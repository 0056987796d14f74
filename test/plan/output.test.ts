// The pieces of the plan's output: manifest files, chart values, the summary's exit code.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { flattenValues } from "../../scripts/plan/charts";
import { writeManifests } from "../../scripts/plan/manifests";
import { KubernetesObject, redact } from "../../scripts/plan/objects";
import { exitCodeFor, PlanSummary } from "../../scripts/plan/report";
import { wrapSecret } from "../../scripts/mock-run/wire";
import { tempDir } from "./fixtures";

const object = (kind: string, name: string, namespace?: string): KubernetesObject => {
    const manifest = { apiVersion: "v1", kind, metadata: { name, namespace } };
    return { urn: `urn:${kind}:${name}`, resourceName: name, apiVersion: "v1", kind, namespace, name, autoNamed: false, manifest, redacted: manifest };
};

describe("plan output", () => {
    it("writes one file per object by namespace, and removes the files of objects gone since the last run", () => {
        const out = tempDir();
        fs.writeFileSync(path.join(out, "keep.txt"), "not the plan's");
        const first = writeManifests(out, [object("ConfigMap", "a", "shop"), object("Namespace", "shop")]);
        assert.deepEqual(first, [path.join("shop", "configmap-a.yaml"), path.join("_cluster", "namespace-shop.yaml")]);
        writeManifests(out, [object("Namespace", "shop")]);
        assert.equal(fs.existsSync(path.join(out, "shop", "configmap-a.yaml")), false);
        assert.equal(fs.existsSync(path.join(out, "_cluster", "namespace-shop.yaml")), true);
        assert.equal(fs.existsSync(path.join(out, "keep.txt")), true, "files the plan did not write are left alone");
    });

    it("masks secret values but keeps their keys", () => {
        const wire = { stringData: wrapSecret({ API_KEY: "hunter2", PORT: 1 }) };
        assert.deepEqual(redact(wire), { stringData: { API_KEY: "[secret]", PORT: "[secret]" } });
    });

    it("flattens chart values to dotted keys, arrays by index, empty containers kept", () => {
        assert.deepEqual(flattenValues({ a: { b: [{ c: 1 }, "x"], "d.e": true, empty: {}, none: [] }, top: null }), {
            "a.b[0].c": 1, "a.b[1]": "x", 'a."d.e"': true, "a.empty": {}, "a.none": [], top: null,
        });
    });

    it("fails on a schema error or a mandatory violation, not on advisories or unchecked objects", () => {
        const clean: PlanSummary = { objects: 3, schemaValid: 2, schemaErrors: 0, unchecked: 1, policyMandatory: 0, policyAdvisory: 5 };
        assert.equal(exitCodeFor(clean), 0);
        assert.equal(exitCodeFor({ ...clean, schemaErrors: 1 }), 1);
        assert.equal(exitCodeFor({ ...clean, policyMandatory: 1 }), 1);
        assert.equal(exitCodeFor(clean, "the program failed"), 1);
    });
});
