// Each Helm chart the program installs: source, version and the values the platform sets.
// The charts' upstream values.yaml cannot be fetched offline, so "values that differ from the
// chart's defaults" is the set of values the platform passes (component defaults with the stack's
// platform:chartValues merged on top): each one is an override of the chart's default; values
// left unset keep the chart's defaults. A value the platform sets equal to upstream is still listed.
import { RecordedResource } from "../mock-run";
import { redact } from "./objects";

import * as path from "path";
import { isArchivePath } from "../helm/chartCache";
import { CHART_TYPE } from "../helm/renderCharts";

export const VALUES_NOTE =
    "values: every value the platform sets for the chart (component defaults + platform:chartValues), " +
    "flattened to dotted keys. All are overrides of the chart's defaults; the upstream values.yaml is not " +
    "fetched offline, so a value set equal to its upstream default is listed too. Secrets are masked.";

export interface ChartSummary {
    name: string;
    urn: string;
    chart: string;
    version?: string;
    repo?: string;
    namespace?: string;
    values: Record<string, unknown>;
}

/** {a: {b: [ {c: 1} ]}} -> {"a.b[0].c": 1}; empty objects and arrays are kept as leaves. */
export function flattenValues(value: unknown, prefix = "", out: Record<string, unknown> = {}): Record<string, unknown> {
    if (Array.isArray(value) && value.length > 0) {
        value.forEach((v, i) => flattenValues(v, `${prefix}[${i}]`, out));
    } else if (value && typeof value === "object" && !Array.isArray(value) && Object.keys(value).length > 0) {
        for (const [k, v] of Object.entries(value)) {
            const key = /^[A-Za-z0-9_-]+$/.test(k) ? k : JSON.stringify(k);
            flattenValues(v, prefix ? `${prefix}.${key}` : key, out);
        }
    } else {
        out[prefix] = value;
    }
    return out;
}

export function chartSummaries(resources: readonly RecordedResource[]): ChartSummary[] {
    return resources.filter((r) => r.type === CHART_TYPE).map((r) => {
        const inputs = redact(r.serializedInputs) as Record<string, any>;
        return {
            name: r.name,
            urn: r.urn,
            chart: inputs.chart,
            version: inputs.version,
            repo: inputs.repositoryOpts?.repo ?? (isArchivePath(String(inputs.chart)) ? `the directory ${path.dirname(inputs.chart)}` : undefined),
            namespace: inputs.namespace,
            values: flattenValues(inputs.values ?? {}),
        };
    });
}

export function renderCharts(charts: readonly ChartSummary[]): string[] {
    const lines: string[] = [];
    for (const c of charts) {
        lines.push(`  ${c.name}: chart ${c.chart} ${c.version ?? "(unpinned)"} from ${c.repo ?? "(no repository)"} into ${c.namespace ?? "(default namespace)"}`);
        for (const [k, v] of Object.entries(c.values)) lines.push(`      ${k} = ${JSON.stringify(v)}`);
    }
    return lines;
}
