// The exemptions the platform writes (infra/policyConfig, which may not import the pack) have the
// shape the pack reads (policy/lib/exemptions.ts): this file stops compiling when they drift apart.
import { strict as assert } from "assert";
import type { Exemption as WrittenExemption } from "../../infra/policyConfig/types";
import type { Exemption as PackExemption } from "../../policy/lib/exemptions";

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

describe("the exemption shape", () => {
    it("is the same where the platform writes it and where the pack reads it", () => {
        const same: Same<WrittenExemption, PackExemption> = true;
        assert.equal(same, true);
    });
});
