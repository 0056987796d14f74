// The policies of the calls both teams agreed on (./crossTeamCalls): the caller's namespace lets
// the calling service's pods out to the callee's; the callee's namespace lets them in, on the
// callee's http port, and (with the mesh) its AuthorizationPolicy admits the caller's identity.
// A call only one side declares gets none of them. The specs are the consumer package's builders,
// which a team's Microservice uses for its own half, so both ways write the same objects.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { crossTeamAuthorizationSpecs, crossTeamNetworkPolicySpecs } from "@reference-platform/consumer/microservice";
import { TeamCall } from "./crossTeamCalls";

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
