// A team's own half of each call between teams its service declares (`calls`, `accepts`), in its
// own namespace only, built as the platform builds it (./crossTeamPolicies): the caller's egress,
// the callee's ingress and (./meshPolicy) its AuthorizationPolicy. The other team's namespace is
// never touched: its own program writes its half, and only with both halves does anything flow.
// The declarations are recorded on the service's NetworkPolicy, as the platform records its
// teams' on their Namespaces, so the policy pack's mesh analysis can match both sides in a stack.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { CROSS_TEAM_ANNOTATION, CrossTeamService, parseServiceRef } from "../shared/crossTeamCalls";
import { calleeIngressSpec, callerEgressSpec, CrossTeamPeer, crossTeamObjectName, NamespaceOf } from "./crossTeamPolicies";
import { ResolvedMicroservice } from "./resolve";

/** A checked `accepts` entry as the builders take it: "<team>" is every service of the team. */
export function acceptedPeer(ref: string): CrossTeamPeer {
    return parseServiceRef(ref) ?? { team: ref };
}

/** The team namespaces `calls` and `accepts` point to (checked to hold every team they name). */
export function teamNamespaceOf(service: ResolvedMicroservice): NamespaceOf {
    const namespaces = service.teamNamespaces ?? {};
    return (team) => namespaces[team];
}

/** The annotations recording the service's declarations for the pack; undefined when it declares none. */
export function crossTeamAnnotations(service: ResolvedMicroservice): Record<string, string> | undefined {
    const declared: CrossTeamService = {
        ...(service.calls.length > 0 ? { calls: [...service.calls] } : {}),
        ...(service.accepts.length > 0 ? { accepts: [...service.accepts] } : {}),
    };
    return Object.keys(declared).length > 0 ? { [CROSS_TEAM_ANNOTATION]: JSON.stringify({ [service.name]: declared }) } : undefined;
}

/** The NetworkPolicies of the service's own halves: calls-<service> (egress) and accepts-<service> (ingress). */
export function createCrossTeamNetworkPolicies(name: string, service: ResolvedMicroservice, labels: Record<string, string>,
    opts: pulumi.CustomResourceOptions): void {
    const namespaceOf = teamNamespaceOf(service);
    const meta = (objectName: string) => ({ name: objectName, namespace: service.namespace, labels });
    if (service.calls.length > 0) {
        const callees = service.calls.map((ref) => parseServiceRef(ref)!);
        new k8s.networking.v1.NetworkPolicy(`${name}-calls`, {
            metadata: meta(crossTeamObjectName("calls-", service.name)),
            spec: callerEgressSpec(service.name, callees, namespaceOf),
        }, opts);
    }
    if (service.accepts.length > 0) {
        new k8s.networking.v1.NetworkPolicy(`${name}-accepts`, {
            metadata: meta(crossTeamObjectName("accepts-", service.name)),
            spec: calleeIngressSpec(service.name, service.accepts.map(acceptedPeer), namespaceOf),
        }, opts);
    }
}
