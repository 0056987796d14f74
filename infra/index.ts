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
