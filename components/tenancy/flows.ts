// The shape of an allowed network flow, and the NetworkPolicies that allow it. The platform writes
// its flows once, as data (infra/flows.ts); every platform namespace denies all traffic and gets one
// policy per flow that starts or ends in it: egress on the source's side, ingress on the
// destination's. Nothing here knows an add-on: the table does.
import type * as k8s from "@pulumi/kubernetes";
import { TENANT_LABEL } from "./names";

/** One end of a flow. */
export type FlowPeer =
    /** A platform namespace (every pod in it). */
    | { kind: "namespace"; name: string }
    /** Every team namespace. */
    | { kind: "tenants" }
    /** The cluster's DNS (kube-dns in kube-system). */
    | { kind: "dns" }
    /** Addresses outside the pod network: the API server, the nodes (host-network pods, kubelets), the internet. */
    | { kind: "addresses"; name: "apiServer" | "nodes" | "internet" };

export interface FlowPort {
    /** The port on the destination pod, which is what a NetworkPolicy matches. */
    port: number;
    protocol?: "TCP" | "UDP";
    /** The Service port clients dial, when it differs from the pod's. */
    servicePort?: number;
}

export interface Flow {
    /** Unique, a DNS label: names the NetworkPolicies of the flow. */
    name: string;
    from: FlowPeer;
    to: FlowPeer;
    /** Omitted: any port (only where the destination decides, e.g. a team's own policies). */
    ports?: FlowPort[];
    /** Why the platform needs it; the policies carry it as an annotation. */
    why: string;
}

/** The CIDRs the `addresses` peers stand for; an organisation narrows them to its control plane and nodes. */
export type AddressBlocks = Record<Extract<FlowPeer, { kind: "addresses" }>["name"], string[]>;

export const FLOW_REASON_ANNOTATION = "platform.example.com/flow-reason";

const byName = (name: string) => ({ matchLabels: { "kubernetes.io/metadata.name": name } });

/** The NetworkPolicy peers a flow end stands for. */
export function flowPeers(peer: FlowPeer, blocks: AddressBlocks): k8s.types.input.networking.v1.NetworkPolicyPeer[] {
    switch (peer.kind) {
        case "namespace": return [{ namespaceSelector: byName(peer.name) }];
        case "tenants": return [{ namespaceSelector: { matchLabels: { [TENANT_LABEL]: "true" } } }];
        case "dns": return [{ namespaceSelector: byName("kube-system"), podSelector: { matchLabels: { "k8s-app": "kube-dns" } } }];
        case "addresses": return blocks[peer.name].map((cidr) => ({ ipBlock: { cidr } }));
    }
}

/** The policy allowing one flow in one namespace: its egress (source side), ingress (destination side) or both. */
export interface FlowPolicy {
    namespace: string;
    name: string;
    flow: Flow;
    spec: k8s.types.input.networking.v1.NetworkPolicySpec;
}

const isIn = (peer: FlowPeer, namespaces: ReadonlySet<string>) => peer.kind === "namespace" && namespaces.has(peer.name);

/** A flow needs both ends present: one that names a namespace the stack does not create is left out. */
function endsPresent(flow: Flow, namespaces: ReadonlySet<string>): boolean {
    return [flow.from, flow.to].every((peer) => peer.kind !== "namespace" || namespaces.has(peer.name));
}

/**
 * The policies for `flows` in the platform namespaces `namespaces`: one per flow and namespace it
 * touches. A flow within one namespace is one policy with both directions.
 */
export function flowPolicies(flows: readonly Flow[], namespaces: readonly string[], blocks: AddressBlocks): FlowPolicy[] {
    const present = new Set(namespaces);
    const names = new Set<string>();
    const policies: FlowPolicy[] = [];
    for (const flow of flows) {
        if (names.has(flow.name)) throw new Error(`flow "${flow.name}" is listed twice`);
        names.add(flow.name);
        if (!endsPresent(flow, present)) continue;
        const ports = flow.ports?.map(({ port, protocol }) => ({ port, protocol: protocol ?? "TCP" }));
        const withPorts = ports ? { ports } : {};
        const name = `flow-${flow.name}`;
        const egress = isIn(flow.from, present) ? [{ to: flowPeers(flow.to, blocks), ...withPorts }] : undefined;
        const ingress = isIn(flow.to, present) ? [{ from: flowPeers(flow.from, blocks), ...withPorts }] : undefined;
        const source = flow.from.kind === "namespace" ? flow.from.name : undefined;
        const target = flow.to.kind === "namespace" ? flow.to.name : undefined;
        if (egress && ingress && source === target) {
            policies.push({ namespace: source!, name, flow, spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"], ingress, egress } });
            continue;
        }
        if (egress) policies.push({ namespace: source!, name, flow, spec: { podSelector: {}, policyTypes: ["Egress"], egress } });
        if (ingress) policies.push({ namespace: target!, name, flow, spec: { podSelector: {}, policyTypes: ["Ingress"], ingress } });
    }
    return policies;
}
