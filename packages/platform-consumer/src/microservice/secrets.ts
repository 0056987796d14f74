// The secrets a service reads from the platform's secret store. Each one is an ExternalSecret that
// the External Secrets Operator keeps in sync (every refreshInterval) with one value of the store,
// and the Secret it owns, named `<service>-<name>`. The container sees it as a read-only file
// `<mountPath>/<name>` (mode 0400; the secrets of one directory share a projected volume), never
// through subPath, so a rotated value reaches the running pod; as an environment variable only
// when the service asks (`env`), and then the pod template says so (SECRET_ENV_ANNOTATION).
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { DNS_LABEL_MAX_LENGTH, isDnsLabel } from "@reference-platform/grammar";
import { dnsLabel, envVarName, EVERY_PASS_ARRAY, isRecord } from "../shared/fields";

/** The platform's one store, cluster-scoped, which every namespace's ExternalSecrets name. */
export const PLATFORM_SECRET_STORE_REF = { kind: "ClusterSecretStore", name: "platform" } as const;

/** Where a secret's file goes when the service does not say. */
export const DEFAULT_SECRET_MOUNT_PATH = "/var/run/secrets/app";

/** Owner-read only; the pod's fsGroup lets the service's group read it too. */
export const SECRET_FILE_MODE = 0o400;

/**
 * Pod template annotation listing (comma-separated) the Secrets a workload reads as environment
 * variables: its declared need, which the pack's `secret-hygiene` requires in prod.
 */
export const SECRET_ENV_ANNOTATION = "platform.example.com/secret-env";

export interface ServiceSecret {
    /** The Secret's name suffix and the file's name: a DNS label. */
    name: string;
    /** The store's key: a Vault KV path, an AWS Secrets Manager name, a Google or Azure secret name, or a Secret of the dev store. */
    remoteKey: string;
    /** The property inside the remote value (a JSON field, or a key of the dev store's Secret); unset: the whole value. */
    property?: string;
    /** The directory the file is mounted in; default DEFAULT_SECRET_MOUNT_PATH. */
    mountPath?: string;
    /** Also an environment variable of this name (only when the application cannot read a file). */
    env?: string;
}

/** The platform's store, when it runs one: where ExternalSecrets read from and how often. */
export interface SecretStoreIntegration {
    storeRef: { kind: "ClusterSecretStore" | "SecretStore"; name: string };
    /** How often each value is re-read (the platform profile's), e.g. "1h". */
    refreshInterval: string;
    /** The store and the chart installing ESO's CRDs (absent when another stack installed them). */
    dependsOn?: pulumi.Resource[];
}

/** The projected volume backing a mount directory: "/var/run/secrets/app" -> "secrets-var-run-secrets-app". */
export const secretVolumeName = (mountPath: string) => `secrets${mountPath.replace(/[^a-z0-9]+/gi, "-").toLowerCase()}`.replace(/-$/, "");

/** The Secret (and ExternalSecret) of one of a service's secrets. */
export const secretObjectName = (service: string, secret: string) => `${service}-${secret}`;

function mountPathProblem(path: string): string | undefined {
    if (!/^\/[^\s]*$/.test(path) || /^\/+$/.test(path)) return 'must be an absolute directory path other than "/", such as "/var/run/secrets/app"';
    if (path.split("/").some((segment) => segment === "." || segment === "..")) return 'must not contain "." or ".." segments';
    if (!isDnsLabel(secretVolumeName(path))) return `gives the volume name "${secretVolumeName(path)}", longer than ${DNS_LABEL_MAX_LENGTH} characters; use a shorter path`;
    return undefined;
}

export const serviceSecretSchema = z.strictObject({
    name: dnsLabel,
    remoteKey: z.string({ message: "must be the store's key for the value" }).regex(/^\S+$/, { message: "must be the store's key for the value (no whitespace)" }),
    property: z.string().regex(/^\S+$/, { message: "must be a property of the remote value (no whitespace)" }).optional(),
    mountPath: z.string({ message: "must be a directory path" }).superRefine((path, ctx) => {
        const problem = mountPathProblem(path);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
    }).optional(),
    env: envVarName.optional(),
});

/** Across a service's secrets: one name and one variable each. */
function distinctSecrets(secrets: unknown, ctx: z.core.$RefinementCtx): void {
    if (!Array.isArray(secrets)) return;
    const names = new Map<string, number>();
    const variables = new Map<string, number>();
    secrets.forEach((secret, i) => {
        if (!isRecord(secret)) return;
        if (typeof secret.name === "string") {
            const first = names.get(secret.name);
            if (first !== undefined) ctx.addIssue({ code: "custom", path: [i, "name"], message: `is also secrets[${first}]'s name: two files would share one path` });
            else names.set(secret.name, i);
        }
        if (typeof secret.env === "string") {
            const first = variables.get(secret.env);
            if (first !== undefined) ctx.addIssue({ code: "custom", path: [i, "env"], message: `is also secrets[${first}]'s variable` });
            else variables.set(secret.env, i);
        }
    });
}

export const serviceSecretsSchema = z.array(serviceSecretSchema, { message: "must be a list of { name, remoteKey, property?, mountPath?, env? }" })
    .superRefine(distinctSecrets, EVERY_PASS_ARRAY);

/** Across the service: each Secret's name fits a DNS label, and no secret directory is also a writable path. */
export function secretsFitService(service: unknown, ctx: z.core.$RefinementCtx): void {
    if (!isRecord(service) || !Array.isArray(service.secrets) || typeof service.name !== "string") return;
    const writable: unknown[] = Array.isArray(service.writablePaths) ? service.writablePaths : [];
    service.secrets.forEach((secret: unknown, i: number) => {
        if (!isRecord(secret) || typeof secret.name !== "string") return;
        const objectName = secretObjectName(service.name as string, secret.name);
        if (isDnsLabel(secret.name) && !isDnsLabel(objectName)) {
            ctx.addIssue({ code: "custom", path: ["secrets", i, "name"], message: `gives the Secret name "${objectName}", longer than ${DNS_LABEL_MAX_LENGTH} characters; use a shorter name` });
        }
        const mountPath = secret.mountPath ?? DEFAULT_SECRET_MOUNT_PATH;
        if (writable.includes(mountPath)) {
            ctx.addIssue({ code: "custom", path: ["secrets", i, "mountPath"], message: `is also a writable path: the secret's read-only volume and the emptyDir cannot share ${JSON.stringify(mountPath)}` });
        }
    });
}

export type ServiceSecrets = z.output<typeof serviceSecretsSchema>;
