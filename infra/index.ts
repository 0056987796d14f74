// Entry point of the Pulumi program (Pulumi.yaml `main: infra/`).
import { loadPlatformConfig } from "./config";
import { deployPlatform } from "./platform";

const platform = deployPlatform(loadPlatformConfig());

export const namespaces = {
    platform: platform.tenancy.platformNamespaces,
    teams: platform.tenancy.teamNamespaces,
};

/** Argo CD; adminPassword is a secret (`pulumi stack output gitops --show-secrets`). */
export const gitops = platform.gitops && {
    namespace: platform.gitops.namespace,
    serverUrl: platform.gitops.serverUrl,
    appProjects: platform.gitops.appProjects,
    rootApplicationName: platform.gitops.rootApplicationName,
    adminPassword: platform.gitops.adminPassword,
};

/** Metrics and alerting: in-cluster URLs and the Secret (in `namespace`) holding Grafana's admin login. */
export const monitoring = platform.monitoring && {
    namespace: platform.monitoring.namespace,
    prometheusUrl: platform.monitoring.prometheusUrl,
    alertmanagerUrl: platform.monitoring.alertmanagerUrl,
    grafanaUrl: platform.monitoring.grafanaUrl,
    grafanaAdminSecretName: platform.monitoring.grafanaAdminSecretName,
};

/** Service mesh: the control plane revision namespaces opt into, mTLS mode, and the ingress gateway. */
export const mesh = platform.mesh && {
    revision: platform.mesh.revision,
    trustDomain: platform.mesh.trustDomain,
    mtlsMode: platform.mesh.mtlsMode,
    istiodNamespace: platform.mesh.istiodNamespace,
    istiodServiceName: platform.mesh.istiodServiceName,
    gatewayNamespace: platform.mesh.gatewayNamespace,
    gatewayServiceName: platform.mesh.gatewayServiceName,
    gatewayRef: platform.mesh.gatewayRef,
    gatewayPrincipal: platform.mesh.gatewayPrincipal,
};

/** Logging (EFK): HTTPS URLs (ECK's self-signed CA) and the Secret (in `namespace`, key `elastic`) with Kibana's `elastic` login. */
export const logging = platform.logging && {
    namespace: platform.logging.namespace,
    elasticsearchUrl: platform.logging.elasticsearchUrl,
    kibanaUrl: platform.logging.kibanaUrl,
    credentialsSecretName: platform.logging.credentialsSecretName,
};

/** Tracing (Jaeger v2): where to send OTLP traces, and the query UI/API. */
export const tracing = platform.tracing && {
    namespace: platform.tracing.namespace,
    otlpGrpcEndpoint: platform.tracing.otlpGrpcEndpoint,
    otlpHttpEndpoint: platform.tracing.otlpHttpEndpoint,
    queryUrl: platform.tracing.queryUrl,
};
