// Installs a pinned upstream chart with the component's typed defaults and the stack's own
// values deep-merged on top (user values win; arrays are replaced, not concatenated).
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import * as path from "path";
import { mergeLayers } from "./mergeLayers";

/** Where a pinned chart comes from: the program's composition root resolves it and passes it in. */
export interface ChartSource {
    /** Helm repository URL or an `oci://` registry prefix. */
    repo: string;
    chart: string;
    version: string;
    /**
     * A local directory of chart archives as `helm pull` names them (`<chart>-<version>.tgz`):
     * when set, the chart installs from there and `repo` is not contacted (air-gapped clusters).
     */
    directory?: string;
}

/** The archive a chart installs from when its source is a local directory. */
export function chartArchivePath(directory: string, chart: string, version: string): string {
    return path.resolve(directory, `${chart}-${version}.tgz`);
}

export type ChartValues = Record<string, unknown>;

/** The helm.v4.Chart arguments that select a chart: a local archive, a Helm repository, or an OCI reference. */
export function chartArgs(source: ChartSource): Pick<k8s.helm.v4.ChartArgs, "chart" | "version" | "repositoryOpts"> {
    if (source.directory !== undefined) {
        return { chart: chartArchivePath(source.directory, source.chart, source.version), version: source.version };
    }
    if (source.repo.startsWith("oci://")) {
        return { chart: `${source.repo.replace(/\/+$/, "")}/${source.chart}`, version: source.version };
    }
    return { chart: source.chart, version: source.version, repositoryOpts: { repo: source.repo } };
}

/** `overrides` deep-merged onto `defaults`; Pulumi Outputs and other non-plain objects are kept whole. */
export function mergeValues<T extends object>(defaults: T, overrides: ChartValues = {}): T {
    return mergeLayers(defaults, overrides);
}

export interface PinnedChartArgs<V extends object> {
    source: ChartSource;
    namespace: pulumi.Input<string>;
    /** The component's defaults, typed by the chart's values keys it sets. */
    values: V;
    /** Stack-provided values (platform:chartValues.<chartKey>), merged over `values`. */
    userValues?: ChartValues;
}

export function installChart<V extends object>(
    name: string, args: PinnedChartArgs<V>, opts: pulumi.ComponentResourceOptions,
): k8s.helm.v4.Chart {
    return new k8s.helm.v4.Chart(name, {
        ...chartArgs(args.source),
        namespace: args.namespace,
        values: mergeValues(args.values, args.userValues) as pulumi.Inputs,
    }, opts);
}
