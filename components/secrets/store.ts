// The ClusterSecretStore of each store kind, and what the store's ServiceAccount carries for it.
// Every cloud store authenticates as that ServiceAccount through the provider's workload identity
// (ESO requests a short-lived token for it), Vault through its Kubernetes auth method; none takes
// a static key. The dev store reads the platform-owned namespace with the same ServiceAccount.
import * as pulumi from "@pulumi/pulumi";
import { StoreSettings } from "./settings";

export interface ServiceAccountRef {
    name: string;
    namespace: pulumi.Input<string>;
}

/** The ServiceAccount annotations a provider's workload identity reads: the cloud identity it acts as. */
export function storeServiceAccountAnnotations(store: StoreSettings): Record<string, string> {
    switch (store.kind) {
        case "aws":
            return { "eks.amazonaws.com/role-arn": store.aws!.roleArn };
        case "gcp":
            return { "iam.gke.io/gcp-service-account": store.gcp!.serviceAccount };
        case "azure":
            return { "azure.workload.identity/client-id": store.azure!.clientId, "azure.workload.identity/tenant-id": store.azure!.tenantId };
        default:
            return {};
    }
}

/** The `spec.provider` of the stack's ClusterSecretStore (external-secrets.io/v1). */
export function storeProvider(store: StoreSettings, account: ServiceAccountRef, devNamespace?: pulumi.Input<string>): Record<string, unknown> {
    const serviceAccountRef = { name: account.name, namespace: account.namespace };
    switch (store.kind) {
        case "vault": {
            const vault = store.vault!;
            return {
                vault: {
                    server: vault.server,
                    path: vault.path,
                    version: vault.version,
                    auth: { kubernetes: { mountPath: vault.kubernetesAuth.mountPath, role: vault.kubernetesAuth.role, serviceAccountRef } },
                },
            };
        }
        case "aws":
            return { aws: { service: "SecretsManager", region: store.aws!.region, auth: { jwt: { serviceAccountRef } } } };
        case "gcp": {
            const gcp = store.gcp!;
            return {
                gcpsm: {
                    projectID: gcp.projectId,
                    auth: { workloadIdentity: { clusterLocation: gcp.clusterLocation, clusterName: gcp.clusterName, clusterProjectID: gcp.projectId, serviceAccountRef } },
                },
            };
        }
        case "azure":
            return { azurekv: { vaultUrl: store.azure!.vaultUrl, tenantId: store.azure!.tenantId, authType: "WorkloadIdentity", serviceAccountRef } };
        case "kubernetes":
            if (devNamespace === undefined) throw new Error("the kubernetes store needs the namespace it reads");
            return {
                kubernetes: {
                    remoteNamespace: devNamespace,
                    // The API server's CA, which every namespace gets as this ConfigMap.
                    server: { caProvider: { type: "ConfigMap", name: "kube-root-ca.crt", key: "ca.crt", namespace: devNamespace } },
                    auth: { serviceAccount: serviceAccountRef },
                },
            };
    }
}
