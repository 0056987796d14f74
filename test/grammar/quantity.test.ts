// Kubernetes quantities, with the values the Kubernetes documentation gives ("Resource units in
// Kubernetes", the Quantity API reference) and the strings the API server refuses.
import { strict as assert } from "assert";
import { isQuantity, parseQuantity, quantityText, quantityValue } from "@reference-platform/grammar";

const KI = 1024;

describe("grammar: Kubernetes quantities", () => {
    const values: Array<[string, number, string]> = [
        ["1E", 1e18, "E alone is the exa suffix"],
        ["1e3", 1000, "e followed by digits is a decimal exponent"],
        ["1E3", 1000, "so is E followed by digits"],
        ["1e-3", 0.001, "a negative exponent"],
        ["1e+3", 1000, "a signed exponent"],
        ["1Ei", KI ** 6, "binary exa"],
        ["1Ki", KI, "binary kilo"],
        ["129M", 129_000_000, "the documentation's memory example"],
        ["123Mi", 123 * KI ** 2, "the documentation's memory example"],
        ["1.5Gi", 1.5 * KI ** 3, "a decimal fraction with a binary suffix"],
        ["500m", 0.5, "half a CPU"],
        ["0.5", 0.5, "the same CPU amount without a suffix"],
        ["100m", 0.1, "0.1 CPU"],
        ["1.1k", 1100, "a decimal fraction with a decimal suffix, exactly"],
        ["2", 2, "a plain number"],
        ["0", 0, "zero"],
        [".5", 0.5, "a fraction without a leading digit"],
        ["1.", 1, "a number with a trailing point"],
        ["+1", 1, "a leading plus"],
        ["-1", -1, "a leading minus (the grammar has signs)"],
        ["5n", 5e-9, "nano"],
        ["7u", 7e-6, "micro"],
        ["3T", 3e12, "tera"],
        ["2P", 2e15, "peta"],
    ];
    for (const [text, expected, why] of values) {
        it(`reads "${text}" as ${expected} (${why})`, () => {
            assert.ok(isQuantity(text));
            assert.equal(parseQuantity(text), expected);
            assert.equal(quantityValue(text), expected);
        });
    }

    const rejected: Array<[string, string]> = [
        ["1.5.5", "two decimal points"],
        ["Mi", "a suffix without a number"],
        ["1 Mi", "a space before the suffix"],
        [" 1", "a leading space"],
        ["1 ", "a trailing space"],
        ["1mi", "a lower-case binary suffix"],
        ["1K", "an upper-case decimal kilo"],
        ["1KB", "a byte unit"],
        ["500mb", "a byte unit after m"],
        ["0x10", "hexadecimal"],
        ["1e", "an exponent without digits"],
        ["1e1.5", "a fractional exponent"],
        ["-3.01e-", "a signed exponent without digits"],
        ["1Ki3", "digits after a binary suffix"],
        ["1i", "i alone"],
        ["", "the empty string"],
        ["+", "a sign alone"],
        ["abc", "letters"],
    ];
    for (const [text, why] of rejected) {
        it(`rejects "${text}" (${why})`, () => {
            assert.equal(isQuantity(text), false);
            assert.equal(quantityValue(text), undefined);
            assert.throws(() => parseQuantity(text), new RegExp(`"${text.replace(/[.+]/g, "\\$&")}" is not a Kubernetes quantity`));
        });
    }

    it("takes a JSON number where a quantity goes, as the API server does", () => {
        assert.equal(quantityText(2), "2");
        assert.equal(quantityValue(0.5), 0.5);
        assert.equal(quantityValue(Number.NaN), undefined);
        assert.equal(quantityValue(undefined), undefined);
        assert.equal(quantityValue({}), undefined);
    });

    it("agrees with the pack: requests and limits compare by value, not by text", () => {
        assert.ok(quantityValue("1Gi")! > quantityValue("1G")!);
        assert.ok(quantityValue("1500m")! > quantityValue("1")!);
        assert.equal(quantityValue("1000M"), quantityValue("1G"));
    });
});
