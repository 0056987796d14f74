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
/** A jwtRule whose fields may be Outputs: only what is unknown stays unknown in a preview. */
type JwtRuleInput = { [K in keyof JwtRule]: pulumi.Input<JwtRule[K]> };

/**
 * A trusted issuer whose fields may still be Outputs (the local issuer's generated key). Kept a
 * plain object rather than one Output, so a first preview knows everything but the key itself,
 * and the policy pack can judge the RequestAuthentication before the key exists.
 */
export type IssuerInput = { [K in keyof EdgeIssuer]: pulumi.Input<EdgeIssuer[K]> };

/** One issuer as an Istio jwtRule. */
export function jwtRule(issuer: IssuerInput): JwtRuleInput {
    return {
        issuer: issuer.issuer,
        ...(issuer.jwksUri !== undefined ? { jwksUri: issuer.jwksUri } : {}),
        ...(issuer.jwks !== undefined ? { jwks: issuer.jwks } : {}),
        ...(issuer.audiences !== undefined ? { audiences: issuer.audiences } : {}),
        // Forwarded unless the issuer says otherwise: the workload validates it again.
        forwardOriginalToken: issuer.forwardOriginalToken ?? true,
        ...(issuer.outputClaimToHeaders !== undefined ? { outputClaimToHeaders: issuer.outputClaimToHeaders } : {}),
    };
}

export interface RequestAuthenticationArgs {
    /** The ingress gateway's namespace, or a tenant namespace. */
    namespace: pulumi.Input<string>;
    issuers: IssuerInput[];
    labels: Record<string, string>;
}

function createRequestAuthentication(name: string, objectName: string, args: RequestAuthenticationArgs,
    selector: Record<string, string> | undefined, opts: pulumi.CustomResourceOptions): k8s.apiextensions.CustomResource {
    return new k8s.apiextensions.CustomResource(name, {
        apiVersion: "security.istio.io/v1",
        kind: "RequestAuthentication",
        metadata: { name: objectName, namespace: args.namespace, labels: args.labels },
        spec: {
            ...(selector ? { selector: { matchLabels: { ...selector } } } : {}),
            jwtRules: args.issuers.map(jwtRule),
        },
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
