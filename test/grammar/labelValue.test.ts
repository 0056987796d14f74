// Label values as Kubernetes validates them ("Labels and Selectors": syntax and character set).
import { strict as assert } from "assert";
import { isLabelValue } from "@reference-platform/grammar";

describe("grammar: label values", () => {
    const cases: Array<[unknown, boolean, string]> = [
        ["", true, "the empty string"],
        ["reports", true, "letters"],
        ["Reports_v2.1", true, "upper case, '_' and '.' inside"],
        ["a".repeat(63), true, "63 characters"],
        ["a".repeat(64), false, "64 characters"],
        ["my app", false, "a space"],
        ["-reports", false, "a leading hyphen"],
        ["reports.", false, "a trailing dot"],
        ["team/reports", false, "a slash"],
        [3, false, "a number"],
    ];
    for (const [value, ok, why] of cases) {
        it(`${ok ? "accepts" : "rejects"} ${JSON.stringify(value).slice(0, 24)} (${why})`, () => assert.equal(isLabelValue(value), ok));
    }
});
