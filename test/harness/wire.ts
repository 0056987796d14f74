// How a secret travels in a resource's wire inputs: wrapped in the runtime's signature object.

export const SECRET_SIGNATURE_KEY = "4dabf18193072939515e22adb298388d";

export function isWrappedSecret(value: unknown): value is { value: unknown } {
    return !!value && typeof value === "object" && SECRET_SIGNATURE_KEY in value;
}

/** A wire value with its secret wrappers removed. */
export function unwrapSecrets(value: any): any {
    if (Array.isArray(value)) return value.map(unwrapSecrets);
    if (value && typeof value === "object") {
        if (isWrappedSecret(value)) return unwrapSecrets(value.value);
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unwrapSecrets(v)]));
    }
    return value;
}
