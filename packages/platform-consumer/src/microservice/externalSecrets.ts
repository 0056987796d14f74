// A service's ExternalSecrets: one per declared secret, read through the platform's store every
// refreshInterval into the Secret it owns (deleted with it), named `<service>-<name>`, whose one key
// is the secret's name. No value passes through Pulumi: the program declares where a value comes
// from, the operator copies it in the cluster.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { ResolvedMicroservice } from "./resolve";
import { SecretStoreIntegration, secretObjectName } from "./secrets";

export const EXTERNAL_SECRETS_API_VERSION = "external-secrets.io/v1";

export function createExternalSecrets(
    resourceName: string, service: ResolvedMicroservice, labels: Record<string, string>, store: SecretStoreIntegration,
    opts: pulumi.CustomResourceOptions,
): k8s.apiextensions.CustomResource[] {
    return service.secrets.map((secret) => {
        const name = secretObjectName(service.name, secret.name);
        return new k8s.apiextensions.CustomResource(`${resourceName}-${secret.name}`, {
            apiVersion: EXTERNAL_SECRETS_API_VERSION,
            kind: "ExternalSecret",
            metadata: { name, namespace: service.namespace, labels },
            spec: {
                refreshInterval: store.refreshInterval,
                secretStoreRef: { kind: store.storeRef.kind, name: store.storeRef.name },
                target: { name, creationPolicy: "Owner", template: { metadata: { labels } } },
                data: [{ secretKey: secret.name, remoteRef: { key: secret.remoteKey, ...(secret.property ? { property: secret.property } : {}) } }],
            },
        }, { ...opts, dependsOn: store.dependsOn ?? [] });
    });
}
