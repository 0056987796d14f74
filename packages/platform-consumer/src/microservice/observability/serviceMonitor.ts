// Prometheus scrapes the service's metrics port through its Service's endpoints. Each sample
// keeps the pod's delivery track, so a canary or a colour can be compared with the rest.
import type { IServiceMonitor } from "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor" with { "resolution-mode": "import" };
import { MtlsScrape } from "../args";
import { TRACK_LABEL } from "../delivery/tracks";
import { MESH_MTLS_SCRAPE_CLASS } from "../../shared/scrapeCertificates";

export type ServiceMonitorSpec = NonNullable<IServiceMonitor["spec"]>;

export const SCRAPE_INTERVAL = "30s";
export const METRICS_PATH = "/metrics";

export function serviceMonitorSpec(
    serviceLabels: Record<string, string>, metricsPortName: string, mtls?: MtlsScrape,
): ServiceMonitorSpec {
    return {
        selector: { matchLabels: { ...serviceLabels } },
        // Over mesh mTLS with Prometheus's workload certificate, which only the platform's scrape class
        // names: Prometheus refuses a monitor that names files itself.
        ...(mtls ? { scrapeClass: MESH_MTLS_SCRAPE_CLASS } : {}),
        endpoints: [{
            port: metricsPortName,
            path: METRICS_PATH,
            scheme: mtls ? "https" : "http",
            interval: SCRAPE_INTERVAL,
            relabelings: [{ action: "replace", sourceLabels: [`__meta_kubernetes_pod_label_${TRACK_LABEL}`], targetLabel: "track" }],
        }],
    };
}
