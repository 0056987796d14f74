// Scrape the mesh: istiod's own metrics and every Envoy (sidecars and gateways). Prometheus ignores
// monitors' namespace selectors (a tenant's monitor must not reach another namespace), so each
// monitor lives in the namespace it scrapes: istiod's in the control plane's, and one Envoy
// PodMonitor per namespace with proxies, whose series then carry that namespace.
import type { IPodMonitor } from "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PodMonitor";
import type { IServiceMonitor } from "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";

export const ISTIOD_MONITORING_PORT = "http-monitoring"; // 15014 on the istiod Service
export const ENVOY_STATS_PORT = "http-envoy-prom"; // 15090, declared by the injected istio-proxy container
export const ENVOY_STATS_PATH = "/stats/prometheus";

export interface IstioMonitorsArgs {
    /** The monitoring namespace: Prometheus's own certificate sidecar is scraped there. */
    namespace: pulumi.Input<string>;
    istioNamespace: pulumi.Input<string>;
    /** Key (stable resource name) -> another namespace whose pods run Envoy (the gateway's, the tenants'). */
    envoyNamespaces: Record<string, pulumi.Input<string>>;
    labels: Record<string, string>;
}

export interface IstioMonitors {
    istiod: k8s.apiextensions.CustomResource;
    /** The monitoring namespace's first, then one per `envoyNamespaces` key. */
    envoy: k8s.apiextensions.CustomResource[];
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
            endpoints: [{ port: ISTIOD_MONITORING_PORT, interval: "30s" }],
        },
    };
    const podMonitor: Omit<IPodMonitor, "metadata"> = {
        apiVersion: "monitoring.coreos.com/v1",
        kind: "PodMonitor",
        spec: {
            jobLabel: "envoy-stats",
            selector: { matchExpressions: [{ key: "istio-prometheus-ignore", operator: "DoesNotExist" }] },
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
    const meta = (name: string, namespace: pulumi.Input<string>) => ({ name, namespace, labels: args.labels });
    const envoy = (resourceName: string, namespace: pulumi.Input<string>) =>
        new k8s.apiextensions.CustomResource(resourceName, { ...podMonitor, metadata: meta("envoy-stats", namespace) }, opts);
    return {
        istiod: new k8s.apiextensions.CustomResource("istiod", { ...serviceMonitor, metadata: meta("istiod", args.istioNamespace) }, opts),
        envoy: [
            envoy("envoy-stats", args.namespace),
            ...Object.entries(args.envoyNamespaces).map(([key, namespace]) => envoy(`envoy-stats-${key}`, namespace)),
        ],
    };
}
