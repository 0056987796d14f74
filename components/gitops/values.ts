// The argo-cd chart (10.1.1) value keys this component sets, checked against the chart's values.yaml
// and, under `redis-ha`, the redis-ha 4.38.0 subchart's. A misspelt key fails to compile.
import * as pulumi from "@pulumi/pulumi";

export interface ContainerResources {
    requests: { cpu: string; memory: string };
    limits: { cpu?: string; memory: string };
}

export interface ContainerSecurityContext {
    runAsNonRoot: boolean;
    readOnlyRootFilesystem: boolean;
    allowPrivilegeEscalation: boolean;
    seccompProfile: { type: "RuntimeDefault" };
    capabilities: { drop: string[] };
}

export interface PodSecurityContext {
    runAsNonRoot: boolean;
    seccompProfile: { type: "RuntimeDefault" };
}

export interface DisruptionBudget {
    enabled: boolean;
    maxUnavailable?: number;
}

/** The parts every Argo CD workload shares. */
export interface ArgoWorkload {
    resources: ContainerResources;
    containerSecurityContext: ContainerSecurityContext;
}

export interface ScaledArgoWorkload extends ArgoWorkload {
    replicas: number;
    pdb: DisruptionBudget;
}

export interface RedisHaValues {
    enabled: boolean;
    podDisruptionBudget: { maxUnavailable?: number };
    containerSecurityContext: ContainerSecurityContext;
    init: { resources: ContainerResources };
    redis: { resources: ContainerResources };
    sentinel: { resources: ContainerResources };
    splitBrainDetection: { resources: ContainerResources };
    /** Helm test pods; sized in case a renderer does not skip test hooks. */
    configmapTest: { resources: ContainerResources };
    haproxy: {
        podDisruptionBudget: { maxUnavailable?: number };
        containerSecurityContext: ContainerSecurityContext;
        resources: ContainerResources;
        init: { resources: ContainerResources };
        tests: { resources: ContainerResources };
    };
}

export interface ArgoCdValues {
    global: {
        securityContext: PodSecurityContext;
        logging: { format: "text" | "json" };
    };
    configs: {
        secret: {
            /** bcrypt hash of the admin password, wrapped as a Pulumi secret. */
            argocdServerAdminPassword: pulumi.Output<string>;
            /** RFC 3339; sessions issued before it are invalid. A fixed value keeps renders stable. */
            argocdServerAdminPasswordMtime: string;
        };
    };
    controller: ArgoWorkload & { replicas: number };
    server: ScaledArgoWorkload;
    repoServer: ScaledArgoWorkload;
    applicationSet: ScaledArgoWorkload;
    dex: ArgoWorkload & { enabled: boolean };
    notifications: ArgoWorkload & { enabled: boolean };
    redis: ArgoWorkload;
    /** The component creates the `argocd-redis` Secret itself, so the chart's hook Job is off. */
    redisSecretInit: { enabled: boolean };
    "redis-ha": RedisHaValues;
}
