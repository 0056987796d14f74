// The plan's report: one object for `--json`, and its text rendering ending in a summary table.
import { shownPath } from "./args";
import { ChartSummary, renderCharts } from "./charts";
import { describeObject } from "./objects";
import { countByLevel, PolicyDiagnostic } from "./policy";
import { SchemaResult } from "./schemas";
import { ServiceMapReport } from "./serviceMap";
import { ComponentTree, renderTree } from "./tree";
import { ChartRender } from "../helm/renderCharts";

/** What `--render` did: the cache, the Helm used, and each chart's outcome. */
export interface RenderReport {
    cache: string;
    helm?: string;
    charts: ChartRender[];
}

export interface ObjectReport {
    apiVersion: string;
    kind: string;
    namespace?: string;
    name: string;
    autoNamed: boolean;
    urn: string;
    /** Relative to outDir. */
    file: string;
    schema: SchemaResult;
}

export interface PlanSummary {
    objects: number;
    schemaValid: number;
    /** Objects that failed their schema. */
    schemaErrors: number;
    unchecked: number;
    policyMandatory: number;
    policyAdvisory: number;
    /** With --render: charts rendered, and charts that could not be. */
    chartsRendered?: number;
    chartsNotRendered?: number;
}

export interface PlanReport {
    stack: string;
    outDir: string;
    policyConfig: string;
    program: { resources: number; millis: number; wallMillis: number; syntheticServices: number; error?: string };
    componentTree: ComponentTree;
    charts: ChartSummary[];
    chartValuesNote: string;
    rendering?: RenderReport;
    objects: ObjectReport[];
    policyDiagnostics: PolicyDiagnostic[];
    /** service-map.svg and .mmd in outDir, and what they show. */
    /** Absent when the program failed (nothing is drawn then). */
    serviceMap?: ServiceMapReport;
    summary: PlanSummary;
    /** 0 compliant; 1 a schema error, a mandatory policy violation or a program error. */
    exitCode: 0 | 1;
    millis: number;
    /** Where the time went: program (child process), manifests, schemas, policies. */
    phaseMillis: Record<string, number>;
}

export function summarize(objects: readonly ObjectReport[], diagnostics: readonly PolicyDiagnostic[], rendering?: RenderReport): PlanSummary {
    const levels = countByLevel(diagnostics);
    return {
        ...(rendering ? {
            chartsRendered: rendering.charts.filter((c) => c.rendered).length,
            chartsNotRendered: rendering.charts.filter((c) => !c.rendered).length,
        } : {}),
        objects: objects.length,
        schemaValid: objects.filter((o) => o.schema.status === "valid").length,
        schemaErrors: objects.filter((o) => o.schema.status === "invalid").length,
        unchecked: objects.filter((o) => o.schema.status === "unchecked").length,
        policyMandatory: levels.mandatory,
        policyAdvisory: levels.advisory,
    };
}

export function exitCodeFor(summary: PlanSummary, programError?: string): 0 | 1 {
    return programError !== undefined || summary.schemaErrors > 0 || summary.policyMandatory > 0 ||
        (summary.chartsNotRendered ?? 0) > 0 ? 1 : 0;
}

export function summaryTable(s: PlanSummary): string[] {
    const rows: [string, number][] = [
        ["Kubernetes objects", s.objects],
        ["schema valid", s.schemaValid],
        ["schema errors", s.schemaErrors],
        ["unchecked (no schema package)", s.unchecked],
        ["policy violations: mandatory", s.policyMandatory],
        ["policy violations: advisory", s.policyAdvisory],
        ...(s.chartsRendered !== undefined ? [["charts rendered", s.chartsRendered] as [string, number]] : []),
        ...(s.chartsNotRendered ? [["charts NOT rendered", s.chartsNotRendered] as [string, number]] : []),
    ];
    const width = Math.max(...rows.map(([k]) => k.length));
    const numbers = Math.max(...rows.map(([, v]) => String(v).length));
    const rule = `  ${"-".repeat(width)}  ${"-".repeat(numbers)}`;
    return [rule, ...rows.map(([k, v]) => `  ${k.padEnd(width)}  ${String(v).padStart(numbers)}`), rule];
}

function policyLine(d: PolicyDiagnostic): string {
    const where = d.urn ? ` (${d.urn.split("::").slice(-2).join(" ")})` : "";
    return `  [${d.level}] ${d.policy}: ${d.message}${where}`;
}

