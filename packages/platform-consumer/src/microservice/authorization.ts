// Zero trust for one service: its namespace admits nothing by default, and this ALLOW policy
// names the only identities that may call it (its callers' ServiceAccounts, plus the ingress
// gateway when public). Prometheus may only GET /metrics on the metrics port. When the edge
// requires a token for the service, so does the service itself: a request through the gateway
// must carry a valid token (a request principal) with the edge's claims, whichever route it took.
import type { IAuthorizationPolicy } from "@kubernetes-models/istio/security.istio.io/v1/AuthorizationPolicy" with { "resolution-mode": "import" };

export type AuthorizationPolicySpec = NonNullable<IAuthorizationPolicy["spec"]>;

/** The SPIFFE identity Istio gives pods running as a ServiceAccount. */
export function serviceAccountPrincipal(trustDomain: string, namespace: string, serviceAccount: string): string {
    return `${trustDomain}/ns/${namespace}/sa/${serviceAccount}`;
}

export interface AuthorizationInputs {
    /** Pod labels selecting every track of the service. */
    selector: Record<string, string>;
    /** Principals allowed on the http port. */
    principals: string[];
    /** The ingress gateway's principal, when the service is public, and what its requests must carry. */
    gateway?: { principal: string; requireJwt: boolean; claims: Record<string, string[]> };
    httpPort: number;
    /** The metrics port, when Prometheus scrapes it. */
    scrapedPort?: number;
    /**
     * Prometheus's principal, when it scrapes over mesh mTLS (STRICT). Without one, scrapes arrive
     * in plaintext (the mesh is PERMISSIVE) and carry no identity to match.
     */
    scraperPrincipal?: string;
}

export function authorizationPolicySpec(inputs: AuthorizationInputs): AuthorizationPolicySpec {
    const rules: NonNullable<AuthorizationPolicySpec["rules"]> = [];
    const http = [{ operation: { ports: [String(inputs.httpPort)] } }];
    if (inputs.principals.length > 0) {
        rules.push({ from: [{ source: { principals: [...inputs.principals] } }], to: http });
    }
    const gateway = inputs.gateway;
    if (gateway) {
        const claims = Object.entries(gateway.claims);
        rules.push({
            from: [{ source: { principals: [gateway.principal], ...(gateway.requireJwt ? { requestPrincipals: ["*"] } : {}) } }],
            to: http,
            ...(gateway.requireJwt && claims.length > 0
                ? { when: claims.map(([claim, values]) => ({ key: `request.auth.claims[${claim}]`, values: [...values] })) }
                : {}),
        });
    }
    if (inputs.scrapedPort !== undefined) {
        const scrape = { to: [{ operation: { ports: [String(inputs.scrapedPort)], methods: ["GET"], paths: ["/metrics"] } }] };
        // Plaintext scrapes have no principal; the NetworkPolicy then admits only the monitoring namespace.
        rules.push(inputs.scraperPrincipal ? { from: [{ source: { principals: [inputs.scraperPrincipal] } }], ...scrape } : scrape);
    }
    // With no rules an ALLOW policy matches nothing: nobody may call the service.
    return { selector: { matchLabels: { ...inputs.selector } }, action: "ALLOW", rules };
}
