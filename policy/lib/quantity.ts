// Kubernetes resource quantities ("500m", "1.5", "256Mi", "1e3", "2G") as plain numbers:
// CPU in cores, memory in bytes.

const SUFFIXES: Record<string, number> = {
    n: 1e-9, u: 1e-6, m: 1e-3, "": 1,
    k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
    Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
};

const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|(n|u|m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei))?$/;

/** The value of a quantity, or undefined when it is not one. */
export function parseQuantity(value: unknown): number | undefined {
    if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
    if (typeof value !== "string") return undefined;
    const match = QUANTITY.exec(value.trim());
    if (!match) return undefined;
    const [, number, exponent, suffix] = match;
    if (exponent) return Number(number + exponent);
    return Number(number) * SUFFIXES[suffix ?? ""];
}
