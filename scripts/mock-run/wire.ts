// Values as the SDK sends them to the engine (a resource's wire inputs, a stack's outputs), read
// through the SDK's own sentinels: a secret, a resource reference and an output value are each an
// object carrying `specialSigKey` with its own signature; an unknown is `unknownValue`.
import * as pulumi from "@pulumi/pulumi";

const { specialSigKey, specialSecretSig, specialResourceSig, specialOutputValueSig, unknownValue } = pulumi.runtime;

export { unknownValue };

type Signed = Record<string, unknown>;

const signatureOf = (value: unknown): unknown =>
    value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Signed)[specialSigKey] : undefined;

/** A secret as the SDK wraps it: `{ [specialSigKey]: specialSecretSig, value }`. */
export function isSecretValue(value: unknown): value is { value: any } {
    return pulumi.runtime.isRpcSecret(value) === true;
}

/** A reference to another resource: `{ [specialSigKey]: specialResourceSig, urn, id? }`. */
export function isResourceReference(value: unknown): value is { urn: string; id?: string } {
    return signatureOf(value) === specialResourceSig;
}

/** An output value: `{ [specialSigKey]: specialOutputValueSig, value?, secret?, dependencies? }`. */
export function isOutputValue(value: unknown): value is { value?: unknown; secret?: boolean; dependencies?: string[] } {
    return signatureOf(value) === specialOutputValueSig;
}

/** A value whose content the engine keeps secret: a wrapped secret, or a secret output value. */
export function isWrappedSecret(value: unknown): boolean {
    return isSecretValue(value) || (isOutputValue(value) && value.secret === true);
}

/** A secret in the SDK's wire form, e.g. for a stack output recorded by the harness. */
export function wrapSecret(value: unknown): { value: unknown } {
    return { [specialSigKey]: specialSecretSig, value } as { value: unknown };
}

/**
 * The plaintext a provider (and a policy) is given: secrets unwrapped, an output value replaced by
 * its value (unknown when it has none), resource references kept as they are.
 */
export function unwrapSecrets(value: any): any {
    if (Array.isArray(value)) return value.map(unwrapSecrets);
    if (value === null || typeof value !== "object") return value;
    if (isSecretValue(value)) return unwrapSecrets(pulumi.runtime.unwrapRpcSecret(value));
    if (isOutputValue(value)) return "value" in value ? unwrapSecrets(value.value) : unknownValue;
    if (isResourceReference(value)) return value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unwrapSecrets(v)]));
}

/** Whether any secret is inside a wire value. */
export function containsSecret(value: unknown): boolean {
    if (isWrappedSecret(value)) return true;
    if (Array.isArray(value)) return value.some(containsSecret);
    return value !== null && typeof value === "object" && Object.values(value).some(containsSecret);
}

/** Every plaintext string of a wire value with where it is, walking into resource references and non-secret output values. */
export function plaintextStrings(value: unknown, path = "$", out: { path: string; text: string }[] = []): { path: string; text: string }[] {
    if (typeof value === "string") {
        if (value !== unknownValue) out.push({ path, text: value });
    } else if (Array.isArray(value)) {
        value.forEach((v, i) => plaintextStrings(v, `${path}[${i}]`, out));
    } else if (value !== null && typeof value === "object" && !isWrappedSecret(value)) {
        for (const [k, v] of Object.entries(value)) if (k !== specialSigKey) plaintextStrings(v, `${path}.${k}`, out);
    }
    return out;
}
