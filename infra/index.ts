// Entry point of the Pulumi program (Pulumi.yaml `main: infra/`). Its exports are the versioned
// contract other teams read through stack references (the schema is
// @reference-platform/consumer's, packages/platform-consumer), plus operator details.
import * as pulumi from "@pulumi/pulumi";
import { loadPlatformConfig } from "./config";
import { buildContract } from "./contract/build";
import { deployPlatform } from "./platform";

const platform = deployPlatform(loadPlatformConfig());
const contract = buildContract(platform);

export const contractVersion = contract.contractVersion;
export const namespaces = contract.namespaces;
export const workloads = contract.workloads;
export const mesh = contract.mesh;
export const monitoring = contract.monitoring;
export const tracing = contract.tracing;
export const logging = contract.logging;
export const gitops = contract.gitops;

/** For the people running the platform, not part of the contract. Secrets stay secret. */
export const operators = {
    /** `pulumi stack output operators --show-secrets` */
    argocdAdminPassword: platform.gitops ? pulumi.secret(platform.gitops.adminPassword) : null,
    argocdRootApplication: platform.gitops ? platform.gitops.rootApplicationName : null,
    /** Secret in the monitoring namespace with Grafana's admin login. */
    grafanaAdminSecretName: platform.monitoring ? platform.monitoring.grafanaAdminSecretName : null,
    istiodServiceName: platform.mesh ? platform.mesh.istiodServiceName : null,
    /** Installed Istio control planes ({ name, version }); the default is the contract's mesh.revision. */
    meshRevisions: platform.mesh ? platform.mesh.revisions : null,
    /** dev's token issuer (mesh.edgeAuth.localIssuer); `npm run token:dev` signs with its private key. */
    edgeLocalIssuer: platform.mesh?.localIssuer
        ? {
            issuer: platform.mesh.localIssuer.issuer,
            audience: platform.mesh.localIssuer.audience,
            secretName: platform.mesh.localIssuer.secretName,
            privateKeyPem: platform.mesh.localIssuer.privateKeyPem,
        }
        : null,
};
