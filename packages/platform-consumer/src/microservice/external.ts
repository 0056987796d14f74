// A service's dependencies outside the cluster (a payment provider's API, a managed database):
// host, port and protocol. The mesh learns each host from a ServiceEntry visible only to the
// service's namespace, so with the mesh's outbound policy REGISTRY_ONLY an undeclared host fails
// closed; the service's NetworkPolicy lets its pods out on the declared ports only.
import { createHash } from "crypto";
import type * as k8s from "@pulumi/kubernetes";
import { z } from "zod";
import { invalidHostReason } from "../shared/references";
import { wholeRange } from "../shared/fields";

/** The ServiceEntry port protocols a dependency may use (Istio's names). */
export const EXTERNAL_PROTOCOLS = ["HTTPS", "TLS", "HTTP", "GRPC", "TCP"] as const;

export interface ExternalDependency {
    /** The DNS name the service dials, e.g. "api.stripe.com" (no scheme, path or port). */
    host: string;
    port: number;
    /** HTTPS or TLS: the service's own TLS passes through, routed by SNI. */
    protocol: (typeof EXTERNAL_PROTOCOLS)[number];
}

const externalHost = z.string({ message: "must be a host name" }).superRefine((host, ctx) => {
    const reason = invalidHostReason(host);
    if (reason) ctx.addIssue({ code: "custom", message: reason });
    else if (host.startsWith("*.")) ctx.addIssue({ code: "custom", message: "must name one host: a wildcard cannot be resolved by DNS, so the mesh could not route it" });
    else if (!host.includes(".") || /\.(svc|local)$/.test(host)) {
        ctx.addIssue({ code: "custom", message: "must be a fully qualified external name such as \"api.stripe.com\"; services in the cluster are reached through their own policies" });
    }
});

export const externalDependencySchema = z.strictObject({
    host: externalHost,
    port: wholeRange(1, 65_535, "must be a port number, 1-65535"),
    protocol: z.enum(EXTERNAL_PROTOCOLS, { message: `must be one of ${EXTERNAL_PROTOCOLS.join(", ")}` }),
});

export const externalDependenciesSchema = z.array(externalDependencySchema, { message: "must be a list of { host, port, protocol }" })
    .superRefine((deps, ctx) => {
        const seen = new Set<string>();
        deps.forEach((dep, i) => {
            const key = `${dep?.host}:${dep?.port}`;
            if (seen.has(key)) ctx.addIssue({ code: "custom", path: [i], message: `${key} is listed twice` });
            seen.add(key);
        });
    });

/** The ServiceEntry of a service's host: "<service>-<host with dashes>", hashed down to a DNS label when longer. */
export function serviceEntryName(service: string, host: string): string {
    const full = `${service}-${host.replace(/\./g, "-")}`;
    return full.length <= 63 ? full : `${full.slice(0, 54)}-${createHash("sha256").update(full).digest("hex").slice(0, 8)}`;
}

/** One ServiceEntry per host, with every declared port of it; visible in the service's namespace only. */
export function serviceEntrySpecs(deps: readonly ExternalDependency[]): { host: string; spec: Record<string, unknown> }[] {
    const hosts = [...new Set(deps.map((d) => d.host))];
    return hosts.map((host) => ({
        host,
        spec: {
            hosts: [host],
            location: "MESH_EXTERNAL",
            resolution: "DNS",
            exportTo: ["."],
            ports: deps.filter((d) => d.host === host)
                .map((d) => ({ number: d.port, name: `${d.protocol.toLowerCase()}-${d.port}`, protocol: d.protocol })),
        },
    }));
}

/** Where the declared TLS hosts leave through, when the platform runs an egress gateway: its pods. */
export interface EgressGatewayPeer {
    namespace: string;
    workloadSelector: Record<string, string>;
}

/**
 * The egress rules letting the service's pods leave the cluster on the declared ports: a
 * NetworkPolicy cannot name a host, so the address is any; the mesh (REGISTRY_ONLY) decides the host.
 * With an egress gateway the pods reach only its pods on those ports: the gateway is the one exit.
 */
export function externalEgress(deps: readonly ExternalDependency[], gateway?: EgressGatewayPeer): k8s.types.input.networking.v1.NetworkPolicyEgressRule[] {
    if (deps.length === 0) return [];
    const ports = [...new Set(deps.map((d) => d.port))].sort((a, b) => a - b).map((port) => ({ protocol: "TCP", port }));
    const to = gateway
        ? [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": gateway.namespace } }, podSelector: { matchLabels: { ...gateway.workloadSelector } } }]
        : [{ ipBlock: { cidr: "0.0.0.0/0" } }];
    return [{ to, ports }];
}

/** Declared hosts the egress gateway cannot carry: it routes TLS by SNI, so only TLS passes. */
export function egressGatewayProblems(deps: readonly ExternalDependency[]): string[] {
    return deps.flatMap((dep, i) => dep.protocol === "TLS" ? [] : [
        `external[${i}].protocol: the platform sends external traffic through its egress gateway, which passes only TLS through (routed by SNI); ` +
        `declare the host as TLS if the service speaks TLS to it (HTTPS does), or ask the platform team for another exit (got ${JSON.stringify(dep.protocol)})`,
    ]);
}
