// Zero trust for one service: its namespace admits nothing by default, and this ALLOW policy
// names the only identities that may call it (its callers' ServiceAccounts, plus the ingress
// gateway when public). Prometheus may only GET /metrics on the metrics port.
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
    if (inputs.principals.length > 0) {
        rules.push({ from: [{ source: { principals: [...inputs.principals] } }], to: [{ operation: { ports: [String(inputs.httpPort)] } }] });
    }
    if (inputs.scrapedPort !== undefined) {
        const scrape = { to: [{ operation: { ports: [String(inputs.scrapedPort)], methods: ["GET"], paths: ["/metrics"] } }] };
        // Plaintext scrapes have no principal; the NetworkPolicy then admits only the monitoring namespace.
        rules.push(inputs.scraperPrincipal ? { from: [{ source: { principals: [inputs.scraperPrincipal] } }], ...scrape } : scrape);
    }
    // With no rules an ALLOW policy matches nothing: nobody may call the service.
    return { selector: { matchLabels: { ...inputs.selector } }, action: "ALLOW", rules };
}
