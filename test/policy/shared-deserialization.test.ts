// The pack converts each resource's properties once per request, whichever policies read them,
// and hands them over frozen and without the unknown-checking proxy when nothing in them is
// unknown; props with an unknown value are converted for each policy afresh.
import * as assert from "assert";
import { SdkModules, shareDeserialization } from "../../policy/lib/sharedDeserialization";
import { knownThroughout } from "../../policy/lib/sharedProps";

const UNKNOWN_STRING = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** Stand-ins for the SDK modules: count conversions and proxies, return a fresh object per call. */
function sdkModules(convert: () => Record<string, unknown> = () => ({ spec: { replicas: 2 } })) {
    const calls: { struct: object; proxySecrets: boolean }[] = [];
    const proxied: unknown[] = [];
    const modules: SdkModules = {
        deserialize: {
            deserializeProperties: (struct: object, proxySecrets: boolean) => {
                calls.push({ struct, proxySecrets });
                return convert();
            },
        },
        proxy: {
            unknownCheckingProxy: (props: unknown) => {
                proxied.push(props);
                return { proxyOf: props };
            },
            unknownStringValue: UNKNOWN_STRING,
        },
    };
    const call = (struct: object, proxySecrets = false) =>
        (modules.deserialize.deserializeProperties as (s: object, p: boolean) => Record<string, unknown>)(struct, proxySecrets);
    const proxy = (props: unknown) => (modules.proxy.unknownCheckingProxy as (p: unknown) => unknown)(props);
    return { modules, calls, proxied, call, proxy };
}

describe("shared deserialisation", () => {
    it("converts one Struct once for every policy that asks", () => {
        const sdk = sdkModules();
        assert.equal(shareDeserialization(sdk.modules), true);
        const struct = {};
        const first = sdk.call(struct);
        assert.strictEqual(sdk.call(struct), first);
        assert.equal(sdk.calls.length, 1);
    });

    it("freezes the props it shares, however deep", () => {
        const sdk = sdkModules(() => ({ spec: { template: { metadata: { labels: { app: "web" } } } } }));
        shareDeserialization(sdk.modules);
        const props = sdk.call({}) as { spec: { template: { metadata: { labels: Record<string, string> } } } };
        assert.ok(Object.isFrozen(props));
        assert.throws(() => { props.spec.template.metadata.labels.app = "edited"; }, TypeError);
        assert.equal(props.spec.template.metadata.labels.app, "web");
    });

    it("converts props with an unknown value for each policy afresh, unfrozen", () => {
        const sdk = sdkModules(() => ({ spec: { containers: [{ image: UNKNOWN_STRING }] } }));
        shareDeserialization(sdk.modules);
        const struct = {};
        const first = sdk.call(struct);
        assert.notStrictEqual(sdk.call(struct), first);
        assert.equal(sdk.calls.length, 2);
        assert.equal(Object.isFrozen(first), false);
    });

    it("converts each Struct of a request for itself", () => {
        const sdk = sdkModules();
        shareDeserialization(sdk.modules);
        assert.notStrictEqual(sdk.call({}), sdk.call({}));
        assert.equal(sdk.calls.length, 2);
    });

    it("leaves the secret-keeping conversion of remediations alone, proxy included", () => {
        const sdk = sdkModules();
        shareDeserialization(sdk.modules);
        const struct = {};
        const props = sdk.call(struct, true);
        sdk.call(struct, true);
        assert.deepEqual(sdk.calls.map((c) => c.proxySecrets), [true, true]);
        assert.deepEqual(sdk.proxy(props), { proxyOf: props });
    });

    it("hands over the plain props when nothing in them is unknown", () => {
        const sdk = sdkModules();
        shareDeserialization(sdk.modules);
        const props = sdk.call({});
        assert.strictEqual(sdk.proxy(props), props);
        assert.equal(sdk.proxied.length, 0);
    });

    it("keeps the proxy for props with an unknown value, however deep", () => {
        const sdk = sdkModules(() => ({ spec: { template: { spec: { containers: [{ image: UNKNOWN_STRING }] } } } }));
        shareDeserialization(sdk.modules);
        const props = sdk.call({});
        assert.deepEqual(sdk.proxy(props), { proxyOf: props });
    });

    it("keeps the proxy for objects it did not convert", () => {
        const sdk = sdkModules();
        shareDeserialization(sdk.modules);
        const props = { spec: {} };
        assert.deepEqual(sdk.proxy(props), { proxyOf: props });
    });

    it("installs once", () => {
        const sdk = sdkModules();
        shareDeserialization(sdk.modules);
        const installed = sdk.modules.deserialize.deserializeProperties;
        assert.equal(shareDeserialization(sdk.modules), true);
        assert.strictEqual(sdk.modules.deserialize.deserializeProperties, installed);
    });

    it("installs nothing when the SDK no longer exports the conversion or the proxy", () => {
        const withoutConversion: SdkModules = { deserialize: {}, proxy: { unknownCheckingProxy: () => undefined, unknownStringValue: UNKNOWN_STRING } };
        assert.equal(shareDeserialization(withoutConversion), false);
        const convert = () => ({});
        const withoutProxy: SdkModules = { deserialize: { deserializeProperties: convert }, proxy: {} };
        assert.equal(shareDeserialization(withoutProxy), false);
        assert.strictEqual(withoutProxy.deserialize.deserializeProperties, convert);
    });

    it("finds the conversion, the proxy and the unknown stand-ins in the pinned SDK, where its RPC handlers call them", () => {
        /* eslint-disable @typescript-eslint/no-require-imports */
        const deserialize = require("@pulumi/policy/deserialize") as { deserializeProperties?: unknown };
        const proxy = require("@pulumi/policy/proxy") as Record<string, unknown>;
        /* eslint-enable @typescript-eslint/no-require-imports */
        assert.equal(typeof deserialize.deserializeProperties, "function");
        assert.equal(typeof proxy.unknownCheckingProxy, "function");
        assert.equal(proxy.unknownStringValue, UNKNOWN_STRING);
    });
});

describe("knownThroughout", () => {
    const unknowns = new Set([UNKNOWN_STRING]);
    const cases: [string, unknown, boolean][] = [
        ["plain data", { a: [1, "x", true, null, { b: "y" }] }, true],
        ["an unknown at the top", UNKNOWN_STRING, false],
        ["an unknown in an array in an object", { a: [{ b: [UNKNOWN_STRING] }] }, false],
        ["a class instance (an asset, a reference)", { a: new Map() }, false],
    ];
    for (const [what, value, expected] of cases) {
        it(`${what}: ${expected}`, () => assert.equal(knownThroughout(value, unknowns), expected));
    }
});
