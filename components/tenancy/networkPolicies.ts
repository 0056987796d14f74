// A tenant namespace denies all traffic, then allows exactly what every workload needs:
// DNS, the ingress gateway, and Prometheus scrapes. Services add their own caller rules.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";

export interface NamespaceTrafficArgs {
    /** Prefix of the Pulumi resource names, unique per namespace. */
    resourcePrefix: string;
    namespace: pulumi.Input<string>;
    ingressGatewayNamespace: string;
    monitoringNamespace: string;
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
    return [
        policy("default-deny", { podSelector: {}, policyTypes: ["Ingress", "Egress"] }),
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
    ];
}
