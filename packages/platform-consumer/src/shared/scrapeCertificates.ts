// Where the platform's Prometheus reads its Istio workload certificate (monitoring mounts it there;
// a Microservice's mTLS scrape config names the same files). A fact both sides share, so it lives
// here rather than in either: an application team's program builds the scrape config from it too.

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
