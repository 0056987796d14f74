// Where the platform's Prometheus reads its Istio workload certificate (monitoring mounts it there)
// and the scrape class that names those files. Prometheus refuses monitors that name files of its
// own, so a Microservice's mTLS scrape opts into the class instead. Facts both sides share, so they
// live here rather than in either: an application team's program builds the scrape config too.

/** Where the Prometheus container reads the files its certificate-only sidecar writes. */
export const PROMETHEUS_CERTIFICATE_DIR = "/etc/prom-certs";

/** The files pilot-agent writes, as the Prometheus container sees them. */
export interface ScrapeCertificateFiles {
    /** The mesh root certificate. */
    ca: string;
    /** Prometheus's workload certificate chain (SPIFFE identity of its ServiceAccount). */
    cert: string;
    key: string;
}

export const SCRAPE_CERTIFICATE_FILES: ScrapeCertificateFiles = {
    ca: `${PROMETHEUS_CERTIFICATE_DIR}/root-cert.pem`,
    cert: `${PROMETHEUS_CERTIFICATE_DIR}/cert-chain.pem`,
    key: `${PROMETHEUS_CERTIFICATE_DIR}/key.pem`,
};

/** The Prometheus scrape class whose TLS settings are Prometheus's mesh certificate (monitors set `scrapeClass`). */
export const MESH_MTLS_SCRAPE_CLASS = "istio-mtls";
