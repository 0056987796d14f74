// The egress gateway's routing, generated from the TLS hosts services declare (Microservice
// `external`), after Istio's pattern for TLS passthrough through an egress gateway: a Gateway on the
// egress gateway pods passing each host's TLS through by SNI; per host a VirtualService bound to
// `mesh` (a sidecar sends the host's connections to the egress gateway) and to that Gateway (the
// gateway sends them on to the host), visible to the declaring namespaces and the gateway's only;
// and a ServiceEntry in the gateway's namespace, so the gateway knows the host as the declaring
// namespace does. The platform owns these objects, not the teams: a team's routes stay in its
// own namespace (the pack's TEN003). The service's own ServiceEntry stays in its namespace.
import type { IGateway } from "@kubernetes-models/istio/networking.istio.io/v1/Gateway";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { serviceEntryName } from "@reference-platform/consumer/microservice";
import { DEFAULT_CLUSTER_DOMAIN } from "@reference-platform/consumer/shared/clusterDomain";
import { EGRESS_GATEWAY, EGRESS_GATEWAY_NAME, EGRESS_GATEWAY_SELECTOR } from "./names";
import { namespacedHost } from "./publicGateway";

/** One declared external host:port of one service, as the platform reads it. */
export interface ExternalRoute {
    /** The declaring service's namespace. */
    namespace: string;
    service: string;
    host: string;
    port: number;
    protocol: string;
}

/** A host the gateway carries: its ports and the namespaces whose services declared it. */
export interface EgressHost {
    host: string;
    ports: number[];
    namespaces: string[];
}

/** The protocol the egress gateway carries: TLS, passed through by SNI. */
export const EGRESS_PROTOCOL = "TLS";

const sortedUnique = <T>(values: T[]): T[] => [...new Set(values)].sort();
const numeric = (a: number, b: number) => a - b;

/** The TLS routes by host, in host order; other protocols are not the gateway's. */
export function egressHosts(routes: readonly ExternalRoute[]): EgressHost[] {
    const tls = routes.filter((r) => r.protocol === EGRESS_PROTOCOL);
    return sortedUnique(tls.map((r) => r.host)).map((host) => {
        const ofHost = tls.filter((r) => r.host === host);
        return {
            host,
            ports: [...new Set(ofHost.map((r) => r.port))].sort(numeric),
            namespaces: sortedUnique(ofHost.map((r) => r.namespace)),
        };
    });
}

/** Every port a declared TLS host uses: the egress gateway listens on each (Service port = pod port). */
export function egressPorts(hosts: readonly EgressHost[]): number[] {
    return [...new Set(hosts.flatMap((h) => h.ports))].sort(numeric);
}

/** The egress gateway's Service, as a sidecar's route names it. */
export function egressGatewayHost(gatewayNamespace: string, clusterDomain = DEFAULT_CLUSTER_DOMAIN): string {
    return `${EGRESS_GATEWAY_NAME}.${gatewayNamespace}.svc.${clusterDomain}`;
}

/** "<namespace>/<name>" of the egress Gateway, for the VirtualServices' `gateways`. */
export function egressGatewayRef(gatewayNamespace: string): string {
    return `${gatewayNamespace}/${EGRESS_GATEWAY}`;
}

/** One server per port: TLS passed through (the service's own TLS, end to end) for the hosts on it. */
export function egressGatewaySpec(hosts: readonly EgressHost[], gatewayNamespace: string): IGateway["spec"] {
    return {
        selector: { ...EGRESS_GATEWAY_SELECTOR },
        servers: egressPorts(hosts).map((port) => ({
            port: { number: port, name: `tls-${port}`, protocol: EGRESS_PROTOCOL },
            // Namespace-qualified: only the platform's VirtualServices (in the gateway's namespace) bind them.
            hosts: hosts.filter((h) => h.ports.includes(port)).map((h) => namespacedHost(gatewayNamespace, h.host)),
            tls: { mode: "PASSTHROUGH" },
        })),
    };
}

/** A host's two hops per port: the sidecar to the egress gateway, the egress gateway to the host. */
export function egressVirtualServiceSpec(host: EgressHost, gatewayNamespace: string): Record<string, unknown> {
    const gateway = egressGatewayRef(gatewayNamespace);
    const hop = (from: string, to: string, port: number) => ({
        match: [{ gateways: [from], port, sniHosts: [host.host] }],
        route: [{ destination: { host: to, port: { number: port } }, weight: 100 }],
    });
    return {
        hosts: [host.host],
        gateways: ["mesh", gateway],
        // The declaring namespaces' sidecars, and the gateway: no other namespace routes to the host.
        exportTo: sortedUnique([gatewayNamespace, ...host.namespaces]),
        tls: host.ports.flatMap((port) => [
            hop("mesh", egressGatewayHost(gatewayNamespace), port),
            hop(gateway, host.host, port),
        ]),
    };
}

/** The host as the gateway's namespace knows it: the same entry the declaring service has, visible there only. */
export function egressServiceEntrySpec(host: EgressHost): Record<string, unknown> {
    return {
        hosts: [host.host],
        location: "MESH_EXTERNAL",
        resolution: "DNS",
        exportTo: ["."],
        ports: host.ports.map((port) => ({ number: port, name: `tls-${port}`, protocol: EGRESS_PROTOCOL })),
    };
}

/** The Gateway, VirtualService and ServiceEntry of one host share this name: "egress-<host with dashes>". */
export const egressObjectName = (host: string) => serviceEntryName("egress", host);

export interface EgressRoutingArgs {
    /** The egress gateway's namespace. */
    namespace: pulumi.Input<string>;
    routes: readonly ExternalRoute[];
    labels: Record<string, string>;
}

/** `opts.dependsOn` must include the base chart (CRDs) and istiod (validation webhook). Nothing without a TLS host. */
export function createEgressRouting(name: string, args: EgressRoutingArgs, opts: pulumi.CustomResourceOptions): void {
    const hosts = egressHosts(args.routes);
    if (hosts.length === 0) return;
    const namespace = pulumi.output(args.namespace);
    const istio = (kind: string, resourceName: string, objectName: string, spec: pulumi.Input<object>) =>
        new k8s.apiextensions.CustomResource(resourceName, {
            apiVersion: "networking.istio.io/v1",
            kind,
            metadata: { name: objectName, namespace: args.namespace, labels: args.labels },
            spec,
        }, opts);
    istio("Gateway", `${name}-${EGRESS_GATEWAY}`, EGRESS_GATEWAY, namespace.apply((ns) => egressGatewaySpec(hosts, ns)));
    for (const host of hosts) {
        const objectName = egressObjectName(host.host);
        istio("ServiceEntry", `${name}-${objectName}`, objectName, egressServiceEntrySpec(host));
        istio("VirtualService", `${name}-${objectName}`, objectName, namespace.apply((ns) => egressVirtualServiceSpec(host, ns)));
    }
}
