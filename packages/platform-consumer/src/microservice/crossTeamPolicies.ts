// The objects of a call between teams (../shared/crossTeamCalls), one builder per half, so the
// platform (which writes both halves of the calls both teams declare in its stack config) and a
// team's program (whose Microservice writes its own half only) produce the same objects:
//   - the caller's half, in its namespace: egress from the calling service's pods to the callee's;
//   - the callee's half, in its namespace: ingress from the caller's pods on the callee's http
//     port and, with the mesh, an ALLOW AuthorizationPolicy for the caller's SPIFFE identity.
// Either half alone lets nothing through: the other namespace's default deny still holds.
import { createHash } from "crypto";
import type * as k8s from "@pulumi/kubernetes";
import { serviceAccountPrincipal } from "./authorization";
import { ServiceRef, TeamCall } from "../shared/crossTeamCalls";

type NetworkPolicySpec = k8s.types.input.networking.v1.NetworkPolicySpec;

/** The port name every Microservice gives its http port. */
const HTTP_PORT = "http";

/** A team's namespace name. The platform names each team's namespace after the team; a team's program reads them from the contract. */
export type NamespaceOf = (team: string) => string;
const namedAfterTeam: NamespaceOf = (team) => team;

/** The other side of a call, as the callee accepts it: one service of a team, or (no service) every service of it. */
export interface CrossTeamPeer {
    team: string;
    service?: string;
}

/** The labels a Microservice selects every track of its pods by. */
const pods = (service: string) => ({ matchLabels: { "app.kubernetes.io/name": service, "app.kubernetes.io/instance": service } });
const byName = (namespace: string) => ({ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": namespace } } });

/** `<prefix><service>` (calls-reports, accepts-orders), kept within a DNS label's 63 characters by a hash of what it cuts. */
export function crossTeamObjectName(prefix: "calls-" | "accepts-", service: string): string {
    const full = `${prefix}${service}`;
    if (full.length <= 63) return full;
    return `${full.slice(0, 54)}-${createHash("sha256").update(full).digest("hex").slice(0, 8)}`;
}

/** The caller's half: its service's pods may reach each callee's pods, in the callee's namespace, on the http port. */
export function callerEgressSpec(service: string, callees: readonly ServiceRef[], namespaceOf: NamespaceOf = namedAfterTeam): NetworkPolicySpec {
    return {
        podSelector: pods(service),
        policyTypes: ["Egress"],
        egress: callees.map((callee) => ({ to: [{ ...byName(namespaceOf(callee.team)), podSelector: pods(callee.service) }], ports: [{ protocol: "TCP", port: HTTP_PORT }] })),
    };
}

/** The callee's half, below the mesh: its service's pods admit the callers' pods (a whole team's: every pod of its namespace) on the http port. */
export function calleeIngressSpec(service: string, callers: readonly CrossTeamPeer[], namespaceOf: NamespaceOf = namedAfterTeam): NetworkPolicySpec {
    return {
        podSelector: pods(service),
        policyTypes: ["Ingress"],
        ingress: [{
            from: callers.map((caller) => ({ ...byName(namespaceOf(caller.team)), ...(caller.service !== undefined ? { podSelector: pods(caller.service) } : {}) })),
            ports: [{ protocol: "TCP", port: HTTP_PORT }],
        }],
    };
}

/**
 * The callee's half, in the mesh: ALLOW the callers' SPIFFE identities (each Microservice runs as
 * its own ServiceAccount; a whole team: any account of its namespace).
 */
export function calleeAuthorizationSpec(service: string, callers: readonly CrossTeamPeer[], trustDomain: string, namespaceOf: NamespaceOf = namedAfterTeam) {
    return {
        selector: pods(service),
        action: "ALLOW",
        rules: [{
            from: [{
                source: {
                    principals: callers.map((caller) => serviceAccountPrincipal(trustDomain, namespaceOf(caller.team), caller.service ?? "*")),
                },
            }],
        }],
    };
}

/** Calls grouped by a side's service: "<team>/<service>" -> its calls. */
function groupBy(calls: readonly TeamCall[], side: "caller" | "callee"): Map<string, TeamCall[]> {
    const groups = new Map<string, TeamCall[]>();
    for (const call of calls) {
        const k = `${call[side].team}/${call[side].service}`;
        groups.set(k, [...(groups.get(k) ?? []), call]);
    }
    return groups;
}

/** Both halves' NetworkPolicies of calls both sides agreed on: egress for each calling service, ingress for each called one. */
export function crossTeamNetworkPolicySpecs(calls: readonly TeamCall[], namespaceOf: NamespaceOf = namedAfterTeam):
    { team: string; name: string; spec: NetworkPolicySpec }[] {
    const specs = [];
    for (const group of groupBy(calls, "caller").values()) {
        const { team, service } = group[0].caller;
        specs.push({ team, name: crossTeamObjectName("calls-", service), spec: callerEgressSpec(service, group.map((c) => c.callee), namespaceOf) });
    }
    for (const group of groupBy(calls, "callee").values()) {
        const { team, service } = group[0].callee;
        specs.push({ team, name: crossTeamObjectName("accepts-", service), spec: calleeIngressSpec(service, group.map((c) => c.caller), namespaceOf) });
    }
    return specs;
}

/** Each called service's ALLOW policy: the SPIFFE identities of its agreed callers. */
export function crossTeamAuthorizationSpecs(calls: readonly TeamCall[], trustDomain: string, namespaceOf: NamespaceOf = namedAfterTeam) {
    return [...groupBy(calls, "callee").values()].map((group) => {
        const { team, service } = group[0].callee;
        return { team, name: crossTeamObjectName("accepts-", service), spec: calleeAuthorizationSpec(service, group.map((c) => c.caller), trustDomain, namespaceOf) };
    });
}
