// Port names as Kubernetes validates them: IANA_SVC_NAME (RFC 6335 section 5.1).
import { strict as assert } from "assert";
import { isPortName } from "@reference-platform/grammar";

describe("grammar: port names", () => {
    const cases: Array<[unknown, boolean, string]> = [
        ["http", true, "letters"],
        ["grpc-web", true, "a hyphen between letters"],
        ["h2c", true, "a digit among letters"],
        ["8080", false, "all digits: a name needs a letter, or it reads as a number"],
        ["a".repeat(15), true, "15 characters"],
        ["a".repeat(16), false, "16 characters"],
        ["-http", false, "a leading hyphen"],
        ["http-", false, "a trailing hyphen"],
        ["http--alt", false, "two hyphens in a row"],
        ["HTTP", false, "upper case"],
        ["http_alt", false, "an underscore"],
        ["", false, "the empty string"],
        [80, false, "a number"],
    ];
    for (const [name, ok, why] of cases) {
        it(`${ok ? "accepts" : "rejects"} ${JSON.stringify(name)} (${why})`, () => assert.equal(isPortName(name), ok));
    }
});
