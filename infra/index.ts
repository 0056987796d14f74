// Entry point of the Pulumi program (Pulumi.yaml `main: infra/`).
import { loadPlatformConfig } from "./config";
import { deployPlatform } from "./platform";

const platform = deployPlatform(loadPlatformConfig());

export const namespaces = {
    platform: platform.tenancy.platformNamespaces,
    teams: platform.tenancy.teamNamespaces,
};
