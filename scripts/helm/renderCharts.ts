// Renders every v4 Chart a program run registered, from a chart cache, and returns the objects the
// engine would register under each Chart. Charts render in parallel; one that cannot be rendered
// (no archive, values unknown until deploy, a Helm error) is reported with its reason.
import * as pulumi from "@pulumi/pulumi";
import * as os from "os";
import { RecordedResource } from "../mock-run";
import { ChartCache, findArchive } from "./chartCache";
import { chartChildren, crdScopes, Manifest, manifestObjects } from "./chartChildren";
import { helmTemplate, TemplateRequest } from "./helmTemplate";
import { unwrapSecrets } from "../mock-run/wire";
import { inParallel } from "../inParallel";

export const CHART_TYPE = "kubernetes:helm.sh/v4:Chart";

export interface ChartRender {
    /** The Chart's resource name. */
    name: string;
    urn: string;
    chart: string;
    version?: string;
    rendered: boolean;
    /** Why it was not rendered. */
    reason?: string;
    objects: number;
    /** Hook objects Helm rendered that the v4 Chart drops. */
    droppedHooks: number;
    millis: number;
}

export interface RenderResult {
    charts: ChartRender[];
    /** Every rendered object as a registered resource, parented to its Chart. */
    children: RecordedResource[];
}

const containsUnknown = (value: unknown): boolean => {
    if (value === pulumi.runtime.unknownValue) return true;
    if (Array.isArray(value)) return value.some(containsUnknown);
    return !!value && typeof value === "object" && Object.values(value).some(containsUnknown);
};

interface Rendered {
    chart: RecordedResource;
    summary: ChartRender;
    objects: Manifest[];
}

/** The `helm template` run the v4 Chart makes for a registered Chart, given its archive. */
export function templateRequest(chart: RecordedResource, archive: string): TemplateRequest {
    const inputs = unwrapSecrets(chart.inputs);
    return {
        archive,
        releaseName: inputs.name ?? chart.name,
        namespace: inputs.namespace,
        values: inputs.values ?? {},
        skipCrds: inputs.skipCrds === true,
    };
}

async function renderOne(chart: RecordedResource, cache: ChartCache): Promise<Rendered> {
    const started = Date.now();
    const inputs = unwrapSecrets(chart.inputs);
    const summary: ChartRender = {
        name: chart.name, urn: chart.urn, chart: String(inputs.chart), version: inputs.version,
        rendered: false, objects: 0, droppedHooks: 0, millis: 0,
    };
    const done = (objects: Manifest[] = []): Rendered => ({ chart, summary: { ...summary, millis: Date.now() - started }, objects });
    if (containsUnknown(chart.serializedInputs.values) || containsUnknown(inputs.namespace)) {
        summary.reason = "its values are unknown until deploy, so the v4 Chart renders nothing during preview";
        return done();
    }
    const archive = findArchive(cache, summary.chart, summary.version);
    if ("missing" in archive) {
        summary.reason = archive.missing;
        return done();
    }
    try {
        const yamlText = await helmTemplate(templateRequest(chart, archive.file));
        const { objects, hooks } = manifestObjects(yamlText);
        Object.assign(summary, { rendered: true, objects: objects.length, droppedHooks: hooks.length });
        return done(objects);
    } catch (e) {
        summary.reason = `helm template failed: ${(e as Error).message}`;
        return done();
    }
}

export async function renderCharts(resources: readonly RecordedResource[], cache: ChartCache): Promise<RenderResult> {
    const charts = resources.filter((r) => r.type === CHART_TYPE);
    const rendered = await inParallel(charts, Math.max(2, os.availableParallelism()), (c) => renderOne(c, cache));
    // A namespaced custom kind is known by its CRD, whichever chart (or the program) declares it.
    const programCrds = resources.filter((r) => r.type.endsWith(":CustomResourceDefinition")).map((r) => r.inputs as Manifest);
    const scopes = crdScopes([...programCrds, ...rendered.flatMap((r) => r.objects)]);
    const children = rendered.flatMap((r) => chartChildren(r.objects, {
        chart: r.chart,
        namespace: unwrapSecrets(r.chart.inputs.namespace),
        prefix: unwrapSecrets(r.chart.inputs.resourcePrefix) ?? r.chart.name,
        scopes,
    }));
    return { charts: rendered.map((r) => r.summary), children };
}
