// Kubernetes resource quantities ("250m", "1.5Gi", "2"): the grammar of
// k8s.io/apimachinery/pkg/api/resource, and a conversion to a plain number so that
// requests can be compared with limits before anything is registered.
const QUANTITY = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/;

const SUFFIX_FACTORS: Record<string, number> = {
    Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
    n: 1e-9, u: 1e-6, m: 1e-3, "": 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
};

export function isQuantity(value: string): boolean {
    return QUANTITY.test(value);
}

/** The quantity's value in base units (cores, bytes); throws on a malformed quantity. */
export function parseQuantity(value: string): number {
    const match = QUANTITY.exec(value);
    if (!match) throw new Error(`"${value}" is not a Kubernetes quantity (e.g. "250m", "512Mi", "2Gi")`);
    const [, number, suffix = ""] = match;
    const factor = /^[eE]/.test(suffix) ? 10 ** Number(suffix.slice(1)) : SUFFIX_FACTORS[suffix];
    return Number(number) * factor;
}

/**
 * A quantity as a stack file may hold it: Kubernetes takes 2 and "2" alike, and
 * `pulumi config set --path ... 2` stores a number. The string form, or undefined when malformed.
 */
export function quantityText(value: unknown): string | undefined {
    const text = typeof value === "number" && Number.isFinite(value) ? String(value) : value;
    return typeof text === "string" && isQuantity(text) ? text : undefined;
}

/** The value in base units of a well-formed quantity (string or number), else undefined. */
export function quantityValue(value: unknown): number | undefined {
    const text = quantityText(value);
    return text === undefined ? undefined : parseQuantity(text);
}

/** Prometheus/Go-style durations used for retention: "12h", "15d", "2w". */
export function isDuration(value: string): boolean {
    return /^(\d+(ms|s|m|h|d|w|y))+$/.test(value);
}
