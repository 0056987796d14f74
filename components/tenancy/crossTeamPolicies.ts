// The policies of the calls both teams agreed on (./crossTeamCalls): the caller's namespace lets
// the calling service's pods out to the callee's; the callee's namespace lets them in, on the
// callee's http port, and (with the mesh) its AuthorizationPolicy admits the caller's identity.
// A call only one side declares gets none of them.
import { createHash } from "crypto";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { serviceAccountPrincipal } from "@reference-platform/consumer/microservice";
import { TeamCall } from "./crossTeamCalls";

/** The port name every Microservice gives its http port. */
const HTTP_PORT = "http";
/** The labels a Microservice selects every track of its pods by. */
const pods = (service: string) => ({ matchLabels: { "app.kubernetes.io/name": service, "app.kubernetes.io/instance": service } });

/** `<prefix><service>`, kept within a DNS label's 63 characters by a hash of what it cuts. */
function objectName(prefix: string, service: string): string {
    const full = `${prefix}${service}`;
    if (full.length <= 63) return full;
    return `${full.slice(0, 54)}-${createHash("sha256").update(full).digest("hex").slice(0, 8)}`;
}

const byName = (namespace: string) => ({ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": namespace } } });

/** Calls grouped by a side's service: "<team>/<service>" -> its calls. */
function groupBy(calls: readonly TeamCall[], side: "caller" | "callee"): Map<string, TeamCall[]> {
    const groups = new Map<string, TeamCall[]>();
    for (const call of calls) {
        const k = `${call[side].team}/${call[side].service}`;
        groups.set(k, [...(groups.get(k) ?? []), call]);
    }
    return groups;
}

/** Egress for each calling service, ingress for each called one. */
export function crossTeamNetworkPolicySpecs(calls: readonly TeamCall[]):
    { team: string; name: string; spec: k8s.types.input.networking.v1.NetworkPolicySpec }[] {
    const specs = [];
    for (const group of groupBy(calls, "caller").values()) {
        const { team, service } = group[0].caller;
        specs.push({
            team, name: objectName("calls-", service),
            spec: {
                podSelector: pods(service),
                policyTypes: ["Egress"],
                egress: group.map(({ callee }) => ({ to: [{ ...byName(callee.team), podSelector: pods(callee.service) }], ports: [{ protocol: "TCP", port: HTTP_PORT }] })),
            },
        });
    }
    for (const group of groupBy(calls, "callee").values()) {
        const { team, service } = group[0].callee;
        specs.push({
            team, name: objectName("accepts-", service),
            spec: {
                podSelector: pods(service),
                policyTypes: ["Ingress"],
                ingress: [{ from: group.map(({ caller }) => ({ ...byName(caller.team), podSelector: pods(caller.service) })), ports: [{ protocol: "TCP", port: HTTP_PORT }] }],
            },
        });
    }
    return specs;
}

/** Each called service's ALLOW policy: the SPIFFE identities of its agreed callers (each Microservice runs as its own ServiceAccount). */
export function crossTeamAuthorizationSpecs(calls: readonly TeamCall[], trustDomain: string) {
    return [...groupBy(calls, "callee").values()].map((group) => {
        const { team, service } = group[0].callee;
        return {
            team, name: objectName("accepts-", service),
            spec: {
                selector: pods(service),
                action: "ALLOW",
                rules: [{ from: [{ source: { principals: group.map(({ caller }) => serviceAccountPrincipal(trustDomain, caller.team, caller.service)) } }] }],
            },
        };
    });
}

export function createCrossTeamNetworkPolicies(calls: readonly TeamCall[], namespaces: Record<string, pulumi.Output<string>>,
    labels: (team: string) => Record<string, string>, opts: pulumi.CustomResourceOptions): void {
    for (const { team, name, spec } of crossTeamNetworkPolicySpecs(calls)) {
        new k8s.networking.v1.NetworkPolicy(`${team}-${name}`, { metadata: { name, namespace: namespaces[team], labels: labels(team) }, spec }, opts);
    }
}

export function createCrossTeamAuthorizationPolicies(calls: readonly TeamCall[], namespaces: Record<string, pulumi.Output<string>>,
    trustDomain: pulumi.Input<string>, labels: (team: string) => Record<string, string>, opts: pulumi.CustomResourceOptions): void {
    const specs = pulumi.output(trustDomain).apply((domain) => crossTeamAuthorizationSpecs(calls, domain));
    crossTeamAuthorizationSpecs(calls, "").forEach(({ team, name }, i) => {
        new k8s.apiextensions.CustomResource(`${team}-${name}`, {
            apiVersion: "security.istio.io/v1",
            kind: "AuthorizationPolicy",
            metadata: { name, namespace: namespaces[team], labels: labels(team) },
            spec: specs.apply((all) => all[i].spec),
        }, opts);
    });
}
