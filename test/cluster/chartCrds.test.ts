// The CRD stand-in for chart archives without their CRDs: it stands in only for an archive that
// lacks them, and is inert once the archive carries its own.
import { strict as assert } from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { chartCrdStandIns } from "../../scripts/cluster/standIns/chartCrds";

/** A chart archive named as `helm pull` names external-secrets 2.9.0, holding `files`. */
function archive(dir: string, files: Record<string, string>): void {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "chart-"));
    for (const [file, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(root, "external-secrets", file)), { recursive: true });
        fs.writeFileSync(path.join(root, "external-secrets", file), text);
    }
    execFileSync("tar", ["-czf", path.join(dir, "external-secrets-2.9.0.tgz"), "-C", root, "external-secrets"]);
    fs.rmSync(root, { recursive: true });
}

describe("chart CRD stand-in", () => {
    let charts: string;
    beforeEach(() => { charts = fs.mkdtempSync(path.join(os.tmpdir(), "charts-")); });
    afterEach(() => fs.rmSync(charts, { recursive: true }));

    it("is inert for an archive that carries its CRDs under templates/crds", () => {
        archive(charts, { "Chart.yaml": "name: external-secrets\n", "templates/crds/externalsecret.yaml": "kind: CustomResourceDefinition\n" });
        assert.deepEqual(chartCrdStandIns(charts), { crds: [], lines: [] });
    });

    it("is inert when the chart cache has no such archive", () => {
        assert.deepEqual(chartCrdStandIns(charts), { crds: [], lines: [] });
    });

    it("names itself, the archive and what it leaves unproven when the archive has none", function () {
        archive(charts, { "Chart.yaml": "name: external-secrets\n", "templates/deployment.yaml": "kind: Deployment\n" });
        let result;
        try {
            result = chartCrdStandIns(charts);
        } catch (e) {
            // A machine whose toolchain is not built yet: the error says how to get the CRDs.
            assert.match((e as Error).message, /external-secrets-2\.9\.0\.tgz has no CRDs .* run scripts\/toolchain\/build-cluster\.sh/);
            return;
        }
        assert.equal(result.lines.length, 1);
        assert.match(result.lines[0], /^STAND-IN: external-secrets-2\.9\.0\.tgz carries no CRDs; \d+ CRDs of github\.com\/external-secrets\/external-secrets@v\S+ applied first\. Unproven: /);
        const kinds = result.crds.map((c) => `${c.spec.group}/${c.spec.names.kind}`);
        for (const kind of ["external-secrets.io/ExternalSecret", "external-secrets.io/ClusterSecretStore"]) assert.ok(kinds.includes(kind), kinds.join(", "));
    });
});
