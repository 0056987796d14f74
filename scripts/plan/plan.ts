// One plan: run the program, summarise it, write and validate its objects, run the policy pack.
import * as fs from "fs";
import { RecordedResource, StackOverrides } from "../../test/harness";
import { PolicyPackConfigFile, resolveConfig } from "../../test/policy/harness";
import { PlanArgs, UsageError } from "./args";
import { chartSummaries, VALUES_NOTE } from "./charts";
import { writeManifests } from "./manifests";
import { kubernetesObjects } from "./objects";
import { runPolicies } from "./policy";
import { runProgram } from "./program";
import { exitCodeFor, ObjectReport, PlanReport, summarize } from "./report";
import { SchemaValidator } from "./schemas";
import { writeServiceMap } from "./serviceMap";
import { componentTree } from "./tree";

export interface PlanInjections {
    /** Test only: resources added to the program's, e.g. an object that must fail its schema. */
    extraResources?: RecordedResource[];
    /** Test only: stack config on top of Pulumi.<stack>.yaml, as the harness's runStack takes it. */
    overrides?: StackOverrides;
}

/** The policy config is read and checked as the CLI would, before the program runs. */
function checkPolicyConfig(file: string): void {
    let parsed: PolicyPackConfigFile;
    try {
        parsed = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (e) {
        throw new UsageError(`policy config ${file} is not valid JSON: ${(e as Error).message}`);
    }
    try {
        resolveConfig(parsed);
    } catch (e) {
        throw new UsageError(`policy config ${file}: ${(e as Error).message}`);
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
    const resources = [...result.resources, ...(injections.extraResources ?? [])];
    phaseDone("program");

    const objects = kubernetesObjects(resources);
    const files = writeManifests(args.outDir, objects);
    phaseDone("manifests");
    const validator = new SchemaValidator();
    const schemaResults = await Promise.all(objects.map((o) => validator.validate(o)));
    phaseDone("schemas");
    const objectReports: ObjectReport[] = objects.map((o, i) => ({
        apiVersion: o.apiVersion, kind: o.kind, namespace: o.namespace, name: o.name, autoNamed: o.autoNamed, urn: o.urn,
        file: files[i], schema: schemaResults[i],
    }));
    // A failed program registered only part of its resources: policies over them would mislead.
    const policyDiagnostics = result.error === undefined ? await runPolicies(resources, args.policyConfig) : [];
    phaseDone("policies");
    const serviceMap = await writeServiceMap(args.outDir, resources);
    phaseDone("serviceMap");

    const summary = summarize(objectReports, policyDiagnostics);
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
        chartValuesNote: VALUES_NOTE,
        objects: objectReports,
        policyDiagnostics,
        serviceMap: serviceMap.report,
        summary,
        exitCode: exitCodeFor(summary, result.error),
        millis: Date.now() - started,
        phaseMillis: phases,
    };
}
