// The gateway side of a service's edge rules: a DENY AuthorizationPolicy on the ingress gateway
// workload for the service's hosts and paths. DENY, not ALLOW: an ALLOW policy on the gateway
// would deny every request it does not match, closing the public routes of every other service.
// A request without a valid token (no request principal) is denied (403); a malformed or
// unverifiable token never gets this far, the RequestAuthentication rejects it (401).
import type { IAuthorizationPolicy } from "@kubernetes-models/istio/security.istio.io/v1/AuthorizationPolicy" with { "resolution-mode": "import" };
import { ResolvedEdge } from "./resolve";

export type GatewayAuthorizationSpec = NonNullable<IAuthorizationPolicy["spec"]>;
type Operation = { hosts: string[]; paths?: string[] };

/** The request paths a prefix covers, in AuthorizationPolicy syntax (a trailing * is a prefix match). */
export function pathPatterns(prefix: string): string[] {
    return [prefix, `${prefix}/*`];
}

/** Host names as clients send them: with or without a port in the Host header. */
export function hostPatterns(host: string): string[] {
    return [host, `${host}:*`];
}

export function gatewayAuthorizationSpec(gatewaySelector: Record<string, string>, hosts: string[], edge: ResolvedEdge): GatewayAuthorizationSpec {
    const operation: Operation = {
        hosts: hosts.flatMap(hostPatterns),
        ...(edge.paths ? { paths: edge.paths.flatMap(pathPatterns) } : {}),
    };
    const to = [{ operation }];
    const rules: NonNullable<GatewayAuthorizationSpec["rules"]> = [
        { from: [{ source: { notRequestPrincipals: ["*"] } }], to },
        // One rule per claim, so a token missing any one of them is denied.
        ...Object.entries(edge.claims).map(([claim, values]) => ({
            to,
            when: [{ key: `request.auth.claims[${claim}]`, notValues: [...values] }],
        })),
    ];
    return { selector: { matchLabels: { ...gatewaySelector } }, action: "DENY", rules };
}
