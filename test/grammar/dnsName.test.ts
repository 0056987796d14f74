// DNS-1123 labels and subdomains, the names Kubernetes objects take (Kubernetes documentation,
// "Object Names and IDs").
import { strict as assert } from "assert";
import { isDns1035Label, isDnsLabel, isDnsSubdomain, isHostName } from "@reference-platform/grammar";

describe("grammar: DNS names", () => {
    const labels: Array<[string, boolean, string]> = [
        ["a".repeat(63), true, "63 characters"],
        ["a".repeat(64), false, "64 characters"],
        ["my-name", true, "letters and a hyphen"],
        ["123-abc", true, "a leading digit"],
        ["a", true, "one character"],
        ["-a", false, "a leading hyphen"],
        ["a-", false, "a trailing hyphen"],
        ["My-Name", false, "upper case"],
        ["a.b", false, "a dot"],
        ["a_b", false, "an underscore"],
        ["", false, "the empty string"],
    ];
    for (const [name, ok, why] of labels) {
        it(`${ok ? "accepts" : "rejects"} the label "${name.length > 20 ? `${name.slice(0, 5)}...(${name.length})` : name}" (${why})`, () =>
            assert.equal(isDnsLabel(name), ok));
    }

    const subdomains: Array<[string, boolean, string]> = [
        ["example.com", true, "two labels"],
        ["a.b.c", true, "three labels"],
        [`${"a".repeat(63)}.${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(61)}`, true, "253 characters"],
        [`${"a".repeat(63)}.${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(62)}`, false, "254 characters"],
        ["example..com", false, "an empty label"],
        [".example.com", false, "a leading dot"],
        ["Example.com", false, "upper case"],
    ];
    for (const [name, ok, why] of subdomains) {
        it(`${ok ? "accepts" : "rejects"} the subdomain of ${why}`, () => assert.equal(isDnsSubdomain(name), ok));
    }

    it("limits a host name's labels to 63 characters, as DNS does; a Kubernetes subdomain does not", () => {
        const name = `${"a".repeat(64)}.example.com`;
        assert.equal(isDnsSubdomain(name), true);
        assert.equal(isHostName(name), false);
        assert.equal(isHostName("shop.example.com"), true);
    });

    // A Service's name (Kubernetes documentation, "Object Names and IDs": RFC 1035 Label Names).
    const dns1035: Array<[string, boolean, string]> = [
        ["orders", true, "letters"],
        ["orders-v2", true, "letters, a hyphen and a digit"],
        ["a".repeat(63), true, "63 characters"],
        ["a".repeat(64), false, "64 characters"],
        ["2fa", false, "a leading digit, which a DNS-1123 label allows"],
        ["123", false, "all digits"],
        ["orders-", false, "a trailing hyphen"],
        ["Orders", false, "upper case"],
    ];
    for (const [name, ok, why] of dns1035) {
        it(`${ok ? "accepts" : "rejects"} the DNS-1035 label "${name.length > 20 ? `${name.slice(0, 5)}...(${name.length})` : name}" (${why})`, () =>
            assert.equal(isDns1035Label(name), ok));
    }

    it("takes only strings", () => {
        assert.equal(isDns1035Label(7), false);
        assert.equal(isDnsLabel(1), false);
        assert.equal(isDnsSubdomain(undefined), false);
    });
});
