// A deep copy of resource properties that policies may edit (remediations). Plain objects and
// arrays are rebuilt; anything else (secrets, assets) is kept by reference.
export function plainCopy(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(plainCopy);
    if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
        const copy: Record<string, unknown> = {};
        for (const [key, inner] of Object.entries(value)) copy[key] = plainCopy(inner);
        return copy;
    }
    return value;
}
