// Secrets from an external store: the External Secrets Operator (the external-secrets chart, in its
// own namespace, restricted and sized) and the stack's one ClusterSecretStore, which every
// namespace's ExternalSecrets read through. The store authenticates as a ServiceAccount of this
// component (./store); in dev it reads a namespace the program seeds (./devStore). Rotation: ESO
// re-reads each value every refreshInterval and updates the Secret it owns; a pod that mounts that
// Secret as a volume (not with subPath) sees the new file within the kubelet's sync period.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { recommendedLabels } from "@reference-platform/consumer/shared/labels";
import { ChartSource, ChartValues, installChart } from "../shared/helmChart";
import { externalSecretsValues } from "./chartValues";
import { createDevStore, GeneratedEntry, StoreSeed } from "./devStore";
import { CLUSTER_STORE_NAME, ESO_API_VERSION, RELEASE, STORE_SERVICE_ACCOUNT } from "./names";
import { ExternalSecretsSettings } from "./settings";
import { storeProvider, storeServiceAccountAnnotations } from "./store";

export { CLUSTER_STORE_NAME, ESO_API_VERSION } from "./names";
export type { GeneratedEntry, StoreSeed } from "./devStore";

export interface ExternalSecretsArgs {
    env: string;
    settings: ExternalSecretsSettings;
    /** The operator's namespace, as created by the Tenancy component. */
    namespace: pulumi.Input<string>;
    /** The dev store's namespace (store kind "kubernetes"), as created by the Tenancy component. */
    storeNamespace?: pulumi.Input<string>;
    chart: ChartSource;
    chartValues?: ChartValues;
    /** Dev store only: remote key -> property -> value, from Pulumi secrets. */
    seed?: StoreSeed;
    /** Dev store only: entries the platform reads that are generated when the seed lacks them. */
    generate?: readonly GeneratedEntry[];
}

export class ExternalSecrets extends pulumi.ComponentResource {
    public readonly chart: k8s.helm.v4.Chart;
    /** What an ExternalSecret's secretStoreRef names. */
    public readonly storeRef: { kind: "ClusterSecretStore"; name: string };
    /** The profile's refresh interval, for every ExternalSecret. */
    public readonly refreshInterval: string;
    /** The ClusterSecretStore: ExternalSecrets depend on it (and so on the chart that installs its CRD). */
    public readonly store: k8s.apiextensions.CustomResource;

    constructor(name: string, args: ExternalSecretsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:secrets:ExternalSecrets", name, {}, opts);
        const child = { parent: this };
        const { store } = args.settings;
        const labels = recommendedLabels({ name: "external-secrets", instance: RELEASE, component: "secret-store", env: args.env });

        this.chart = installChart(RELEASE, {
            source: args.chart,
            namespace: args.namespace,
            values: externalSecretsValues(args.settings.resources),
            userValues: args.chartValues,
        }, child);

        const account = new k8s.core.v1.ServiceAccount(`${name}-store`, {
            metadata: { name: STORE_SERVICE_ACCOUNT, namespace: args.namespace, labels, annotations: storeServiceAccountAnnotations(store) },
            // ESO requests this account's tokens itself (TokenRequest); no pod runs as it.
            automountServiceAccountToken: false,
        }, child);
        const storeAccount = { name: STORE_SERVICE_ACCOUNT, namespace: args.namespace };

        const storeDependencies: pulumi.Resource[] = [this.chart, account];
        if (store.kind === "kubernetes") {
            if (args.storeNamespace === undefined) throw new Error("externalSecrets: the kubernetes store needs its namespace (storeNamespace)");
            storeDependencies.push(...createDevStore(`${name}-dev-store`, {
                namespace: args.storeNamespace,
                reader: storeAccount,
                seed: args.seed ?? {},
                generate: args.generate ?? [],
                labels,
            }, this));
        }

        // Cluster-scoped, so every namespace's ExternalSecrets may name it; the spec is plain but for the namespaces.
        this.store = new k8s.apiextensions.CustomResource(`${name}-store`, {
            apiVersion: ESO_API_VERSION,
            kind: "ClusterSecretStore",
            metadata: { name: CLUSTER_STORE_NAME, labels },
            spec: { provider: storeProvider(store, storeAccount, args.storeNamespace) },
        }, { ...child, dependsOn: storeDependencies });

        this.storeRef = { kind: "ClusterSecretStore", name: CLUSTER_STORE_NAME };
        this.refreshInterval = args.settings.refreshInterval;
        this.registerOutputs({ storeName: CLUSTER_STORE_NAME });
    }
}
