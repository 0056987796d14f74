// The resource metrics API (metrics.k8s.io) for a cluster that does not serve it: metrics-server in
// its own namespace, restricted and sized, registered with the API server as an aggregated API. The
// HPAs' controller (in kube-controller-manager) reads pods' cpu and memory from it. Installed only
// where platform:resourceMetrics.source is "metrics-server" (infra/platform.ts).
import * as pulumi from "@pulumi/pulumi";
import { ChartAddOn, ChartAddOnArgs } from "../shared/chartAddOn";
import { metricsServerValues } from "./chartValues";
import { RELEASE } from "./names";
import { ResourceMetricsSettings } from "./settings";

export { METRICS_SERVER_PORT } from "./names";

export interface MetricsServerArgs extends ChartAddOnArgs {
    settings: ResourceMetricsSettings;
}

export class MetricsServer extends ChartAddOn {
    constructor(name: string, args: MetricsServerArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:resourceMetrics:MetricsServer", name, RELEASE, metricsServerValues(args.settings), args, opts);
    }
}
