// Static names: the chart's fullnameOverride pins its Deployments and ServiceAccounts; the store is
// one ClusterSecretStore every team's ExternalSecrets name.

/** The Helm release and fullnameOverride of the external-secrets chart. */
export const RELEASE = "external-secrets";

import { PLATFORM_SECRET_STORE_REF } from "@reference-platform/consumer/microservice";

/** The stack's one store, cluster-scoped: every namespace's ExternalSecrets read through it (the published package's name for it). */
export const CLUSTER_STORE_NAME = PLATFORM_SECRET_STORE_REF.name;

/** The ServiceAccount the store authenticates as (Vault's Kubernetes auth, IRSA, workload identity, the dev store's reader). */
export const STORE_SERVICE_ACCOUNT = "platform-secret-store";

/** ESO's API group and the version the platform writes. */
export const ESO_API_VERSION = "external-secrets.io/v1";
