// The External Secrets Operator's settings contract (platform:externalSecrets): whether it runs,
// how often an ExternalSecret re-reads its store, the operator's size, and the one store of the
// stack. Each store authenticates the way its users expect, never with a static key in config:
// Vault with Kubernetes auth, AWS Secrets Manager with IRSA, Google Secret Manager and Azure Key
// Vault with workload identity. `kubernetes` (dev) reads a platform-owned namespace the program
// seeds from Pulumi secrets. Like a service's delivery block, only the chosen kind's block is
// read, so a stack can switch stores without deleting the other blocks, and it must be there.
import { z } from "zod";
import { goDurationMilliseconds } from "@reference-platform/grammar";
import { dnsLabel, EVERY_PASS, isRecord, repositoryUrl } from "@reference-platform/consumer/shared/fields";
import { computeResourcesSchema } from "@reference-platform/consumer/shared/resources";

export const STORE_KINDS = ["kubernetes", "vault", "aws", "gcp", "azure"] as const;
export type StoreKind = (typeof STORE_KINDS)[number];

/** A Go duration of at least a second, as ESO's refreshInterval takes it. */
export const refreshIntervalSchema = z.string({ message: 'must be a duration such as "1m", "15m" or "1h"' })
    .refine((v) => (goDurationMilliseconds(v) ?? 0) >= 1000, { message: 'must be a duration of at least a second such as "1m", "15m" or "1h" (Go units h, m, s)' });

const httpsUrl = (example: string) => z.string({ message: `must be an https:// URL such as "${example}"` }).superRefine((value, ctx) => {
    let url: URL | undefined;
    try {
        url = new URL(value);
    } catch {
        url = undefined;
    }
    if (!url || url.protocol !== "https:" || url.hostname === "") {
        ctx.addIssue({ code: "custom", message: `must be an https:// URL such as "${example}"` });
    } else if (url.username !== "" || url.password !== "") {
        ctx.addIssue({ code: "custom", message: "must not carry credentials: they would be stored in plaintext" });
    }
});

const nonEmpty = (what: string) => z.string({ message: `must be ${what}` }).min(1, { message: `must be ${what}` });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuid = (what: string) => z.string({ message: `must be ${what} (a UUID)` }).regex(UUID, { message: `must be ${what} (a UUID)` });

/** HashiCorp Vault's KV engine, authenticated with Vault's Kubernetes auth method (a projected ServiceAccount token). */
export const vaultStoreSchema = z.strictObject({
    server: httpsUrl("https://vault.example.com:8200"),
    /** The KV engine's mount path, e.g. "secret". */
    path: nonEmpty('the KV engine\'s mount path, e.g. "secret"'),
    version: z.enum(["v1", "v2"], { message: 'must be "v1" or "v2" (the KV engine version)' }),
    /** Where the Kubernetes auth method is mounted, e.g. "kubernetes", and the Vault role bound to the store's ServiceAccount. */
    kubernetesAuth: z.strictObject({
        mountPath: nonEmpty('the auth method\'s mount path, e.g. "kubernetes"'),
        role: nonEmpty("the Vault role bound to the store's ServiceAccount"),
    }),
});

/** AWS Secrets Manager through IRSA: the store's ServiceAccount assumes the role; no access key. */
export const awsStoreSchema = z.strictObject({
    region: z.string({ message: 'must be an AWS region such as "eu-west-1"' }).regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, { message: 'must be an AWS region such as "eu-west-1"' }),
    roleArn: z.string({ message: "must be an IAM role ARN such as \"arn:aws:iam::123456789012:role/platform-secrets\"" })
        .regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/, { message: "must be an IAM role ARN such as \"arn:aws:iam::123456789012:role/platform-secrets\"" }),
});

