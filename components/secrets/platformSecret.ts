// An ExternalSecret for one of the platform's own Secrets (Grafana's admin, Argo CD's repository
// credentials): the Secret a chart reads by name is written by ESO from the stack's store instead
// of by the program, so its value never passes through Pulumi. `template` shapes the Secret (labels
// a controller selects it by, keys composed from the store's properties).
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import type { SecretStoreIntegration } from "@reference-platform/consumer/microservice";
import { ESO_API_VERSION } from "./names";

export interface PlatformSecretArgs {
    namespace: pulumi.Input<string>;
    /** The Secret ESO writes (and owns). */
    secretName: string;
    labels: Record<string, string>;
    store: SecretStoreIntegration;
    /** Secret key <- the store's remote key and property. */
    data: ReadonlyArray<{ secretKey: string; remoteKey: string; property: string }>;
    /** Labels and Go-template data of the written Secret (ESO template engine v2). */
    template?: { labels?: Record<string, string>; data?: Record<string, string> };
}

export function platformExternalSecret(name: string, args: PlatformSecretArgs, opts: pulumi.CustomResourceOptions): k8s.apiextensions.CustomResource {
    return new k8s.apiextensions.CustomResource(name, {
        apiVersion: ESO_API_VERSION,
        kind: "ExternalSecret",
        metadata: { name: args.secretName, namespace: args.namespace, labels: args.labels },
        spec: {
            refreshInterval: args.store.refreshInterval,
            secretStoreRef: { ...args.store.storeRef },
            target: {
                name: args.secretName,
                creationPolicy: "Owner",
                template: {
                    metadata: { labels: { ...args.labels, ...args.template?.labels } },
                    ...(args.template?.data ? { data: args.template.data } : {}),
                },
            },
            data: args.data.map((d) => ({ secretKey: d.secretKey, remoteRef: { key: d.remoteKey, property: d.property } })),
        },
    }, { ...opts, dependsOn: [...(args.store.dependsOn ?? [])] });
}
