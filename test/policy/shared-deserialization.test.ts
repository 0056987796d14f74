// The pack converts each resource's properties once per request, whichever policies read them.
import * as assert from "assert";
import { shareDeserialization } from "../../policy/lib/sharedDeserialization";

/** A stand-in for the SDK module: counts conversions and returns a fresh object per call. */
function sdkModule() {
    const calls: { struct: object; proxySecrets: boolean }[] = [];
    const module: { deserializeProperties?: unknown } = {
        deserializeProperties: (struct: object, proxySecrets: boolean) => {
            calls.push({ struct, proxySecrets });
            return { converted: calls.length };
        },
    };
    const call = (struct: object, proxySecrets = false) =>
        (module.deserializeProperties as (s: object, p: boolean) => Record<string, unknown>)(struct, proxySecrets);
    return { module, calls, call };
}

describe("shared deserialisation", () => {
    it("converts one Struct once for every policy that asks", () => {
        const sdk = sdkModule();
        assert.equal(shareDeserialization(sdk.module), true);
        const struct = {};
        const first = sdk.call(struct);
        assert.strictEqual(sdk.call(struct), first);
        assert.equal(sdk.calls.length, 1);
    });

    it("converts each Struct of a request for itself", () => {
        const sdk = sdkModule();
        shareDeserialization(sdk.module);
        assert.notStrictEqual(sdk.call({}), sdk.call({}));
        assert.equal(sdk.calls.length, 2);
    });

    it("leaves the secret-keeping conversion of remediations alone", () => {
        const sdk = sdkModule();
        shareDeserialization(sdk.module);
        const struct = {};
        sdk.call(struct, true);
        sdk.call(struct, true);
        assert.deepEqual(sdk.calls.map((c) => c.proxySecrets), [true, true]);
    });

    it("installs once", () => {
        const sdk = sdkModule();
        shareDeserialization(sdk.module);
        const installed = sdk.module.deserializeProperties;
        assert.equal(shareDeserialization(sdk.module), true);
        assert.strictEqual(sdk.module.deserializeProperties, installed);
    });

    it("installs nothing when the SDK no longer exports the conversion", () => {
        const module: { deserializeProperties?: unknown } = {};
        assert.equal(shareDeserialization(module), false);
        assert.equal(module.deserializeProperties, undefined);
    });

    it("finds the conversion in the pinned SDK, where its RPC handlers call it", () => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const sdk = require("@pulumi/policy/deserialize") as { deserializeProperties?: unknown };
        assert.equal(typeof sdk.deserializeProperties, "function");
    });
});
