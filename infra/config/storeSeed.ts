// platform:secretStoreSeed (secret): what the dev store's namespace holds, as
// { "<remote key>": { "<property>": "<value>" } }. Each remote key becomes a Secret there and each
// property one of its keys, so both are checked as Kubernetes takes them. Only the names are ever
// printed, never a value. Only the dev store (kind "kubernetes") is seeded: a real store's values
// are put there by its owners, not by the platform's stack config.
import * as pulumi from "@pulumi/pulumi";
import { CONFIG_KEY_RULE, DNS_LABEL_RULE, isConfigKey, isDnsLabel } from "@reference-platform/grammar";
import { isRecord } from "@reference-platform/consumer/shared/fields";
import { decodeConfigValue } from "@reference-platform/consumer/shared/stackConfig";

const KEY = "platform:secretStoreSeed";
const SHAPE = '{ "<remote key>": { "<property>": "<value>" } }';

/** Remote key -> property -> value, every value secret. */
export type StoreSeedValues = Record<string, Record<string, pulumi.Output<string>>>;

/** The problems with the seed (names only), given the stack's store kind. */
export function storeSeedProblems(raw: string, storeKind: string | undefined): string[] {
    if (storeKind !== undefined && storeKind !== "kubernetes") {
        return [`${KEY}: seeds only the dev store (platform:externalSecrets.store.kind "kubernetes"); this stack's store is "${storeKind}", ` +
            "whose values its owners put there: remove the key"];
    }
    const seed = decodeConfigValue(raw);
    if (!isRecord(seed)) return [`${KEY}: must be an object ${SHAPE} (got a secret value, not shown)`];
    const problems: string[] = [];
    for (const [key, properties] of Object.entries(seed)) {
        if (!isDnsLabel(key)) problems.push(`${KEY}: a remote key names a Secret of the dev store, so it must be a DNS-1123 label: ${DNS_LABEL_RULE} (got key ${JSON.stringify(key)})`);
        if (!isRecord(properties)) {
            problems.push(`${KEY}.${key}: must be an object { "<property>": "<value>" } (got a secret value, not shown)`);
            continue;
        }
        for (const [property, value] of Object.entries(properties)) {
            if (!isConfigKey(property)) problems.push(`${KEY}.${key}: a property is a key of that Secret, so it must be ${CONFIG_KEY_RULE} (got key ${JSON.stringify(property)})`);
            if (typeof value !== "string" || value === "") problems.push(`${KEY}.${key}.${property}: must be a non-empty string (got a secret value, not shown)`);
        }
    }
    return problems;
}

/** The checked seed, every value a Pulumi secret. */
export function storeSeedValues(raw: string): StoreSeedValues {
    const seed = decodeConfigValue(raw) as Record<string, Record<string, string>>;
    return Object.fromEntries(Object.entries(seed).map(([key, properties]) =>
        [key, Object.fromEntries(Object.entries(properties).map(([p, v]) => [p, pulumi.secret(v)]))]));
}
