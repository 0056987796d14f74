// Everything the monitoring stack does for one service, grouped under one node: the scrape,
// the alerting rules (which wait for the Prometheus operator's CRDs) and the Grafana dashboard.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { MonitoringIntegration } from "../args";
import { MicroserviceSpec } from "../spec";
import { prometheusRuleSpec } from "./alerts";
import { dashboardJson } from "./dashboard";
import { ServiceSeries } from "./promql";
import { serviceMonitorSpec } from "./serviceMonitor";

export const DEFAULT_DASHBOARD_LABEL = { key: "grafana_dashboard", value: "1" } as const;

export interface ObservabilityArgs {
    spec: MicroserviceSpec;
    monitoring: MonitoringIntegration;
    namespace: pulumi.Input<string>;
    labels: Record<string, string>;
    /** Labels of the Service to scrape (only it: not a preview Service). */
    serviceLabels: Record<string, string>;
    /** Name of the Service port serving /metrics; no scrape without one. */
    metricsPortName?: string;
}

export class Observability extends pulumi.ComponentResource {
    constructor(name: string, args: ObservabilityArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:workloads:Observability", name, {}, opts);
        const { spec } = args;
        const crd = { parent: this, dependsOn: args.monitoring.crdDependency ? [args.monitoring.crdDependency] : [] };
        const meta = (objectName: string, extra: Record<string, string> = {}) =>
            ({ name: objectName, namespace: args.namespace, labels: { ...args.labels, ...extra } });
        const series = pulumi.output(args.namespace).apply((namespace): ServiceSeries =>
            ({ namespace, service: spec.name, container: spec.name, metrics: spec.redMetrics }));

        if (args.metricsPortName) {
            new k8s.apiextensions.CustomResource(name, {
                apiVersion: "monitoring.coreos.com/v1",
                kind: "ServiceMonitor",
                metadata: meta(spec.name),
                spec: serviceMonitorSpec(args.serviceLabels, args.metricsPortName, args.monitoring.mtlsScrape),
            }, crd);
        }
        new k8s.apiextensions.CustomResource(name, {
            apiVersion: "monitoring.coreos.com/v1",
            kind: "PrometheusRule",
            metadata: meta(spec.name),
            spec: series.apply((s) => prometheusRuleSpec(s, spec.objectives)),
        }, crd);

        const label = args.monitoring.dashboardLabel ?? DEFAULT_DASHBOARD_LABEL;
        new k8s.core.v1.ConfigMap(`${name}-dashboard`, {
            metadata: meta(`${spec.name}-dashboard`, { [label.key]: label.value }),
            data: series.apply((s) => ({ [`${s.namespace}-${s.service}.json`]: dashboardJson(s) })),
        }, { parent: this });
        this.registerOutputs({});
    }
}
