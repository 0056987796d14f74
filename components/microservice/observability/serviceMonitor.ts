// Prometheus scrapes the service's metrics port through its Service's endpoints. Each sample
// keeps the pod's delivery track, so a canary or a colour can be compared with the rest.
import type { IServiceMonitor } from "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor";
import { TRACK_LABEL } from "../delivery/tracks";

export type ServiceMonitorSpec = NonNullable<IServiceMonitor["spec"]>;

export const SCRAPE_INTERVAL = "30s";
export const METRICS_PATH = "/metrics";

export function serviceMonitorSpec(serviceLabels: Record<string, string>, metricsPortName: string): ServiceMonitorSpec {
    return {
        selector: { matchLabels: { ...serviceLabels } },
        endpoints: [{
            port: metricsPortName,
            path: METRICS_PATH,
            scheme: "http",
            interval: SCRAPE_INTERVAL,
            relabelings: [{ action: "replace", sourceLabels: [`__meta_kubernetes_pod_label_${TRACK_LABEL}`], targetLabel: "track" }],
        }],
    };
}
