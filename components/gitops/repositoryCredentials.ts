// Argo CD's repository credentials from the secret store: one Secret per repository, labelled as
// Argo CD selects them (argocd.argoproj.io/secret-type: repository), written by ESO from the
// store's properties username and password; the URL is no secret and is written as it is.
import * as pulumi from "@pulumi/pulumi";
import type { SecretStoreIntegration } from "@reference-platform/consumer/microservice";
import { platformExternalSecret } from "../secrets/platformSecret";

export interface StoredRepository {
    /** The Secret's name suffix: repo-<name>. */
    name: string;
    url: string;
    /** The store's key holding the properties username and password. */
    remoteKey: string;
}

export const REPOSITORY_SECRET_LABEL = { "argocd.argoproj.io/secret-type": "repository" } as const;

export function createRepositoryCredentials(
    name: string, namespace: pulumi.Input<string>, labels: Record<string, string>, store: SecretStoreIntegration,
    repositories: readonly StoredRepository[], opts: pulumi.CustomResourceOptions,
): void {
    for (const repo of repositories) {
        platformExternalSecret(`${name}-repo-${repo.name}`, {
            namespace, secretName: `repo-${repo.name}`, labels, store,
            data: ["username", "password"].map((p) => ({ secretKey: p, remoteKey: repo.remoteKey, property: p })),
            template: {
                labels: { ...REPOSITORY_SECRET_LABEL },
                // ESO's template engine: the credentials from the store, the URL as given.
                data: { type: "git", url: repo.url, username: "{{ .username }}", password: "{{ .password }}" },
            },
        }, opts);
    }
}
