// Edge security on the ingress gateway pods: dev's local issuer, token validation for every
// trusted issuer, and a token bucket per public host.
import * as pulumi from "@pulumi/pulumi";
import { MeshSettings } from "../settings";
import { PUBLIC_GATEWAY_PORTS } from "../publicGateway";
import { LocalIssuer } from "./localIssuer";
import { createEdgeRateLimit } from "./rateLimit";
import { createEdgeRequestAuthentication, createWorkloadRequestAuthentication, IssuerInput } from "./requestAuthentication";

/** Claims the gateway copies into request headers for dev's tokens. */
const LOCAL_ISSUER_CLAIM_HEADERS = [{ header: "x-jwt-sub", claim: "sub" }];

export interface EdgeSecurityArgs {
    settings: Pick<MeshSettings, "edgeAuth" | "rateLimit" | "gatewayHosts">;
    /** Where the local issuer's key Secret lives (the root namespace) and where the gateway runs. */
    namespaces: { istioSystem: pulumi.Input<string>; ingressGateway: pulumi.Input<string> };
    /** Team name -> its namespace, where workloads validate the same tokens again. */
    tenantNamespaces: Record<string, pulumi.Input<string>>;
    labels: Record<string, string>;
}

export interface EdgeSecurity {
    localIssuer?: LocalIssuer;
    /** Every trusted issuer's URL. */
    issuers: pulumi.Output<string[]>;
}

/**
 * `parent` is the Mesh; `afterControlPlane` must depend on the base chart (CRDs) and istiod
 * (validation webhook).
 */
export function createEdgeSecurity(name: string, args: EdgeSecurityArgs, parent: pulumi.CustomResourceOptions,
    afterControlPlane: pulumi.CustomResourceOptions): EdgeSecurity {
    const s = args.settings;
    const localIssuer = s.edgeAuth.localIssuer
        ? new LocalIssuer(`${name}-local-issuer`, { namespace: args.namespaces.istioSystem, labels: args.labels }, parent)
        : undefined;
    const issuers: IssuerInput[] = [
        ...s.edgeAuth.issuers,
        ...(localIssuer
            ? [{ issuer: localIssuer.issuer, jwks: localIssuer.jwks, audiences: localIssuer.audience.apply((a) => [a]), outputClaimToHeaders: LOCAL_ISSUER_CLAIM_HEADERS }]
            : []),
    ];
    if (issuers.length > 0) {
        createEdgeRequestAuthentication(`${name}-edge-jwt`, { namespace: args.namespaces.ingressGateway, issuers, labels: args.labels }, afterControlPlane);
        for (const [team, namespace] of Object.entries(args.tenantNamespaces)) {
            createWorkloadRequestAuthentication(`${name}-workload-jwt-${team}`, { namespace, issuers, labels: args.labels }, afterControlPlane);
        }
    }
    if (s.rateLimit.enabled) {
        createEdgeRateLimit(`${name}-edge-rate-limit`, {
            namespace: args.namespaces.ingressGateway,
            buckets: Object.fromEntries(s.gatewayHosts.map((host) => [host, s.rateLimit.hosts?.[host] ?? s.rateLimit.default])),
            ports: PUBLIC_GATEWAY_PORTS.map((p) => p.number),
            labels: args.labels,
        }, afterControlPlane);
    }
    return { localIssuer, issuers: pulumi.all(issuers.map((i) => i.issuer)) };
}
