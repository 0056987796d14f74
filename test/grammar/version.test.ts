// Semantic versions (semver.org 2.0.0 precedence rules) as Istio releases and chart versions use them.
import { strict as assert } from "assert";
import { compareVersions, isExactVersion, minorSkew, newestVersion } from "@reference-platform/grammar";

describe("grammar: versions", () => {
    const ordered: Array<[string, string]> = [
        ["1.29.6", "1.30.0"],
        ["1.9.0", "1.10.0"],
        ["1.30.0-beta.1", "1.30.0"],
        ["1.0.0-alpha", "1.0.0-alpha.1"],
        ["1.0.0-alpha.1", "1.0.0-alpha.beta"],
        ["1.0.0-alpha.beta", "1.0.0-beta"],
        ["1.0.0-beta.2", "1.0.0-beta.11"],
        ["1.0.0-rc.1", "1.0.0"],
        ["0.9.9", "1.0.0"],
    ];
    for (const [older, newer] of ordered) {
        it(`orders ${older} before ${newer}`, () => {
            assert.ok(compareVersions(older, newer) < 0);
            assert.ok(compareVersions(newer, older) > 0);
        });
    }

    it("treats versions differing only in build metadata as the same release", () => {
        assert.equal(compareVersions("1.0.0+20130313144700", "1.0.0+exp.sha.5114f85"), 0);
        assert.equal(compareVersions("v1.29.6", "1.29.6"), 0);
    });

    it("finds the newest", () => assert.equal(newestVersion(["1.29.6", "1.30.0-rc.0", "1.30.0", "1.9.9"]), "1.30.0"));

    it("counts minor releases between versions of one major", () => {
        assert.equal(minorSkew("1.29.6", "1.30.3"), 1);
        assert.equal(minorSkew("1.28.0", "1.30.0"), 2);
        assert.equal(minorSkew("1.30.0", "1.30.9"), 0);
        assert.equal(minorSkew("1.30.0", "2.0.0"), Infinity);
    });

    const exact: Array<[string, boolean]> = [
        ["1.29.6", true], ["v1.29.6", true], ["1.30.0-beta.1", true], ["1.0.0+build.1", true],
        ["1.29", false], ["^1.29.6", false], ["~1.29.6", false], [">=1.29.0", false], ["1.29.x", false],
        ["1.29.*", false], ["01.2.3", false], [" 1.29.6", false], ["latest", false], ["", false],
    ];
    for (const [text, ok] of exact) {
        it(`${ok ? "takes" : "does not take"} "${text}" as one exact version`, () => assert.equal(isExactVersion(text), ok));
    }

    it("names the version it cannot read", () =>
        assert.throws(() => compareVersions("1.29", "1.30.0"), /"1\.29" is not a semantic version/));
});
