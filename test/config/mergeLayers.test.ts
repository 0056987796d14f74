// The one merge rule (components/shared/mergeLayers.ts), used by the environment profiles, the
// stack config loader and the chart values alike.
import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { mergeLayers } from "../../components/shared/mergeLayers";
import { resolvePlatformConfig } from "../../infra/config/load";
import { PROFILES } from "../../stacks/profiles";

describe("mergeLayers", () => {
    it("merges objects key by key, each layer winning over what is beneath", () => {
        const merged = mergeLayers({ a: { x: 1, y: 2 }, b: 1 }, { a: { y: 3 } }, { b: 4 });
        assert.deepEqual(merged, { a: { x: 1, y: 3 }, b: 4 });
    });

    it("replaces a list instead of concatenating it", () => {
        assert.deepEqual(mergeLayers({ hosts: ["a", "b"] }, { hosts: ["c"] }), { hosts: ["c"] });
    });

    it("keeps an Output or class instance whole, and changes none of its inputs", () => {
        const output = pulumi.output("x");
        const base = { value: { keep: 1 } };
        const merged = mergeLayers<Record<string, unknown>>(base, { value: output });
        assert.strictEqual(merged.value, output);
        assert.deepEqual(base, { value: { keep: 1 } });
    });

    it("is the rule stack config follows over a profile: a list set in config replaces the profile's", () => {
        const teams = [{ name: "solo", group: "g", costCenter: "cc-1", sourceRepos: [] }];
        const config = resolvePlatformConfig({ stack: "dev", values: { tenancy: JSON.stringify({ teams }), shop: JSON.stringify({ team: "solo" }) }, secretKeys: new Set() });
        assert.deepEqual(config.tenancy.teams.map((t) => t.name), ["solo"]);
        assert.equal(config.tenancy.podSecurityLevel, PROFILES.dev.tenancy.podSecurityLevel, "the rest of tenancy comes from the profile");
    });
});
