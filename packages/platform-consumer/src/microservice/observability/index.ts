// Everything the monitoring stack does for one service, grouped under one node: the scrape,
// the alerting rules (which wait for the Prometheus operator's CRDs) and the Grafana dashboard.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { MonitoringIntegration } from "../args";
import { ResolvedMicroservice } from "../resolve";
import { prometheusRuleSpec } from "./alerts";
import { dashboardJson } from "./dashboard";
import { ServiceSeries } from "./promql";
import { serviceMonitorSpec } from "./serviceMonitor";

export const DEFAULT_DASHBOARD_LABEL = { key: "grafana_dashboard", value: "1" } as const;

export interface ObservabilityArgs {
    service: ResolvedMicroservice;
    /** The service's monitoring integration (service.monitoring, which must be set). */
    monitoring: MonitoringIntegration;
    labels: Record<string, string>;
    /** Labels of the Service to scrape (only it: not a preview Service). */
    serviceLabels: Record<string, string>;
}

/** The Service port serving /metrics; no scrape without one. */
const METRICS_PORT_NAME = "metrics";

export class Observability extends pulumi.ComponentResource {
    constructor(name: string, args: ObservabilityArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:workloads:Observability", name, {}, opts);
        const { service } = args;
        const crd = { parent: this, dependsOn: args.monitoring.crdDependency ? [args.monitoring.crdDependency] : [] };
        const meta = (objectName: string, extra: Record<string, string> = {}) =>
            ({ name: objectName, namespace: service.namespace, labels: { ...args.labels, ...extra } });
        const series = pulumi.output(service.namespace).apply((namespace): ServiceSeries =>
            ({ namespace, service: service.name, container: service.name, metrics: service.redMetrics, rightSizing: service.rightSizing !== undefined,
                rollout: service.delivery.strategy === "progressive" }));

        if (service.ports.metrics !== undefined) {
            new k8s.apiextensions.CustomResource(name, {
                apiVersion: "monitoring.coreos.com/v1",
                kind: "ServiceMonitor",
                metadata: meta(service.name),
                spec: serviceMonitorSpec(args.serviceLabels, METRICS_PORT_NAME, args.monitoring.mtlsScrape),
            }, crd);
        }
        new k8s.apiextensions.CustomResource(name, {
            apiVersion: "monitoring.coreos.com/v1",
            kind: "PrometheusRule",
            metadata: meta(service.name),
            spec: series.apply((serviceSeries) => prometheusRuleSpec(serviceSeries, service.objectives)),
        }, crd);

        const label = args.monitoring.dashboardLabel ?? DEFAULT_DASHBOARD_LABEL;
        new k8s.core.v1.ConfigMap(`${name}-dashboard`, {
            metadata: meta(`${service.name}-dashboard`, { [label.key]: label.value }),
            data: series.apply((serviceSeries) => ({ [`${serviceSeries.namespace}-${serviceSeries.service}.json`]: dashboardJson(serviceSeries) })),
        }, { parent: this });
        this.registerOutputs({});
    }
}
