// The stack-reference contract: what application teams' programs may read from a platform
// stack. The same shape in every stack; a disabled area keeps its keys, with null values.
// Changing this shape means bumping CONTRACT_VERSION, which is this package's major version
// (test/contract and test/consumer enforce both).
import { z } from "zod";

/** Bump on any change to the schemas below, then `npm run contract:record` (see the README). */
export const CONTRACT_VERSION = 3;

export const POD_SECURITY_LEVELS = ["privileged", "baseline", "restricted"] as const;
export type PodSecurityLevel = (typeof POD_SECURITY_LEVELS)[number];

export const MTLS_MODES = ["STRICT", "PERMISSIVE"] as const;
export type MtlsMode = (typeof MTLS_MODES)[number];

const name = z.string().min(1);
const url = z.string().regex(/^https?:\/\//);
const hostPort = z.string().regex(/^[a-z0-9.-]+:\d+$/);
/** A Kubernetes quantity as the platform writes it: "250m", "512Mi", "1". */
const quantity = z.string().regex(/^\d+(\.\d+)?(m|k|Ki|Mi|Gi|Ti|Pi|Ei|M|G|T|P|E)?$/);
/** A count or a percentage, as a Deployment's rolling update takes them: "1", "25%". */
const countOrPercent = z.string().regex(/^\d+%?$/);
const positive = z.number().int().min(1);
const percent = z.number().int().min(1).max(100);
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
        /** The Pod Security Admission level enforced on every team namespace. */
        teamPodSecurityLevel: z.enum(POD_SECURITY_LEVELS),
        /** Since v3: what every team namespace admits (its LimitRange and ResourceQuota). */
        teamLimits: z.strictObject({
            /** What the LimitRange gives a container that sets none; cpu is null when it adds no CPU limit. */
            containerDefaults: z.strictObject({
                requests: z.strictObject({ cpu: quantity, memory: quantity }),
                limits: z.strictObject({ cpu: quantity.nullable(), memory: quantity }),
            }),
            /** The ResourceQuota: sums over every pod of the namespace. */
            quota: z.strictObject({ requestsCpu: quantity, requestsMemory: quantity, limitsCpu: quantity, limitsMemory: quantity, pods: positive }),
        }),
    }),
    /** The defaults the platform's profile gives every service; a service may override each. */
    workloads: z.strictObject({
        replicas: positive,
        resources: z.strictObject({
            requests: z.strictObject({ cpu: quantity, memory: quantity }),
            /** cpu is null when the platform sets no CPU limit (it throttles latency-sensitive services). */
            limits: z.strictObject({ cpu: quantity.nullable(), memory: quantity }),
        }),
        autoscaling: z.strictObject({
            enabled: z.boolean(),
            minReplicas: positive,
            maxReplicas: positive,
            targetCpuUtilizationPercent: percent,
            targetMemoryUtilizationPercent: percent,
        }),
        disruptionBudget: z.strictObject({ enabled: z.boolean(), maxUnavailable: positive }),
        rollingUpdate: z.strictObject({ maxSurge: countOrPercent, maxUnavailable: countOrPercent }),
    }),
    mesh: z.strictObject({
        gatewayServiceName: name.nullable(),
        gatewayNamespace: name.nullable(),
        /** "<namespace>/<name>" of the shared Gateway a VirtualService binds to. */
        gatewayRef: name.nullable(),
        revision: name.nullable(),
        trustDomain: name.nullable(),
        mtlsMode: z.enum(MTLS_MODES).nullable(),
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
