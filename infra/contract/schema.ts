// The stack-reference contract: what application teams' programs may read from a platform
// stack. The same shape in every stack; a disabled area keeps its keys, with null values.
// Changing this shape means bumping CONTRACT_VERSION (test/contract enforces it).
import { z } from "zod";

/** Bump on any change to the schemas below, and record the new shape (see test/contract). */
export const CONTRACT_VERSION = 1;

const name = z.string().min(1);
const url = z.string().regex(/^https?:\/\//);
const hostPort = z.string().regex(/^[a-z0-9.-]+:\d+$/);
/** A map keyed by team name. */
const byTeam = z.record(z.string(), name);

export const contractSchema = z.strictObject({
    contractVersion: z.number().int().min(1),
    namespaces: z.strictObject({
        meshControlPlane: name.nullable(),
        ingressGateway: name.nullable(),
        monitoring: name.nullable(),
        tracing: name.nullable(),
        logging: name.nullable(),
        gitops: name.nullable(),
        teams: byTeam,
    }),
    mesh: z.strictObject({
        gatewayServiceName: name.nullable(),
        gatewayNamespace: name.nullable(),
        /** "<namespace>/<name>" of the shared Gateway a VirtualService binds to. */
        gatewayRef: name.nullable(),
        revision: name.nullable(),
        trustDomain: name.nullable(),
        mtlsMode: z.enum(["STRICT", "PERMISSIVE"]).nullable(),
        /** SPIFFE principal of the ingress gateway, for a service's AuthorizationPolicy. */
        gatewayPrincipal: name.nullable(),
        /** In-cluster URL of the Kiali console (reach it with kubectl port-forward); null when it is off. */
        kialiUrl: url.nullable(),
    }),
    monitoring: z.strictObject({
        prometheusUrl: url.nullable(),
        alertmanagerUrl: url.nullable(),
        grafanaUrl: url.nullable(),
        /**
         * Set when the mesh enforces STRICT mTLS: Prometheus scrapes with its mesh certificate (files
         * as its container sees them), and a service admits its identity on the metrics port.
         */
        mtlsScrape: z.strictObject({
            caFile: name,
            certFile: name,
            keyFile: name,
            prometheusNamespace: name,
            prometheusServiceAccount: name,
        }).nullable(),
    }),
    tracing: z.strictObject({
        otlpGrpcEndpoint: hostPort.nullable(),
        otlpHttpEndpoint: url.nullable(),
        queryUrl: url.nullable(),
    }),
    logging: z.strictObject({
        elasticsearchUrl: url.nullable(),
        kibanaUrl: url.nullable(),
        /** Name of the Secret (in the logging namespace) holding the credentials; never the password. */
        credentialsSecretName: name.nullable(),
    }),
    gitops: z.strictObject({
        namespace: name.nullable(),
        serverUrl: url.nullable(),
        /** Team name -> the Argo CD AppProject its Applications must use. */
        appProjects: byTeam.nullable(),
    }),
});

export type PlatformContract = z.infer<typeof contractSchema>;
export type ContractArea = Exclude<keyof PlatformContract, "contractVersion">;
export const CONTRACT_AREAS = Object.keys(contractSchema.shape).filter((k) => k !== "contractVersion") as ContractArea[];
