// mesh-mtls' admission cases, gathered into ALL_CASES by admissionCases.ts (which says how cases
// are run): a compliant PeerAuthentication, DestinationRule and AuthorizationPolicy, one field
// changed per case, and the look-alikes that must pass. Like every case they are judged with
// prod's config: minimum STRICT, mesh root istio-system, cluster domain cluster.local. Cases at
// the mesh root keep their namespace (`inPlace`): the verdict rests on its name. Their objects are
// not named "default": on a cluster, a dry-run apply over the platform's mesh-wide policy would
// keep the fields the case leaves out. MESH_MTLS_DEV_CASES hold what only dev's PERMISSIVE minimum
// lets pass; they are judged with dev's config (test/policy/admission/meshMtlsDev.test.ts).
import { meshMtls } from "../../policy/policies";
import type { AnalyzedResource as HarnessResource } from "./index";
import type { PackCase } from "./packCase";
import { resource } from "./pods";

const TYPES = {
    peerAuthentication: "kubernetes:security.istio.io/v1:PeerAuthentication",
    destinationRule: "kubernetes:networking.istio.io/v1:DestinationRule",
    authorizationPolicy: "kubernetes:security.istio.io/v1:AuthorizationPolicy",
};
const KINDS: Record<keyof typeof TYPES, string> = {
    peerAuthentication: "PeerAuthentication", destinationRule: "DestinationRule", authorizationPolicy: "AuthorizationPolicy",
};

const ROOT = "istio-system";
const SHOP_NS = resource("kubernetes:core/v1:Namespace", "shop", { metadata: { name: "shop", labels: { "istio.io/rev": "1-29" } } });
const ROOT_NS = resource("kubernetes:core/v1:Namespace", ROOT, { metadata: { name: ROOT } });

type Spec = Record<string, any>;

function meshCase(kind: keyof typeof TYPES, name: string, baseline: () => Spec, title: string, mutate: (spec: Spec) => void, expected?: string, ns = "shop"): PackCase {
    const spec = baseline();
    mutate(spec);
    const subject: HarnessResource = resource(TYPES[kind], `${ns}-${name}`, { metadata: { name, namespace: ns }, spec });
    return {
        title, policy: meshMtls, resources: [SHOP_NS, ROOT_NS, subject], subject: `${KINDS[kind]}::${subject.name}`,
        expected, inPlace: ns === ROOT ? true : undefined,
    };
}

// --- PeerAuthentication: a namespace's STRICT policy, and a workload's ports -------------------

const strict = (): Spec => ({ mtls: { mode: "STRICT" } });
const peer = (title: string, mutate: (spec: Spec) => void, expected?: string, ns = "shop", name = "default") =>
    meshCase("peerAuthentication", name, strict, title, mutate, expected, ns);
const onCart = (spec: Spec) => { spec.selector = { matchLabels: { app: "cart" } }; };
const MINIMUM = ", weaker than this stack's minimum STRICT";

const PEER_AUTHENTICATION_CASES: PackCase[] = [
    peer("the baseline: a namespace's STRICT PeerAuthentication", () => undefined),
    peer("a namespace's PERMISSIVE mode", (s) => { s.mtls.mode = "PERMISSIVE"; }, `PeerAuthentication shop/default: sets mtls.mode PERMISSIVE${MINIMUM}`),
    peer("a namespace's DISABLE mode", (s) => { s.mtls.mode = "DISABLE"; }, "PeerAuthentication shop/default: sets mtls.mode DISABLE, weaker than this stack's minimum "),
    peer("one port of a workload DISABLEd", (s) => { onCart(s); s.portLevelMtls = { 9797: { mode: "DISABLE" } }; },
        "PeerAuthentication shop/cart: sets portLevelMtls[9797].mode DISABLE, weaker than this stack's minimum ", "shop", "cart"),
    peer("one port of a workload PERMISSIVE", (s) => { onCart(s); s.portLevelMtls = { 8080: { mode: "PERMISSIVE" } }; },
        `PeerAuthentication shop/cart: sets portLevelMtls[8080].mode PERMISSIVE${MINIMUM}`, "shop", "cart"),
    peer("look-alike: UNSET outside the mesh root, which inherits", (s) => { s.mtls.mode = "UNSET"; }),
    peer("look-alike: a workload's port set STRICT", (s) => { onCart(s); s.portLevelMtls = { 9797: { mode: "STRICT" } }; }, undefined, "shop", "cart"),
];

// --- meshRootUnset: the mesh-wide PeerAuthentication, in the mesh root without a selector -------

const atRoot = (title: string, mutate: (spec: Spec) => void, expected?: string) => peer(title, mutate, expected, ROOT, "mesh-wide");
const MESH_ROOT_CASES: PackCase[] = [
    atRoot("the baseline: a STRICT mesh-wide PeerAuthentication", () => undefined),
    atRoot("the mesh-wide mode UNSET", (s) => { s.mtls.mode = "UNSET"; },
        `PeerAuthentication ${ROOT}/mesh-wide: leaves mtls.mode UNSET at the mesh root, which Istio treats as PERMISSIVE${MINIMUM}`),
    atRoot("the mesh-wide mtls left out", (s) => { delete s.mtls; },
        `PeerAuthentication ${ROOT}/mesh-wide: leaves mtls.mode unset at the mesh root, which Istio treats as PERMISSIVE${MINIMUM}`),
    atRoot("look-alike: a workload-level policy with a selector at the root, mode UNSET", (s) => { s.mtls.mode = "UNSET"; onCart(s); }),
];

// --- DestinationRule: ISTIO_MUTUAL to a mesh service -------------------------------------------

