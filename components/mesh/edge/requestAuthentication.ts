// Token validation at the ingress gateway: one RequestAuthentication on the gateway pods with a
// jwtRule per trusted issuer. A request carrying a token that is malformed, expired, from an
// unknown issuer or for another audience is rejected with 401; a request without a token passes
// without an identity, and the gateway AuthorizationPolicies of the routes that need one deny it.
// The gateway forwards the token, and every tenant namespace validates it again with the same
// issuers (`workload-jwt`), so a service's own AuthorizationPolicy can require a request principal:
// a route that bypasses the edge's checks (another Gateway, another host) still meets them.
import type { IRequestAuthentication } from "@kubernetes-models/istio/security.istio.io/v1/RequestAuthentication";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { EdgeIssuer } from "./settings";
import { GATEWAY_SELECTOR } from "../names";

export const EDGE_REQUEST_AUTHENTICATION = "edge-jwt";
/** In each tenant namespace, for all its workloads. */
export const WORKLOAD_REQUEST_AUTHENTICATION = "workload-jwt";

type JwtRule = NonNullable<NonNullable<IRequestAuthentication["spec"]>["jwtRules"]>[number];

/** One issuer as an Istio jwtRule; the inline JWKS may still be an Output (a generated key). */
export function jwtRule(issuer: EdgeIssuer): JwtRule {
    return {
        issuer: issuer.issuer,
        ...(issuer.jwksUri !== undefined ? { jwksUri: issuer.jwksUri } : {}),
        ...(issuer.jwks !== undefined ? { jwks: issuer.jwks } : {}),
        ...(issuer.audiences ? { audiences: [...issuer.audiences] } : {}),
        // Forwarded unless the issuer says otherwise: the workload validates it again.
        forwardOriginalToken: issuer.forwardOriginalToken ?? true,
        ...(issuer.outputClaimToHeaders ? { outputClaimToHeaders: issuer.outputClaimToHeaders.map((h) => ({ ...h })) } : {}),
    };
}

export interface RequestAuthenticationArgs {
    /** The ingress gateway's namespace, or a tenant namespace. */
    namespace: pulumi.Input<string>;
    issuers: pulumi.Input<EdgeIssuer>[];
    labels: Record<string, string>;
}

function createRequestAuthentication(name: string, objectName: string, args: RequestAuthenticationArgs,
    selector: Record<string, string> | undefined, opts: pulumi.CustomResourceOptions): k8s.apiextensions.CustomResource {
    const spec = pulumi.all(args.issuers).apply((issuers): IRequestAuthentication["spec"] => ({
        ...(selector ? { selector: { matchLabels: { ...selector } } } : {}),
        jwtRules: issuers.map(jwtRule),
    }));
    return new k8s.apiextensions.CustomResource(name, {
        apiVersion: "security.istio.io/v1",
        kind: "RequestAuthentication",
        metadata: { name: objectName, namespace: args.namespace, labels: args.labels },
        spec,
    }, opts);
}

/** On the gateway pods. `opts.dependsOn` must include the base chart (CRD) and istiod (validation webhook). */
export function createEdgeRequestAuthentication(
    name: string, args: RequestAuthenticationArgs, opts: pulumi.CustomResourceOptions,
): k8s.apiextensions.CustomResource {
    return createRequestAuthentication(name, EDGE_REQUEST_AUTHENTICATION, args, GATEWAY_SELECTOR, opts);
}

/** On every workload of a tenant namespace; same `opts` as the edge's. */
export function createWorkloadRequestAuthentication(
    name: string, args: RequestAuthenticationArgs, opts: pulumi.CustomResourceOptions,
): k8s.apiextensions.CustomResource {
    return createRequestAuthentication(name, WORKLOAD_REQUEST_AUTHENTICATION, args, undefined, opts);
}
