// Progressive delivery: Argo Rollouts' controller in its own namespace, restricted and sized, with
// its CRDs (the chart's templates). A Microservice that opts in gets a Rollout and its
// AnalysisTemplate, which depend on this chart (`chart`); the controller moves the weights of the
// service's mesh routes step by step and queries Prometheus for each analysis.
// Installed where platform:progressiveDelivery.enabled is true (infra/platform.ts).
import type { IServiceMonitor } from "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { recommendedLabels } from "@reference-platform/consumer/shared/labels";
import { ChartAddOn, ChartAddOnArgs } from "../shared/chartAddOn";
import { argoRolloutsValues } from "./chartValues";
import { METRICS_PORT_NAME, METRICS_SERVICE_LABELS, RELEASE } from "./names";
import { ProgressiveDeliverySettings } from "./settings";

export { CONTROLLER, METRICS_PORT, RELEASE } from "./names";

export interface ArgoRolloutsArgs extends ChartAddOnArgs {
    settings: ProgressiveDeliverySettings;
    env: string;
    /**
     * The stack's monitoring, when it runs: the controller's metrics (rollout phases, analysis
     * results) are scraped by a ServiceMonitor that waits for the chart bringing its CRD. The
     * chart's own ServiceMonitor is not used: a chart-rendered custom resource cannot depend on
     * another chart.
     */
    monitoring?: { crdDependency: pulumi.Resource };
}

export class ArgoRollouts extends ChartAddOn {
    /** The controller's ServiceMonitor, where monitoring runs. */
    public readonly serviceMonitor?: k8s.apiextensions.CustomResource;

    constructor(name: string, args: ArgoRolloutsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:progressiveDelivery:ArgoRollouts", name, RELEASE, argoRolloutsValues(args.settings), args, opts);
        if (args.monitoring) {
            const monitor: Omit<IServiceMonitor, "metadata"> = {
                apiVersion: "monitoring.coreos.com/v1",
                kind: "ServiceMonitor",
                spec: {
                    jobLabel: "app.kubernetes.io/name",
                    selector: { matchLabels: { ...METRICS_SERVICE_LABELS } },
                    // rollout_info carries each Rollout's own namespace and name: keep them over the target's.
                    endpoints: [{ port: METRICS_PORT_NAME, interval: "30s", honorLabels: true }],
                },
            };
            const labels = recommendedLabels({ name: RELEASE, component: "progressive-delivery", env: args.env });
            this.serviceMonitor = new k8s.apiextensions.CustomResource(`${name}-controller`,
                { ...monitor, metadata: { name: RELEASE, namespace: args.namespace, labels } },
                { parent: this, dependsOn: [args.monitoring.crdDependency, this.chart] });
        }
    }
}
