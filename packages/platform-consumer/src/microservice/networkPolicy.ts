// Who may reach this service: its declared callers on the http port, the ingress gateway when
// public, and Prometheus on the metrics port; and where it may go beyond what its namespace
// allows every pod: the hosts outside the cluster it declares, on their ports. Everything else
// stays denied by the namespace.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { externalEgress } from "./external";
import { ResolvedMicroservice } from "./resolve";

const byNamespace = (name: pulumi.Input<string>) => ({ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": name } } });

/** `egressNamespace`: the egress gateway's namespace, when the service's TLS hosts leave through it. */
export function serviceNetworkPolicySpec(service: ResolvedMicroservice, egressNamespace?: string): k8s.types.input.networking.v1.NetworkPolicySpec {
    const ingress: k8s.types.input.networking.v1.NetworkPolicyIngressRule[] = [];
    const callers = service.callers;
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
    if (service.public) {
        ingress.push({ from: [byNamespace(service.platformNamespaces.ingressGateway)], ports: [{ protocol: "TCP", port: "http" }] });
    }
    if (service.ports.metrics !== undefined) {
        ingress.push({ from: [byNamespace(service.platformNamespaces.monitoring)], ports: [{ protocol: "TCP", port: "metrics" }] });
    }
    const gateway = service.mesh?.egressGateway;
    const egress = externalEgress(service.external ?? [],
        gateway && egressNamespace !== undefined ? { namespace: egressNamespace, workloadSelector: gateway.workloadSelector } : undefined);
    return {
        podSelector: { matchLabels: { "app.kubernetes.io/name": service.name } },
        policyTypes: egress.length > 0 ? ["Ingress", "Egress"] : ["Ingress"],
        ingress,
        ...(egress.length > 0 ? { egress } : {}),
    };
}
