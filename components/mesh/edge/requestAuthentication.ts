// Token validation at the ingress gateway: one RequestAuthentication on the gateway pods with a
// jwtRule per trusted issuer. A request carrying a token that is malformed, expired, from an
// unknown issuer or for another audience is rejected with 401; a request without a token passes
// without an identity, and the gateway AuthorizationPolicies of the routes that need one deny it.
import type { IRequestAuthentication } from "@kubernetes-models/istio/security.istio.io/v1/RequestAuthentication";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { EdgeIssuer } from "./settings";
import { GATEWAY_SELECTOR } from "../names";

export const EDGE_REQUEST_AUTHENTICATION = "edge-jwt";

type JwtRule = NonNullable<NonNullable<IRequestAuthentication["spec"]>["jwtRules"]>[number];

/** One issuer as an Istio jwtRule; the inline JWKS may still be an Output (a generated key). */
export function jwtRule(issuer: EdgeIssuer): JwtRule {
    return {
        issuer: issuer.issuer,
        ...(issuer.jwksUri !== undefined ? { jwksUri: issuer.jwksUri } : {}),
        ...(issuer.jwks !== undefined ? { jwks: issuer.jwks } : {}),
        ...(issuer.audiences ? { audiences: [...issuer.audiences] } : {}),
        ...(issuer.forwardOriginalToken !== undefined ? { forwardOriginalToken: issuer.forwardOriginalToken } : {}),
        ...(issuer.outputClaimToHeaders ? { outputClaimToHeaders: issuer.outputClaimToHeaders.map((h) => ({ ...h })) } : {}),
    };
}

export interface EdgeRequestAuthenticationArgs {
    /** The ingress gateway's namespace: the policy applies to the workloads it selects there. */
    namespace: pulumi.Input<string>;
    issuers: pulumi.Input<EdgeIssuer>[];
    labels: Record<string, string>;
}

/** `opts.dependsOn` must include the base chart (CRD) and istiod (validation webhook). */
export function createEdgeRequestAuthentication(
    name: string, args: EdgeRequestAuthenticationArgs, opts: pulumi.CustomResourceOptions,
): k8s.apiextensions.CustomResource {
    const spec = pulumi.all(args.issuers).apply((issuers): IRequestAuthentication["spec"] => ({
        selector: { matchLabels: { ...GATEWAY_SELECTOR } },
        jwtRules: issuers.map(jwtRule),
    }));
    return new k8s.apiextensions.CustomResource(name, {
        apiVersion: "security.istio.io/v1",
        kind: "RequestAuthentication",
        metadata: { name: EDGE_REQUEST_AUTHENTICATION, namespace: args.namespace, labels: args.labels },
        spec,
    }, opts);
}
