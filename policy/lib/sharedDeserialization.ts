// One deserialisation of a resource's properties per request, shared by every policy.
//
// @pulumi/policy (1.21) turns a resource's protobuf Struct into plain JavaScript once per policy:
// in Analyze for each of the pack's resource policies, and in AnalyzeStack for every resource of
// the stack once per stack policy. With 7 resource and 8 stack policies that was 15 conversions of
// each resource, and about 40% of the pack's CPU above the protocol floor. The SDK's only way to
// skip a policy before it deserialises is a single exact type token (`validateResourceOfType`),
// which fits no policy of this pack: each applies to several kinds or API versions.
//
// The conversion is a pure function of the request's Struct (google-protobuf hands out the same
// Struct object for every read of a message's field), so its result is memoised per Struct. Each
// policy still gets its own unknown-checking proxy around it; the pack's policies only read props
// (a remediation copies them first, and the Remediate RPC, which deserialises with secrets kept, is
// left alone). When the SDK's module no longer has this shape, nothing is installed and every
// policy deserialises for itself again, as before.
import * as sdkDeserialize from "@pulumi/policy/deserialize";

type Deserialize = (struct: object, proxySecrets: boolean) => Record<string, any>;

const INSTALLED = Symbol.for("platform-guardrails.sharedDeserialization");

/** The SDK module whose export its RPC handlers call (its declarations hide it as internal). */
const SDK_MODULE = sdkDeserialize as { deserializeProperties?: unknown };

/** Memoises the SDK's deserialisation per Struct; false when the SDK no longer exports it. */
export function shareDeserialization(module: { deserializeProperties?: unknown } = SDK_MODULE): boolean {
    const original = module.deserializeProperties as (Deserialize & { [INSTALLED]?: true }) | undefined;
    if (typeof original !== "function") return false;
    if (original[INSTALLED]) return true;
    const byStruct = new WeakMap<object, Record<string, any>>();
    const shared: Deserialize & { [INSTALLED]?: true } = (struct, proxySecrets) => {
        if (proxySecrets || struct === null || typeof struct !== "object") return original(struct, proxySecrets);
        let props = byStruct.get(struct);
        if (props === undefined) byStruct.set(struct, (props = original(struct, false)));
        return props;
    };
    shared[INSTALLED] = true;
    module.deserializeProperties = shared;
    return true;
}
