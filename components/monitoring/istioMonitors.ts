// Scrape the mesh: istiod's own metrics and every Envoy (sidecars and gateways) in any namespace.
import type { IPodMonitor } from "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PodMonitor";
import type { IServiceMonitor } from "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";

export const ISTIOD_MONITORING_PORT = "http-monitoring"; // 15014 on the istiod Service
export const ENVOY_STATS_PORT = "http-envoy-prom"; // 15090, declared by the injected istio-proxy container
export const ENVOY_STATS_PATH = "/stats/prometheus";

export interface IstioMonitorsArgs {
    namespace: pulumi.Input<string>;
    istioNamespace: string;
    labels: Record<string, string>;
}

export interface IstioMonitors {
    istiod: k8s.apiextensions.CustomResource;
    envoy: k8s.apiextensions.CustomResource;
}

/** `opts.dependsOn` must include the chart that installs the monitoring CRDs. */
export function createIstioMonitors(args: IstioMonitorsArgs, opts: pulumi.CustomResourceOptions): IstioMonitors {
    const serviceMonitor: Omit<IServiceMonitor, "metadata"> = {
        apiVersion: "monitoring.coreos.com/v1",
        kind: "ServiceMonitor",
        spec: {
            jobLabel: "istio",
            // Every istiod revision's Service carries app=istiod, so a canary control plane is scraped too.
            selector: { matchLabels: { app: "istiod" } },
            namespaceSelector: { matchNames: [args.istioNamespace] },
            endpoints: [{ port: ISTIOD_MONITORING_PORT, interval: "30s" }],
        },
    };
    const podMonitor: Omit<IPodMonitor, "metadata"> = {
        apiVersion: "monitoring.coreos.com/v1",
        kind: "PodMonitor",
        spec: {
            jobLabel: "envoy-stats",
            selector: { matchExpressions: [{ key: "istio-prometheus-ignore", operator: "DoesNotExist" }] },
            namespaceSelector: { any: true },
            podMetricsEndpoints: [{
                port: ENVOY_STATS_PORT,
                path: ENVOY_STATS_PATH,
                interval: "30s",
                relabelings: [
                    // Only the Envoy container's port, never an application port that happens to share the name.
                    { action: "keep", sourceLabels: ["__meta_kubernetes_pod_container_name"], regex: "istio-proxy" },
                ],
            }],
        },
    };
    const meta = (name: string) => ({ name, namespace: args.namespace, labels: args.labels });
    return {
        istiod: new k8s.apiextensions.CustomResource("istiod", { ...serviceMonitor, metadata: meta("istiod") }, opts),
        envoy: new k8s.apiextensions.CustomResource("envoy-stats", { ...podMonitor, metadata: meta("envoy-stats") }, opts),
    };
}
