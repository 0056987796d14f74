// Kubernetes resource quantities ("250m", "1.5Gi", "2", "1e3"), read by the serialisation grammar of
// k8s.io/apimachinery's resource.Quantity, which the API server applies to every quantity field:
//   quantity     := [sign] number [suffix]            no whitespace anywhere
//   number       := digits ["." [digits]] | "." digits
//   suffix       := binary | decimal | exponent
//   binary       := Ki | Mi | Gi | Ti | Pi | Ei        powers of 2^10
//   decimal      := n | u | m | k | M | G | T | P | E  powers of 10^3; "E" alone is exa (10^18)
//   exponent     := (e | E) [sign] digits             "1e3" and "1E3" are 1000
// So "1E" is 10^18 while "1E3" is 1000, and "1e" (an exponent without digits) is no quantity.
// Values are JavaScript numbers in base units (cores, bytes), precise enough to compare and sum.
// Kubernetes also takes a JSON number where a quantity goes; `quantityText` accepts one too.

const QUANTITY = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(?:(Ki|Mi|Gi|Ti|Pi|Ei)|(n|u|m|k|M|G|T|P|E)|[eE]([+-]?\d+))?$/;

const BINARY_POWERS: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL_EXPONENTS: Record<string, number> = { n: -9, u: -6, m: -3, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

export const QUANTITY_EXAMPLES = '"250m", "512Mi", "2Gi" or "1e3"';

/** Whether `value` is a string in the quantity grammar (exactly, with no surrounding spaces). */
export function isQuantity(value: unknown): value is string {
    return typeof value === "string" && QUANTITY.test(value);
}

/** The value of a quantity string in base units, or undefined when it is not a quantity. */
function valueOf(text: string): number | undefined {
    const match = QUANTITY.exec(text);
    if (!match) return undefined;
    const [, number, binary, decimal, exponent] = match;
    if (binary) return Number(number) * 2 ** BINARY_POWERS[binary];
    // Scaling through the exponent keeps decimal values exact where a product would not ("1.1k").
    const power = decimal ? DECIMAL_EXPONENTS[decimal] : Number(exponent ?? 0);
    return Number(`${number}e${power}`);
}

/** The quantity's value in base units (cores, bytes); throws on a string that is not a quantity. */
export function parseQuantity(text: string): number {
    const value = valueOf(text);
    if (value === undefined) throw new Error(`"${text}" is not a Kubernetes quantity (e.g. ${QUANTITY_EXAMPLES})`);
    return value;
}

/**
 * A quantity as a manifest or a stack file may hold it: Kubernetes takes 2 and "2" alike, and
 * `pulumi config set --path ... 2` stores a number. The string form, or undefined when malformed.
 */
export function quantityText(value: unknown): string | undefined {
    const text = typeof value === "number" && Number.isFinite(value) ? String(value) : value;
    return isQuantity(text) ? text : undefined;
}

/** The value in base units of a quantity given as a string or a number, else undefined. */
export function quantityValue(value: unknown): number | undefined {
    const text = quantityText(value);
    return text === undefined ? undefined : valueOf(text);
}
