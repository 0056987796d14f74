// Dedicated Elasticsearch users for the platform's clients, through ECK's file realm: one
// kubernetes.io/basic-auth Secret per user (ECK hashes the password itself) plus a roles.yml
// Secret with least-privilege roles. Passwords come from RandomPassword and stay secret.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { LOG_INDEX_PATTERN, TRACE_INDEX_PATTERN } from "./names";

export const ROLES_SECRET = "elasticsearch-roles";
/** The key ECK reads file-based roles from. */
export const ROLES_KEY = "roles.yml";

interface IndexPrivileges {
    names: string[];
    privileges: string[];
}

interface RoleDescriptor {
    cluster: string[];
    indices: IndexPrivileges[];
}

export const ROLES: Record<string, RoleDescriptor> = {
    platform_log_writer: {
        cluster: ["monitor"],
        indices: [{ names: [LOG_INDEX_PATTERN], privileges: ["create_index", "write", "view_index_metadata"] }],
    },
    // Jaeger creates its own index templates and daily indices.
    platform_trace_writer: {
        cluster: ["monitor", "manage_index_templates"],
        indices: [{ names: [TRACE_INDEX_PATTERN], privileges: ["all"] }],
    },
    platform_observability_reader: {
        cluster: ["monitor"],
        indices: [{ names: [LOG_INDEX_PATTERN, TRACE_INDEX_PATTERN], privileges: ["read", "view_index_metadata"] }],
    },
    platform_retention_manager: {
        cluster: ["monitor", "manage_ilm", "manage_index_templates"],
        indices: [{ names: [LOG_INDEX_PATTERN, TRACE_INDEX_PATTERN], privileges: ["manage", "manage_ilm"] }],
    },
};

/** Who uses Elasticsearch, and with which role. */
export const ELASTICSEARCH_USERS = {
    fluentBit: { username: "fluent-bit", role: "platform_log_writer" },
    jaeger: { username: "jaeger", role: "platform_trace_writer" },
    grafana: { username: "grafana", role: "platform_observability_reader" },
    retention: { username: "retention", role: "platform_retention_manager" },
} as const;

export type ElasticsearchUser = keyof typeof ELASTICSEARCH_USERS;

/** What a consumer needs to put its user into a Secret of its own namespace. */
export interface ElasticsearchCredentials {
    username: string;
    /** A secret Output. */
    password: pulumi.Output<string>;
}

export interface FileRealmUser extends ElasticsearchCredentials {
    /** The basic-auth Secret in the Elasticsearch namespace that spec.auth.fileRealm references. */
    secret: k8s.core.v1.Secret;
}

export function fileRealmSecretName(user: ElasticsearchUser): string {
    return `es-user-${ELASTICSEARCH_USERS[user].username}`;
}

export function rolesYaml(): string {
    // JSON is YAML: Elasticsearch parses roles.yml with a YAML parser.
    return JSON.stringify(ROLES, null, 2);
}

export function createFileRealmUsers(
    namespace: pulumi.Input<string>, labels: Record<string, string>, parent: pulumi.Resource,
): Record<ElasticsearchUser, FileRealmUser> {
    const users = {} as Record<ElasticsearchUser, FileRealmUser>;
    for (const key of Object.keys(ELASTICSEARCH_USERS) as ElasticsearchUser[]) {
        const { username, role } = ELASTICSEARCH_USERS[key];
        const password = new random.RandomPassword(`es-user-${username}`, { length: 32, special: false }, { parent });
        const secretPassword = pulumi.secret(password.result);
        const secret = new k8s.core.v1.Secret(`es-user-${username}`, {
            metadata: { name: fileRealmSecretName(key), namespace, labels },
            type: "kubernetes.io/basic-auth",
            stringData: { username, password: secretPassword, roles: role },
        }, { parent, additionalSecretOutputs: ["data", "stringData"] });
        users[key] = { username, password: secretPassword, secret };
    }
    return users;
}

export function createRolesSecret(
    namespace: pulumi.Input<string>, labels: Record<string, string>, parent: pulumi.Resource,
): k8s.core.v1.Secret {
    return new k8s.core.v1.Secret("elasticsearch-roles", {
        metadata: { name: ROLES_SECRET, namespace, labels },
        type: "Opaque",
        stringData: { [ROLES_KEY]: rolesYaml() },
    }, { parent });
}