const MESH_HOST = "cart.shop.svc.cluster.local";
const mutual = (): Spec => ({ host: MESH_HOST, trafficPolicy: { tls: { mode: "ISTIO_MUTUAL" } } });
const rule = (title: string, mutate: (spec: Spec) => void, expected?: string) => meshCase("destinationRule", "cart", mutual, title, mutate, expected);
const replacing = (setting: string, host = MESH_HOST) =>
    `DestinationRule shop/cart: sets ${setting} for mesh host "${host}", replacing mutual TLS (use ISTIO_MUTUAL)`;

const DESTINATION_RULE_CASES: PackCase[] = [
    rule("the baseline: ISTIO_MUTUAL to a mesh service", () => undefined),
    rule("TLS DISABLE to a mesh service", (s) => { s.trafficPolicy.tls.mode = "DISABLE"; }, replacing("trafficPolicy.tls.mode DISABLE")),
    rule("one-way TLS (SIMPLE) to a mesh service's short name", (s) => { s.host = "cart"; s.trafficPolicy.tls.mode = "SIMPLE"; },
        replacing("trafficPolicy.tls.mode SIMPLE", "cart")),
    rule("TLS DISABLE on one port", (s) => { s.trafficPolicy.portLevelSettings = [{ port: { number: 9898 }, tls: { mode: "DISABLE" } }]; },
        replacing("trafficPolicy.portLevelSettings[port 9898].tls.mode DISABLE")),
    rule("TLS DISABLE in a subset's port", (s) => { s.subsets = [{ name: "v2", labels: { version: "v2" }, trafficPolicy: { portLevelSettings: [{ port: { number: 8080 }, tls: { mode: "DISABLE" } }] } }]; },
        replacing("subsets[v2].trafficPolicy.portLevelSettings[port 8080].tls.mode DISABLE")),
    rule("TLS DISABLE to every service of the cluster", (s) => { s.host = "*.svc.cluster.local"; s.trafficPolicy.tls.mode = "DISABLE"; },
        replacing("trafficPolicy.tls.mode DISABLE", "*.svc.cluster.local")),
    rule("look-alike: TLS DISABLE to an external host", (s) => { s.host = "api.partner.example"; s.trafficPolicy.tls.mode = "DISABLE"; }),
    rule("look-alike: one-way TLS to a wildcard outside the cluster", (s) => { s.host = "*.example.com"; s.trafficPolicy.tls.mode = "SIMPLE"; }),
    rule("look-alike: a subset that keeps ISTIO_MUTUAL", (s) => { s.subsets = [{ name: "v2", labels: { version: "v2" }, trafficPolicy: { tls: { mode: "ISTIO_MUTUAL" } } }]; }),
];

// --- AuthorizationPolicy: a workload allowing one named caller ---------------------------------

const named = (): Spec => ({
    selector: { matchLabels: { app: "cart" } }, action: "ALLOW",
    rules: [{ from: [{ source: { principals: ["cluster.local/ns/shop/sa/web"] } }] }],
});
const authz = (title: string, mutate: (spec: Spec) => void, expected?: string, ns = "shop") =>
    meshCase("authorizationPolicy", "allow-web", named, title, mutate, expected, ns);

const AUTHORIZATION_POLICY_CASES: PackCase[] = [
    authz("the baseline: one named caller", () => undefined),
    authz("a rule with nothing to match", (s) => { s.rules = [{}]; },
        "AuthorizationPolicy shop/allow-web: rule 1 has no from, to or when, so it allows every request to every workload it selects"),
    authz("a second rule with empty sources", (s) => { s.rules.push({ from: [], to: [] }); },
        "AuthorizationPolicy shop/allow-web: rule 2 has no from, to or when, so it allows every request to every workload it selects"),
    authz("an allow-all at the mesh root without a selector", (s) => { delete s.selector; s.rules = [{}]; },
        `AuthorizationPolicy ${ROOT}/allow-web: rule 1 has no from, to or when, so it allows every request to every workload of the mesh (mesh root namespace)`, ROOT),
    authz("look-alike: no rules, which allows nothing", (s) => { delete s.rules; }),
    authz("look-alike: an empty rule in a DENY policy", (s) => { s.action = "DENY"; s.rules = [{}]; }),
    authz("look-alike: a rule with a condition only", (s) => { s.rules = [{ when: [{ key: "request.headers[x-canary]", values: ["true"] }] }]; }),
];

export const MESH_MTLS_CASES: PackCase[] = [...PEER_AUTHENTICATION_CASES, ...MESH_ROOT_CASES, ...DESTINATION_RULE_CASES, ...AUTHORIZATION_POLICY_CASES];

/** What dev's PERMISSIVE minimum lets pass, and what it still refuses: judged with dev's config. */
export const MESH_MTLS_DEV_CASES: PackCase[] = [
    peer("look-alike in dev: a namespace's PERMISSIVE mode", (s) => { s.mtls.mode = "PERMISSIVE"; }),
    peer("look-alike in dev: one port of a workload PERMISSIVE", (s) => { onCart(s); s.portLevelMtls = { 8080: { mode: "PERMISSIVE" } }; }, undefined, "shop", "cart"),
    atRoot("look-alike in dev: the mesh-wide mode UNSET", (s) => { s.mtls.mode = "UNSET"; }),
    peer("dev still refuses DISABLE on a port", (s) => { onCart(s); s.mtls.mode = "PERMISSIVE"; s.portLevelMtls = { 9797: { mode: "DISABLE" } }; },
        "PeerAuthentication shop/cart: sets portLevelMtls[9797].mode DISABLE, weaker than this stack's minimum PERMISSIVE", "shop", "cart"),
];
