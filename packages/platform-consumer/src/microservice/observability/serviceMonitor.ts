// Prometheus scrapes the service's metrics port through its Service's endpoints. Each sample
// keeps the pod's delivery track, so a canary or a colour can be compared with the rest.
import type { IServiceMonitor } from "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor" with { "resolution-mode": "import" };
import { MtlsScrape } from "../args";
import { TRACK_LABEL } from "../delivery/tracks";

export type ServiceMonitorSpec = NonNullable<IServiceMonitor["spec"]>;
type Endpoint = NonNullable<ServiceMonitorSpec["endpoints"]>[number];

export const SCRAPE_INTERVAL = "30s";
export const METRICS_PATH = "/metrics";

/** Scrape over mesh mTLS with Prometheus's workload certificate. */
function mtlsEndpoint(files: MtlsScrape["certificateFiles"]): Pick<Endpoint, "scheme" | "tlsConfig"> {
    return {
        scheme: "https",
        tlsConfig: {
            caFile: files.ca,
            certFile: files.cert,
            keyFile: files.key,
            // Workload certificates name a SPIFFE identity, not the pod's address, and Prometheus
            // cannot check Istio's secure naming. The client certificate still proves Prometheus's
            // identity to the sidecar, which is what authorization relies on.
            insecureSkipVerify: true,
        },
    };
}

export function serviceMonitorSpec(
    serviceLabels: Record<string, string>, metricsPortName: string, mtls?: MtlsScrape,
): ServiceMonitorSpec {
    return {
        selector: { matchLabels: { ...serviceLabels } },
        endpoints: [{
            port: metricsPortName,
            path: METRICS_PATH,
            ...(mtls ? mtlsEndpoint(mtls.certificateFiles) : { scheme: "http" }),
            interval: SCRAPE_INTERVAL,
            relabelings: [{ action: "replace", sourceLabels: [`__meta_kubernetes_pod_label_${TRACK_LABEL}`], targetLabel: "track" }],
        }],
    };
}
