// One deserialisation of a resource's properties per request, shared by every policy, and handed
// over without the unknown-checking proxy when nothing in it is unknown.
//
// @pulumi/policy (1.21) turns a resource's protobuf Struct into plain JavaScript once per policy:
// in Analyze for each of the pack's resource policies, and in AnalyzeStack for every resource of
// the stack once per stack policy. With 7 resource and 8 stack policies that was 15 conversions of
// each resource, and about 40% of the pack's CPU above the protocol floor. The SDK's only way to
// skip a policy before it deserialises is a single exact type token (`validateResourceOfType`),
// which fits no policy of this pack: each applies to several kinds or API versions.
//
// The conversion is a pure function of the request's Struct (google-protobuf hands out the same
// Struct object for every read of a message's field), so its result is memoised per Struct when
// every policy may share it: by the rule of ./sharedProps.ts, props with no unknown value are
// frozen throughout, so a policy that edits them fails loudly instead of changing what the next
// policy reads; props with an unknown value are converted for each policy afresh. The Remediate
// RPC, which deserialises with secrets kept, is left alone: each remediation gets its own copy.
//
// The SDK then wraps the props in a proxy that throws when a policy reads a value unknown during
// preview. Its trap allocates a path array and a new proxy on every read, which made each property
// read of a policy several times dearer. When a conversion holds no unknown value anywhere (checked
// once per Struct), that proxy can never throw, so the plain (frozen) object is handed over
// instead; props with an unknown value keep the proxy and its "can't run during preview" diagnostic.
//
// The in-process runner (scripts/policy-run) hands props over by the same rule.
//
// When the SDK's modules no longer have this shape, nothing is installed and every policy
// deserialises and is proxied for itself again, as before.
import * as sdkDeserialize from "@pulumi/policy/deserialize";
import * as sdkProxy from "@pulumi/policy/proxy";
import { shareIfKnown } from "./sharedProps";

type Deserialize = (struct: object, proxySecrets: boolean) => Record<string, any>;
type Proxy = (props: unknown) => unknown;

const INSTALLED = Symbol.for("platform-guardrails.sharedDeserialization");

/** The SDK modules whose exports its RPC handlers call (its declarations hide them as internal). */
export interface SdkModules {
    deserialize: { deserializeProperties?: unknown };
    proxy: { unknownCheckingProxy?: unknown; [sentinel: string]: unknown };
}
const SDK_MODULES = { deserialize: sdkDeserialize, proxy: sdkProxy } as SdkModules;

/** The SDK's stand-ins for unknown values (its `unknown<Kind>Value` exports), or undefined if it has none. */
export function unknownSentinels(proxy: SdkModules["proxy"] = SDK_MODULES.proxy): Set<string> | undefined {
    const values = Object.entries(proxy).filter(([name, value]) => /^unknown[A-Z]\w*Value$/.test(name) && typeof value === "string");
    return values.length > 0 ? new Set(values.map(([, value]) => value as string)) : undefined;
}

/**
 * Memoises the SDK's deserialisation per Struct, and skips its unknown-checking proxy for
 * conversions with no unknown value. Returns false (and installs nothing) when the SDK no longer
 * exports what this replaces.
 */
export function shareDeserialization(modules: SdkModules = SDK_MODULES): boolean {
    const original = modules.deserialize.deserializeProperties as (Deserialize & { [INSTALLED]?: true }) | undefined;
    const originalProxy = modules.proxy.unknownCheckingProxy as Proxy | undefined;
    const unknowns = unknownSentinels(modules.proxy);
    if (typeof original !== "function" || typeof originalProxy !== "function" || unknowns === undefined) return false;
    if (original[INSTALLED]) return true;
    const byStruct = new WeakMap<object, Record<string, any>>();
    const withoutUnknowns = new WeakSet<object>();
    const sharing: Deserialize & { [INSTALLED]?: true } = (struct, proxySecrets) => {
        if (proxySecrets || struct === null || typeof struct !== "object") return original(struct, proxySecrets);
        const shared = byStruct.get(struct);
        if (shared !== undefined) return shared;
        const props = original(struct, false);
        if (shareIfKnown(props, unknowns)) {
            byStruct.set(struct, props);
            withoutUnknowns.add(props);
        }
        return props;
    };
    sharing[INSTALLED] = true;
    modules.deserialize.deserializeProperties = sharing;
    modules.proxy.unknownCheckingProxy = (props: unknown) =>
        props !== null && typeof props === "object" && withoutUnknowns.has(props) ? props : originalProxy(props);
    return true;
}
