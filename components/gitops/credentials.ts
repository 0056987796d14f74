// Credentials the component generates, each kept in a Secret the chart's workloads read by name:
// the admin password (argocd-secret holds only its bcrypt hash) and the Redis password
// (argocd-redis). No secret is a chart value, so the chart renders during preview.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";

/**
 * Argo CD rejects sessions issued before the admin password's mtime. A fixed value keeps every
 * render identical; it is also a keeper, so changing it rotates the password and ends old sessions.
 */
export const ADMIN_PASSWORD_MTIME = "2026-01-01T00:00:00Z";

/** The Secret Argo CD reads its admin password from (the chart's is off: configs.secret.createSecret). */
export const ADMIN_SECRET = { name: "argocd-secret", hashKey: "admin.password", mtimeKey: "admin.passwordMtime" } as const;

/** Name and key hard-coded in the argo-cd chart's Redis and redis-ha templates. */
export const REDIS_SECRET = { name: "argocd-redis", key: "auth" } as const;

export interface AdminPassword {
    /** Plaintext, for operators only (stack output --show-secrets). */
    password: pulumi.Output<string>;
    /** bcrypt hash, as argocd-secret's admin.password expects. */
    hash: pulumi.Output<string>;
    mtime: string;
}

export function createAdminPassword(name: string, parent: pulumi.Resource): AdminPassword {
    const admin = new random.RandomPassword(name, {
        length: 32,
        special: false,
        keepers: { passwordMtime: ADMIN_PASSWORD_MTIME },
    }, { parent });
    return { password: pulumi.secret(admin.result), hash: pulumi.secret(admin.bcryptHash), mtime: ADMIN_PASSWORD_MTIME };
}

/** argocd-secret with the admin password's hash; Argo CD adds its own server.secretkey to it at start. */
export function createAdminSecret(
    name: string, namespace: pulumi.Input<string>, labels: Record<string, string>, admin: AdminPassword, parent: pulumi.Resource,
): k8s.core.v1.Secret {
    return new k8s.core.v1.Secret(name, {
        metadata: { name: ADMIN_SECRET.name, namespace, labels: { ...labels, "app.kubernetes.io/part-of": "argocd" } },
        type: "Opaque",
        stringData: { [ADMIN_SECRET.hashKey]: admin.hash, [ADMIN_SECRET.mtimeKey]: admin.mtime },
    }, { parent });
}

export function createRedisSecret(
    name: string, namespace: pulumi.Input<string>, labels: Record<string, string>, parent: pulumi.Resource,
): k8s.core.v1.Secret {
    const password = new random.RandomPassword(`${name}-password`, { length: 32, special: false }, { parent });
    return new k8s.core.v1.Secret(name, {
        metadata: { name: REDIS_SECRET.name, namespace, labels },
        type: "Opaque",
        stringData: { [REDIS_SECRET.key]: pulumi.secret(password.result) },
    }, { parent });
}
