// Under STRICT mesh mTLS, Prometheus (outside the mesh) scrapes application metrics ports with an
// Istio workload certificate of its own, as Istio's Prometheus integration guide describes
// ("TLS settings"): an injected sidecar that captures no traffic, inbound or outbound, and only
// writes its rotating certificate to a memory volume the Prometheus container reads.
// The monitoring namespace carries no injection label; the pod's istio.io/rev label alone selects
// the revision's injector, and with the CNI plugin the injected containers pass `restricted`.
import { MESH_MTLS_SCRAPE_CLASS, PROMETHEUS_CERTIFICATE_DIR, SCRAPE_CERTIFICATE_FILES } from "@reference-platform/consumer/shared/scrapeCertificates";
import { PrometheusSpecValues } from "./chartValueTypes";

export { SCRAPE_CERTIFICATE_FILES, ScrapeCertificateFiles } from "@reference-platform/consumer/shared/scrapeCertificates";

export const CERTIFICATE_VOLUME = "istio-certs";
/** Where the sidecar writes (pilot-agent's OUTPUT_CERTS). */
export const SIDECAR_CERTIFICATE_DIR = "/etc/istio-output-certs";
export type MeshCertificateValues = Required<Pick<PrometheusSpecValues, "podMetadata" | "volumes" | "volumeMounts" | "scrapeClasses">>;

/** prometheusSpec keys that give every Prometheus pod a certificate-only sidecar of `revision`. */
export function meshCertificateValues(revision: string): MeshCertificateValues {
    return {
        podMetadata: {
            labels: { "istio.io/rev": revision },
            annotations: {
                // Empty lists: the CNI plugin redirects no inbound port and no outbound range, so
                // Prometheus keeps reaching every target (and being reached) directly.
                "traffic.sidecar.istio.io/includeInboundPorts": "",
                "traffic.sidecar.istio.io/includeOutboundIPRanges": "",
                "proxy.istio.io/config": JSON.stringify({ proxyMetadata: { OUTPUT_CERTS: SIDECAR_CERTIFICATE_DIR } }),
                "sidecar.istio.io/userVolumeMount": JSON.stringify([{ name: CERTIFICATE_VOLUME, mountPath: SIDECAR_CERTIFICATE_DIR }]),
            },
        },
        // Memory-backed: the private key never touches the node's disk.
        volumes: [{ name: CERTIFICATE_VOLUME, emptyDir: { medium: "Memory" } }],
        volumeMounts: [{ name: CERTIFICATE_VOLUME, mountPath: PROMETHEUS_CERTIFICATE_DIR, readOnly: true }],
        // The only way a monitor reaches these files: Prometheus refuses monitors that name files.
        scrapeClasses: [{
            name: MESH_MTLS_SCRAPE_CLASS,
            tlsConfig: {
                caFile: SCRAPE_CERTIFICATE_FILES.ca,
                certFile: SCRAPE_CERTIFICATE_FILES.cert,
                keyFile: SCRAPE_CERTIFICATE_FILES.key,
                // Workload certificates name a SPIFFE identity, not the pod's address, and Prometheus
                // cannot check Istio's secure naming. The client certificate still proves Prometheus's
                // identity to the sidecar, which is what authorization relies on.
                insecureSkipVerify: true,
            },
        }],
    };
}
