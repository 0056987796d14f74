// The plan of a stack: what it prints and writes, and when it fails.
import { strict as assert } from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { MASK } from "../../scripts/plan/objects";
import { runPlan } from "../../scripts/plan/plan";
import { PlanReport, renderText } from "../../scripts/plan/report";
import { mandatoryPodSecurityConfig, planArgs, PRIVILEGED, ROOT, STRING_REPLICAS, tempDir } from "./fixtures";

function planCli(args: string[]) {
    return spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/plan/index.ts"), ...args], {
        cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024,
    });
}

describe("plan", () => {
    describe("dev, from the command line", () => {
        const out = tempDir();
        let report: PlanReport;
        let status: number | null;

        before(() => {
            const run = planCli(["--stack", "dev", "--out", out, "--json"]);
            status = run.status;
            report = JSON.parse(run.stdout);
        });

        it("passes: no schema error, no mandatory violation, exit code 0", () => {
            assert.equal(status, 0);
            assert.equal(report.exitCode, 0);
            assert.equal(report.program.error, undefined);
            assert.equal(report.summary.schemaErrors, 0);
            assert.equal(report.summary.policyMandatory, 0);
            assert.ok(report.summary.objects > 40, `${report.summary.objects} objects`);
            assert.equal(report.summary.schemaValid + report.summary.unchecked, report.summary.objects);
        });

        it("shows the component tree with resource counts that add up", () => {
            const names = report.componentTree.roots.map((n) => n.type);
            assert.ok(names.includes("platform:tenancy:Tenancy") && names.includes("platform:shop:Shop"), names.join(", "));
            const sum = report.componentTree.roots.reduce((s, n) => s + n.totalResources, 0) + report.componentTree.topLevelResources.length;
            assert.equal(sum, report.componentTree.totalResources);
            const shop = report.componentTree.roots.find((n) => n.type === "platform:shop:Shop")!;
            assert.ok(shop.children.filter((c) => c.type === "platform:workloads:Microservice").length >= 4);
        });

        it("lists each chart pinned, with the values the platform sets as dotted keys", () => {
            assert.ok(report.charts.length >= 2);
            for (const chart of report.charts) {
                assert.match(chart.version ?? "", /^\d+\.\d+\.\d+$/, `${chart.name} pinned`);
                assert.match(chart.repo ?? "", /^(https|oci):\/\//, `${chart.name} repo`);
                assert.ok(Object.keys(chart.values).length > 0, `${chart.name} has values`);
                for (const key of Object.keys(chart.values)) assert.doesNotMatch(key, /^\.|\.$/);
            }
            for (const chart of report.charts) {
                const secret = Object.entries(chart.values).filter(([, v]) => v === MASK).map(([k]) => k);
                assert.deepEqual(secret, [], `${chart.name}: secrets reach charts through Secrets they reference, never as values`);
            }
            assert.match(report.chartValuesNote, /overrides of the chart's defaults/);
        });

        it("writes every object as YAML, one file each, with secrets masked", () => {
            for (const o of report.objects) {
                const doc = parse(fs.readFileSync(path.join(out, o.file), "utf8"));
                assert.equal(doc.apiVersion, o.apiVersion);
                assert.equal(doc.kind, o.kind);
                assert.equal(doc.metadata?.name, o.autoNamed ? undefined : o.name);
                if (o.kind === "Secret") {
                    for (const field of ["data", "stringData"]) {
                        for (const [k, v] of Object.entries(doc[field] ?? {})) assert.equal(v, MASK, `${o.name}.${field}.${k}`);
                    }
                }
            }
            const dirs = fs.readdirSync(out);
            assert.ok(dirs.includes("shop") && dirs.includes("_cluster"), dirs.join(", "));
            assert.ok(fs.existsSync(path.join(out, "shop", "deployment-frontend.yaml")));
        });
    });

    describe("injected objects", () => {
        it("fails with exit code 1 on an object that breaks its schema, naming the field", async () => {
            const report = await runPlan(planArgs("dev"), { extraResources: [STRING_REPLICAS] });
            assert.equal(report.exitCode, 1);
            assert.equal(report.summary.schemaErrors, 1);
            const bad = report.objects.find((o) => o.name === "string-replicas")!;
            assert.equal(bad.schema.status, "invalid");
            assert.ok(bad.schema.status === "invalid" && bad.schema.errors.some((e) => /^\/spec\/replicas: must be integer/.test(e)));
            assert.match(renderText(report), /INVALID Deployment shop\/string-replicas[\s\S]*Result: FAIL \(1 object\(s\) fail their schema\)/);
        });

        it("fails with exit code 1 on a mandatory policy violation", async () => {
            const report = await runPlan(planArgs("dev", { policyConfig: mandatoryPodSecurityConfig("dev") }), { extraResources: [PRIVILEGED] });
            assert.equal(report.summary.schemaErrors, 0, "the object is schema-valid");
            const mandatory = report.policyDiagnostics.filter((d) => d.level === "mandatory" && d.policy === "pod-security-standards");
            assert.ok(mandatory.some((d) => /privileged/.test(d.message)), JSON.stringify(report.policyDiagnostics, null, 1));
            assert.equal(report.exitCode, 1);
        });

        it("reports but passes an advisory violation (dev's pod security level is advisory)", async () => {
            const report = await runPlan(planArgs("dev"), { extraResources: [PRIVILEGED] });
            assert.ok(report.summary.policyAdvisory > 0);
            assert.equal(report.summary.policyMandatory, 0);
            assert.equal(report.exitCode, 0);
        });
    });

    it("fails with exit code 1 when the program fails, with its error and nothing else to check", async () => {
        const report = await runPlan(planArgs("dev"), { overrides: { workloads: { replicas: 0 } } });
        assert.equal(report.exitCode, 1);
        assert.match(report.program.error ?? "", /platform:workloads\.replicas: must be at least 1/);
        assert.equal(report.objects.length, 0);
        assert.deepEqual(report.policyDiagnostics, []);
        assert.match(renderText(report), /The program failed:\n {2}Invalid stack configuration:[\s\S]*Result: FAIL \(the program failed\)/);
    });

    describe("text output", () => {
        it("says what the chart values are, lists violations and ends with the summary table", async () => {
            const text = renderText(await runPlan(planArgs("dev")));
            assert.match(text, /^plan: stack dev \(program under mocks: \d+ resources, \d+ ms\)/);
            assert.match(text, /the upstream values\.yaml is not fetched offline/);
            assert.match(text, /Summary\n\s+-+\s+-+\n\s+Kubernetes objects\s+\d+\n\s+schema valid\s+\d+\n\s+schema errors\s+0\n/);
            assert.match(text, /policy violations: mandatory\s+0\n\s+policy violations: advisory\s+\d+\n/);
            assert.match(text, /\nResult: PASS \(\d+ ms\)$/);
        });
    });
});
