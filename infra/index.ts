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