export function renderText(r: PlanReport): string {
    const out: string[] = [];
    const synthetic = r.program.syntheticServices > 0 ? `, ${r.program.syntheticServices} synthetic services` : "";
    out.push(`plan: stack ${r.stack} (program under mocks: ${r.program.resources} resources${synthetic}, ${r.program.millis} ms)`);
    if (r.program.error) {
        // Nothing was validated or checked: no section that could read as a pass.
        out.push("", "The program failed:", ...r.program.error.split("\n").map((l) => `  ${l}`), "",
            `Nothing was validated or checked against the policy pack; ${shownPath(r.outDir)} was left as it was.`,
            `Result: FAIL (the program failed) (${r.millis} ms)`);
        return out.join("\n");
    }
    out.push("", "Component tree (custom resources per component)", ...renderTree(r.componentTree));
    out.push("", `Helm charts (${r.charts.length})`, `  ${r.chartValuesNote}`, ...renderCharts(r.charts));

    out.push("", ...renderingLines(r));
    out.push("", `Kubernetes objects: ${r.objects.length}, written to ${shownPath(r.outDir)} (one YAML file per object, by namespace)`);
    const invalid = r.objects.filter((o) => o.schema.status === "invalid");
    const unchecked = r.objects.filter((o) => o.schema.status === "unchecked");
    out.push("", `Schema validation (a custom resource against its CRD in the plan, else kubernetes-models, @kubernetes-models/{istio,prometheus-operator,argo-cd,external-secrets})`);
    if (invalid.length === 0) out.push("  no schema errors");
    for (const o of invalid) {
        if (o.schema.status !== "invalid") continue;
        out.push(`  INVALID ${describeObject(o)}  [${o.file}]`, ...o.schema.errors.map((e) => `      ${e}`));
    }
    for (const o of unchecked) {
        if (o.schema.status === "unchecked") out.push(`  unchecked ${describeObject(o)}: ${o.schema.reason}`);
    }

    out.push("", `Policy pack (${shownPath(r.policyConfig)})`);
    if (r.policyDiagnostics.length === 0) out.push("  no violations");
    const ordered = [...r.policyDiagnostics].sort((a, b) => (a.level === b.level ? 0 : a.level === "mandatory" ? -1 : 1));
    out.push(...ordered.map(policyLine));

    const m = r.serviceMap;
    if (m) out.push("", `Service map: ${m.services} services, ${m.edges} caller edges, ${m.routes} public routes: ${m.files.join(", ")}`);

    out.push("", "Summary", ...summaryTable(r.summary));
    out.push(r.exitCode === 0
        ? `Result: PASS (${r.millis} ms)`
        : `Result: FAIL (${[
            r.program.error ? "the program failed" : "",
            r.summary.schemaErrors > 0 ? `${r.summary.schemaErrors} object(s) fail their schema` : "",
            r.summary.policyMandatory > 0 ? `${r.summary.policyMandatory} mandatory policy violation(s)` : "",
            r.summary.chartsNotRendered ? `${r.summary.chartsNotRendered} chart(s) not rendered` : "",
        ].filter(Boolean).join("; ")}) (${r.millis} ms)`);
    return out.join("\n");
}

/** One line per rendered chart; the charts that could not be rendered, with why, on one line. */
export function renderingLines(r: Pick<PlanReport, "rendering" | "charts">): string[] {
    if (!r.rendering) {
        return [`Chart objects: not rendered (${r.charts.length} charts; add --render to render them with Helm and judge their objects)`];
    }
    const rendered = r.rendering.charts.filter((c) => c.rendered);
    const lines = [`Chart rendering (cache ${r.rendering.cache}${r.rendering.helm ? `, helm ${r.rendering.helm}` : ""})`];
    for (const c of rendered) {
        const hooks = c.droppedHooks > 0 ? `, ${c.droppedHooks} hook object(s) dropped as the v4 Chart does` : "";
        lines.push(`  ${c.name}: ${c.chart} ${c.version}: ${c.objects} objects${hooks} (${c.millis} ms)`);
    }
    const missing = r.rendering.charts.filter((c) => !c.rendered);
    const byReason = new Map<string, string[]>();
    for (const c of missing) byReason.set(c.reason ?? "", [...(byReason.get(c.reason ?? "") ?? []), c.name]);
    if (missing.length > 0) {
        lines.push(`  NOT rendered: ${[...byReason].map(([reason, names]) => `${names.join(", ")}: ${reason}`).join("; ")}`);
    }
    return lines;
}
