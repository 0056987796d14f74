// The shared Istio Gateway on the ingress gateway pods: HTTPS for the public hosts with the
// stack's certificate, and plain HTTP only to redirect to HTTPS. Services bind VirtualServices
// to it by its "<namespace>/<name>" reference. Its hosts are namespace-qualified
// ("shop/shop.example.com"): only VirtualServices in the namespace that owns the hosts bind to
// them, so another team's VirtualService for the same host is ignored at the gateway.
import type { IGateway } from "@kubernetes-models/istio/networking.istio.io/v1/Gateway";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { GATEWAY_SELECTOR, PUBLIC_GATEWAY } from "./names";

export interface PublicGatewayArgs {
    /** The ingress gateway's namespace; the TLS Secret must live there too. */
    namespace: pulumi.Input<string>;
    hosts: string[];
    /** The namespace whose VirtualServices may bind the hosts (the team that serves them). */
    routeNamespace: pulumi.Input<string>;
    tlsSecretName: string;
    labels: Record<string, string>;
}

/** The shared Gateway's servers' ports: HTTPS, and HTTP that only redirects. */
export const PUBLIC_GATEWAY_PORTS = [
    { number: 443, name: "https", protocol: "HTTPS" },
    { number: 80, name: "http", protocol: "HTTP" },
] as const;
const [HTTPS_PORT, HTTP_PORT] = PUBLIC_GATEWAY_PORTS;

/** A Gateway server host that only VirtualServices of `namespace` may bind. */
export function namespacedHost(namespace: string, host: string): string {
    return `${namespace}/${host}`;
}

export function publicGatewaySpec(publicHosts: string[], routeNamespace: string, tlsSecretName: string): IGateway["spec"] {
    const hosts = publicHosts.map((host) => namespacedHost(routeNamespace, host));
    return {
        selector: { ...GATEWAY_SELECTOR },
        servers: [
            {
                port: { ...HTTPS_PORT },
                hosts: [...hosts],
                tls: { mode: "SIMPLE", credentialName: tlsSecretName },
            },
            {
                port: { ...HTTP_PORT },
                hosts: [...hosts],
                tls: { httpsRedirect: true },
            },
        ],
    };
}

/** `opts.dependsOn` must include the base chart (CRD) and istiod (validation webhook). */
export function createPublicGateway(
    name: string, args: PublicGatewayArgs, opts: pulumi.CustomResourceOptions,
): k8s.apiextensions.CustomResource {
    return new k8s.apiextensions.CustomResource(name, {
        apiVersion: "networking.istio.io/v1",
        kind: "Gateway",
        metadata: { name: PUBLIC_GATEWAY, namespace: args.namespace, labels: args.labels },
        spec: pulumi.output(args.routeNamespace).apply((ns) => publicGatewaySpec(args.hosts, ns, args.tlsSecretName)),
    }, opts);
}
