// The two duration grammars: Go's time.ParseDuration (Istio's fields) and Prometheus's
// model.ParseDuration (retention, rule windows), with the examples of their documentation.
import { strict as assert } from "assert";
import { goDurationMilliseconds, isGoDuration, isPrometheusDuration, prometheusDurationMilliseconds } from "@reference-platform/grammar";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe("grammar: Go durations", () => {
    const values: Array<[string, number]> = [
        ["1h30m", 90 * MINUTE],
        ["1.5s", 1500],
        ["100ms", 100],
        ["300ms", 300],
        ["-1.5h", -1.5 * HOUR],
        ["2h45m", 165 * MINUTE],
        [".5s", 500],
        ["1.s", SECOND],
        ["10us", 0.01],
        ["10µs", 0.01],
        ["1000ns", 0.001],
        ["0", 0],
        ["+5s", 5 * SECOND],
        ["1m1m", 2 * MINUTE],
    ];
    for (const [text, expected] of values) {
        it(`reads "${text}" as ${expected} ms`, () => {
            assert.ok(isGoDuration(text));
            assert.equal(goDurationMilliseconds(text), expected);
        });
    }
    for (const text of ["1d", "1w", "1y", "5", "", "s", ".s", "1.5.5s", "1 s", "1S", "1hm", "-", "1h 30m"]) {
        it(`rejects "${text}"`, () => assert.equal(goDurationMilliseconds(text), undefined));
    }
});

describe("grammar: Prometheus durations", () => {
    const values: Array<[string, number]> = [
        ["1w", 7 * DAY],
        ["1y", 365 * DAY],
        ["7d", 7 * DAY],
        ["30m", 30 * MINUTE],
        ["1h30m", 90 * MINUTE],
        ["15d", 15 * DAY],
        ["5m30s", 330 * SECOND],
        ["1y2w3d4h5m6s7ms", 365 * DAY + 14 * DAY + 3 * DAY + 4 * HOUR + 5 * MINUTE + 6 * SECOND + 7],
        ["0", 0],
        ["500ms", 500],
    ];
    for (const [text, expected] of values) {
        it(`reads "${text}" as ${expected} ms`, () => {
            assert.ok(isPrometheusDuration(text));
            assert.equal(prometheusDurationMilliseconds(text), expected);
        });
    }
    const rejected: Array<[string, string]> = [
        ["30m1h", "units out of order"],
        ["1h1h", "a unit twice"],
        ["1.5h", "a fraction"],
        ["-1h", "a sign"],
        ["", "the empty string"],
        ["1", "a number without a unit"],
        ["1M", "months"],
        ["a week", "words"],
    ];
    for (const [text, why] of rejected) {
        it(`rejects "${text}" (${why})`, () => assert.equal(prometheusDurationMilliseconds(text), undefined));
    }
});
