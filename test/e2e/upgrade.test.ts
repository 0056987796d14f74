// The upgrade step's inputs: the commit it starts from is one this checkout descends from, and a
// resource's type is read from its URN as the engine writes them (nested parents included).
import { strict as assert } from "assert";
import { spawnSync } from "child_process";
import * as path from "path";
import { judgeUpgrade, STATEFUL_TYPES, typeOfUrn, UPGRADE_FROM } from "../../scripts/e2e/upgrade";

const REPO = path.resolve(__dirname, "../..");

describe("e2e upgrade", () => {
    it("starts from a full commit hash that HEAD descends from", function () {
        assert.match(UPGRADE_FROM, /^[0-9a-f]{40}$/);
        const ancestor = spawnSync("git", ["merge-base", "--is-ancestor", UPGRADE_FROM, "HEAD"], { cwd: REPO });
        if (ancestor.status === 128 && /not a git repository/.test(String(ancestor.stderr))) this.skip();
        assert.equal(ancestor.status, 0, `${UPGRADE_FROM} is not an ancestor of HEAD: ${ancestor.stderr}`);
    });

    it("reads the type of a top-level, a nested and a chart-rendered resource from its URN", () => {
        assert.equal(typeOfUrn("urn:pulumi:dev::platform::pulumi:pulumi:Stack::platform-dev"), "pulumi:pulumi:Stack");
        assert.equal(typeOfUrn("urn:pulumi:dev::platform::platform:logging:Logging$kubernetes:elasticsearch.k8s.elastic.co/v1:Elasticsearch::elasticsearch"),
            "kubernetes:elasticsearch.k8s.elastic.co/v1:Elasticsearch");
        assert.equal(typeOfUrn("urn:pulumi:prod::platform::platform:monitoring:Monitoring$kubernetes:helm.sh/v4:Chart$kubernetes:monitoring.coreos.com/v1:Prometheus::kube-prometheus-stack:monitoring/kps-prometheus"),
            "kubernetes:monitoring.coreos.com/v1:Prometheus");
    });

    it("names, for each stateful type, the data its loss would take", () => {
        for (const [type, data] of Object.entries(STATEFUL_TYPES)) {
            assert.match(type, /^kubernetes:[a-z0-9.]*\/?v[0-9a-z]+:[A-Z][A-Za-z]+$/, type);
            assert.ok(data.length > 0, type);
        }
    });

    it("counts a replaced Elasticsearch or a deleted namespace against the upgrade, not a replaced Job or an update", () => {
        const urn = (type: string, name: string) => `urn:pulumi:dev::platform::platform:logging:Logging$${type}::${name}`;
        const es = { op: "replace", urn: urn("kubernetes:elasticsearch.k8s.elastic.co/v1:Elasticsearch", "elasticsearch") };
        const ns = { op: "delete", urn: urn("kubernetes:core/v1:Namespace", "logging") };
        const job = { op: "replace", urn: urn("kubernetes:batch/v1:Job", "retention") };
        const update = { op: "update", urn: urn("kubernetes:monitoring.coreos.com/v1:Prometheus", "prometheus") };
        const judged = judgeUpgrade({ steps: [es, ns, job, update], changeSummary: { same: 400, update: 1, replace: 2, delete: 1 } });
        assert.deepEqual(judged.stateful, [es, ns]);
        assert.deepEqual(judged.destructive, [es, ns, job]);
        assert.deepEqual(Object.fromEntries(judged.counts), { same: 400, update: 1, replace: 2, delete: 1 });
    });
});
