// The resource metrics API (metrics.k8s.io) for a cluster that does not serve it: metrics-server in
// its own namespace, restricted and sized, registered with the API server as an aggregated API. The
// HPAs' controller (in kube-controller-manager) reads pods' cpu and memory from it. Installed only
// where platform:resourceMetrics.source is "metrics-server" (infra/platform.ts).
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { ChartSource, ChartValues, installChart } from "../shared/helmChart";
import { metricsServerValues } from "./chartValues";
import { RELEASE } from "./names";
import { ResourceMetricsSettings } from "./settings";

export { METRICS_SERVER_PORT } from "./names";

export interface MetricsServerArgs {
    settings: ResourceMetricsSettings;
    /** metrics-server's namespace, as created by the Tenancy component. */
    namespace: pulumi.Input<string>;
    chart: ChartSource;
    chartValues?: ChartValues;
}

export class MetricsServer extends pulumi.ComponentResource {
    public readonly chart: k8s.helm.v4.Chart;

    constructor(name: string, args: MetricsServerArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:resourceMetrics:MetricsServer", name, {}, opts);
        this.chart = installChart(RELEASE, {
            source: args.chart,
            namespace: args.namespace,
            values: metricsServerValues(args.settings),
            userValues: args.chartValues,
        }, { parent: this });
        this.registerOutputs({});
    }
}
