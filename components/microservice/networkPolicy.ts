// Who may reach this service: its declared callers on the http port, the ingress gateway when
// public, and Prometheus on the metrics port. Everything else stays denied by the namespace.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { MicroserviceArgs } from "./args";

const byNamespace = (name: pulumi.Input<string>) => ({ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": name } } });

export function serviceNetworkPolicySpec(
    name: string, args: MicroserviceArgs, callers: string[],
): k8s.types.input.networking.v1.NetworkPolicySpec {
    const ingress: k8s.types.input.networking.v1.NetworkPolicyIngressRule[] = [];
    if (callers.length > 0) {
        ingress.push({
            from: [{
                podSelector: {
                    matchExpressions: [{ key: "app.kubernetes.io/name", operator: "In", values: callers }],
                },
            }],
            ports: [{ protocol: "TCP", port: "http" }],
        });
    }
    if (args.public) {
        ingress.push({ from: [byNamespace(args.platformNamespaces.ingressGateway)], ports: [{ protocol: "TCP", port: "http" }] });
    }
    if (args.ports.metrics !== undefined) {
        ingress.push({ from: [byNamespace(args.platformNamespaces.monitoring)], ports: [{ protocol: "TCP", port: "metrics" }] });
    }
    return {
        podSelector: { matchLabels: { "app.kubernetes.io/name": name } },
        policyTypes: ["Ingress"],
        ingress,
    };
}
