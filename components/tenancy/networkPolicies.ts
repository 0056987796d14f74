// A tenant namespace denies all traffic, then allows exactly what every workload needs:
// DNS, the ingress gateway, Prometheus scrapes, calls to its own namespace (each service's own
// policy still decides who may reach it), the mesh control plane and the trace collector.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { DEFAULT_DENY_POLICY } from "./names";

export interface NamespaceTrafficArgs {
    /** Prefix of the Pulumi resource names, unique per namespace. */
    resourcePrefix: string;
    namespace: pulumi.Input<string>;
    ingressGatewayNamespace: string;
    monitoringNamespace: string;
    /** istio-system when the mesh is on: sidecars fetch config and certificates from istiod. */
    meshControlPlaneNamespace?: string;
    /** The tracing namespace when tracing is on: OTLP export on 4317/4318. */
    tracingNamespace?: string;
    labels: Record<string, string>;
}

const fromNamespace = (name: string) => ({
    namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": name } },
});

export function createNamespaceNetworkPolicies(args: NamespaceTrafficArgs, opts: pulumi.CustomResourceOptions) {
    const meta = (name: string) => ({ name, namespace: args.namespace, labels: args.labels });
    const policy = (name: string, spec: k8s.types.input.networking.v1.NetworkPolicySpec) =>
        new k8s.networking.v1.NetworkPolicy(`${args.resourcePrefix}-${name}`,
            { metadata: meta(name), spec }, opts);
    const policies = [
        policy(DEFAULT_DENY_POLICY, { podSelector: {}, policyTypes: ["Ingress", "Egress"] }),
        policy("allow-dns", {
            podSelector: {},
            policyTypes: ["Egress"],
            egress: [{
                to: [{ ...fromNamespace("kube-system"), podSelector: { matchLabels: { "k8s-app": "kube-dns" } } }],
                ports: [{ protocol: "UDP", port: 53 }, { protocol: "TCP", port: 53 }],
            }],
        }),
        policy("allow-ingress-gateway", {
            podSelector: {},
            policyTypes: ["Ingress"],
            ingress: [{ from: [fromNamespace(args.ingressGatewayNamespace)] }],
        }),
        policy("allow-monitoring-scrape", {
            podSelector: {},
            policyTypes: ["Ingress"],
            ingress: [{ from: [fromNamespace(args.monitoringNamespace)] }],
        }),
        policy("allow-same-namespace-egress", {
            podSelector: {},
            policyTypes: ["Egress"],
            egress: [{ to: [{ podSelector: {} }] }],
        }),
    ];
    if (args.meshControlPlaneNamespace) {
        policies.push(policy("allow-mesh-control-plane", {
            podSelector: {},
            policyTypes: ["Egress"],
            egress: [{ to: [fromNamespace(args.meshControlPlaneNamespace)], ports: [{ protocol: "TCP", port: 15012 }] }],
        }));
    }
    if (args.tracingNamespace) {
        policies.push(policy("allow-trace-export", {
            podSelector: {},
            policyTypes: ["Egress"],
            egress: [{
                to: [fromNamespace(args.tracingNamespace)],
                ports: [{ protocol: "TCP", port: 4317 }, { protocol: "TCP", port: 4318 }],
            }],
        }));
    }
    return policies;
}