/** Google Secret Manager through GKE workload identity: the store's ServiceAccount acts as a Google service account. */
export const gcpStoreSchema = z.strictObject({
    projectId: z.string({ message: "must be a Google Cloud project ID" }).regex(/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/, { message: "must be a Google Cloud project ID (6-30 lowercase letters, digits, hyphens)" }),
    clusterLocation: nonEmpty('the GKE cluster\'s location, e.g. "europe-west1"'),
    clusterName: nonEmpty("the GKE cluster's name"),
    serviceAccount: z.string({ message: "must be a Google service account email" })
        .regex(/^[a-z][a-z0-9-]{4,28}[a-z0-9]@[a-z][a-z0-9-]{4,28}[a-z0-9]\.iam\.gserviceaccount\.com$/, {
            message: 'must be a Google service account email such as "platform-secrets@my-project.iam.gserviceaccount.com"',
        }),
});

/** Azure Key Vault through Azure workload identity: the store's ServiceAccount federates with a managed identity. */
export const azureStoreSchema = z.strictObject({
    vaultUrl: httpsUrl("https://platform-secrets.vault.azure.net"),
    tenantId: uuid("the Entra ID tenant"),
    clientId: uuid("the managed identity's or app registration's client ID"),
});

export const storeSchema = z.strictObject({
    kind: z.enum(STORE_KINDS, { message: `must be one of ${STORE_KINDS.map((k) => `"${k}"`).join(", ")}` }),
    vault: vaultStoreSchema.optional(),
    aws: awsStoreSchema.optional(),
    gcp: gcpStoreSchema.optional(),
    azure: azureStoreSchema.optional(),
}).superRefine((store, ctx) => {
    // Only the chosen kind's block is read; it must be there (kubernetes needs none).
    if (store.kind !== "kubernetes" && (STORE_KINDS as readonly string[]).includes(store.kind) && !isRecord(store[store.kind])) {
        ctx.addIssue({ code: "custom", path: [store.kind], message: `is required when kind is "${store.kind}"` });
    }
}, EVERY_PASS);

const remoteKey = z.string({ message: "must be the store's key" }).regex(/^\S+$/, { message: "must be the store's key (no whitespace)" });

/**
 * The platform's own Secrets read from the store instead of generated (staging, prod): Grafana's
 * admin login (properties admin-user, admin-password) and Argo CD's repository credentials
 * (properties username, password). Unset: the program generates them, as dev always does.
 */
export const platformSecretsSchema = z.strictObject({
    grafanaAdmin: z.strictObject({ remoteKey }).optional(),
    /** The critical receiver's webhook URL (property `url`), instead of platform:alertWebhookUrl. */
    alertmanagerReceiver: z.strictObject({ remoteKey }).optional(),
    argocdRepositories: z.array(z.strictObject({
        name: dnsLabel,
        url: repositoryUrl(/^(https:\/\/|ssh:\/\/|git@)/, "must be an https://, ssh:// or git@ URL"),
        remoteKey,
    })).optional(),
});

export const externalSecretsSettingsSchema = z.strictObject({
    enabled: z.boolean(),
    /** How often each ExternalSecret re-reads its store: how long a rotated value takes to reach the pods. */
    refreshInterval: refreshIntervalSchema,
    /** The operator's controller; its webhook and cert controller take the fixed sizes of ./chartValues. */
    resources: computeResourcesSchema,
    store: storeSchema,
    platformSecrets: platformSecretsSchema.optional(),
}).superRefine((settings, ctx) => {
    // dev keeps generating them: its store is seeded by the program, so reading them back gains nothing.
    if (isRecord(settings.platformSecrets) && isRecord(settings.store) && settings.store.kind === "kubernetes") {
        ctx.addIssue({ code: "custom", path: ["platformSecrets"], message: 'reads the platform\'s own Secrets from a real store; with the dev store (kind "kubernetes") the program generates them: remove it' });
    }
}, EVERY_PASS);

export type VaultStore = z.output<typeof vaultStoreSchema>;
export type AwsStore = z.output<typeof awsStoreSchema>;
export type GcpStore = z.output<typeof gcpStoreSchema>;
export type AzureStore = z.output<typeof azureStoreSchema>;
export type StoreSettings = z.output<typeof storeSchema>;
export type PlatformSecretsSettings = z.output<typeof platformSecretsSchema>;
export type ExternalSecretsSettings = z.output<typeof externalSecretsSettingsSchema>;
