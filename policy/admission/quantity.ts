// Kubernetes' CEL quantity library (k8s.io/apiserver/pkg/cel/library/quantity.go, in the API
// server's base environment since 1.28), for the pack's evaluator: `isQuantity(string)`,
// `quantity(string)`, and a Quantity's `compareTo`, `isGreaterThan` and `isLessThan`. Values are
// read by the quantity grammar the API server applies (@reference-platform/grammar); the rules
// call `quantity()` only on what `isQuantity()` accepted, so neither side fails on a malformed one.
import type { Environment } from "@marcbachmann/cel-js";
import { isQuantity, quantityValue } from "@reference-platform/grammar";

export class Quantity {
    constructor(readonly text: string, readonly value: number) {}
}

function quantity(text: string): Quantity {
    const value = quantityValue(text);
    if (value === undefined) throw new Error(`quantities must match the regular expression of a Kubernetes quantity: "${text}"`);
    return new Quantity(text, value);
}

const compare = (a: Quantity, b: Quantity): bigint => BigInt(Math.sign(a.value - b.value));

export function registerQuantityLibrary(env: Environment): void {
    env.registerType("Quantity", Quantity);
    env.registerFunction("isQuantity(string): bool", (text: string) => isQuantity(text));
    env.registerFunction("quantity(string): Quantity", quantity);
    env.registerFunction("Quantity.compareTo(Quantity): int", compare);
    env.registerFunction("Quantity.isGreaterThan(Quantity): bool", (a: Quantity, b: Quantity) => compare(a, b) > 0n);
    env.registerFunction("Quantity.isLessThan(Quantity): bool", (a: Quantity, b: Quantity) => compare(a, b) < 0n);
}
