// A platform namespace's network guardrails: deny everything, then one policy per flow of the
// platform's table that starts or ends in it (./flows).
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { AddressBlocks, Flow, FLOW_REASON_ANNOTATION, flowPolicies } from "./flows";
import { DEFAULT_DENY_POLICY } from "./names";

export interface PlatformTraffic {
    /** Every flow the platform's add-ons need (infra/flows.ts). */
    flows: readonly Flow[];
    addressBlocks: AddressBlocks;
}

/** Default-deny in each of `namespaces` (name -> the created namespace), and the flows' policies. */
export function createPlatformNetworkPolicies(namespaces: Record<string, pulumi.Output<string>>, traffic: PlatformTraffic,
    labels: (namespace: string) => Record<string, string>, opts: pulumi.CustomResourceOptions): k8s.networking.v1.NetworkPolicy[] {
    const policies: k8s.networking.v1.NetworkPolicy[] = [];
    for (const [name, namespace] of Object.entries(namespaces)) {
        policies.push(new k8s.networking.v1.NetworkPolicy(`${name}-${DEFAULT_DENY_POLICY}`, {
            metadata: { name: DEFAULT_DENY_POLICY, namespace, labels: labels(name) },
            spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"] },
        }, opts));
    }
    for (const policy of flowPolicies(traffic.flows, Object.keys(namespaces), traffic.addressBlocks)) {
        policies.push(new k8s.networking.v1.NetworkPolicy(`${policy.namespace}-${policy.name}`, {
            metadata: {
                name: policy.name,
                namespace: namespaces[policy.namespace],
                labels: labels(policy.namespace),
                annotations: { [FLOW_REASON_ANNOTATION]: policy.flow.why },
            },
            spec: policy.spec,
        }, opts));
    }
    return policies;
}
