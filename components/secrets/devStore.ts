// The dev store: Secrets in a platform-owned namespace, seeded by the program from Pulumi secrets
// (platform:secretStoreSeed) and, for what the platform itself needs but the seed does not give,
// from @pulumi/random. ESO's Kubernetes provider reads them as the store's ServiceAccount, which may
// read Secrets in that namespace and nowhere else. No pod runs there.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { ServiceAccountRef } from "./store";

/** Remote key -> property -> value: what the dev store's namespace holds. */
export type StoreSeed = Readonly<Record<string, Readonly<Record<string, pulumi.Input<string>>>>>;

/** A value the platform reads from the store, generated in dev when the seed lacks it. */
export interface GeneratedEntry {
    key: string;
    property: string;
}

export interface DevStoreArgs {
    namespace: pulumi.Input<string>;
    reader: ServiceAccountRef;
    seed: StoreSeed;
    generate: readonly GeneratedEntry[];
    labels: Record<string, string>;
}

/** The seed with a generated value for every entry it lacks, each value a secret. */
export function seededEntries(name: string, args: Pick<DevStoreArgs, "seed" | "generate">, parent: pulumi.Resource): Record<string, Record<string, pulumi.Output<string>>> {
    const entries: Record<string, Record<string, pulumi.Output<string>>> = {};
    for (const [key, properties] of Object.entries(args.seed)) {
        entries[key] = Object.fromEntries(Object.entries(properties).map(([p, v]) => [p, pulumi.secret(pulumi.output(v))]));
    }
    for (const { key, property } of args.generate) {
        if (entries[key]?.[property] !== undefined) continue;
        const value = new random.RandomPassword(`${name}-${key}-${property}`, { length: 40, special: false }, { parent });
        (entries[key] ??= {})[property] = pulumi.secret(value.result);
    }
    return entries;
}

/** The seeded Secrets and the reader's Role; returns what the store must wait for. */
export function createDevStore(name: string, args: DevStoreArgs, parent: pulumi.Resource): pulumi.Resource[] {
    const opts = { parent };
    const secrets = Object.entries(seededEntries(name, args, parent)).map(([key, data]) => new k8s.core.v1.Secret(`${name}-${key}`, {
        metadata: { name: key, namespace: args.namespace, labels: args.labels },
        type: "Opaque",
        stringData: pulumi.secret(pulumi.all(data)),
    }, { ...opts, additionalSecretOutputs: ["data", "stringData"] }));
    const role = new k8s.rbac.v1.Role(`${name}-reader`, {
        metadata: { name: "secret-store-reader", namespace: args.namespace, labels: args.labels },
        rules: [{ apiGroups: [""], resources: ["secrets"], verbs: ["get", "list", "watch"] }],
    }, opts);
    const binding = new k8s.rbac.v1.RoleBinding(`${name}-reader`, {
        metadata: { name: "secret-store-reader", namespace: args.namespace, labels: args.labels },
        roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: role.metadata.name },
        subjects: [{ kind: "ServiceAccount", name: args.reader.name, namespace: args.reader.namespace }],
    }, opts);
    return [...secrets, role, binding];
}
