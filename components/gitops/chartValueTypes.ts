// The argo-cd chart (10.1.1) value keys this component sets, checked against the chart's values.yaml
// and, under `redis-ha`, the redis-ha 4.38.0 subchart's. A misspelt key fails to compile.
import { ComputeResources } from "@reference-platform/consumer/shared/resources";
import { RestrictedPodSecurityContext } from "@reference-platform/consumer/shared/securityContext";

/** The keys the standalone Redis's container context lacks for restricted (a pod-level subset). */
export type RedisContainerSecurityContext = Pick<RestrictedPodSecurityContext, "runAsNonRoot" | "seccompProfile">;

export interface DisruptionBudget {
    enabled: boolean;
    maxUnavailable?: number;
}

/** The parts every Argo CD workload shares. */
export interface ArgoWorkload {
    resources: ComputeResources;
}

/** Highly available: replicas and a budget; otherwise the chart's one replica without one. */
export interface ScaledArgoWorkload extends ArgoWorkload {
    replicas?: number;
    pdb?: DisruptionBudget;
}

export interface ImageRepository {
    repository: string;
}

export interface RedisHaValues {
    enabled: true;
    image: ImageRepository;
    podDisruptionBudget: { maxUnavailable?: number };
    init: { resources: ComputeResources };
    redis: { resources: ComputeResources };
    sentinel: { resources: ComputeResources };
    splitBrainDetection: { resources: ComputeResources };
    haproxy: {
        image: ImageRepository;
        podDisruptionBudget: { maxUnavailable?: number };
        resources: ComputeResources;
        init: { resources: ComputeResources };
    };
}

export interface ArgoCdValues {
    global: {
        securityContext: RestrictedPodSecurityContext;
        logging: { format: "text" | "json" };
    };
    configs: {
        /** The component creates argocd-secret itself (admin password hash), so no secret is a chart value. */
        secret: { createSecret: false };
        /** argocd-cm: syncs impersonate the AppProject's destinationServiceAccounts. */
        cm: { "application.sync.impersonation.enabled": true };
    };
    controller: ArgoWorkload;
    server: ScaledArgoWorkload;
    repoServer: ScaledArgoWorkload;
    applicationSet: ScaledArgoWorkload;
    dex: { enabled: false };
    notifications: { enabled: false };
    /** The standalone Redis, when redis-ha is off. */
    redis?: ArgoWorkload & { image: ImageRepository; containerSecurityContext: RedisContainerSecurityContext };
    /** The component creates the `argocd-redis` Secret itself, so the chart's hook Job is off. */
    redisSecretInit: { enabled: boolean };
    /** Only when highly available (off by default). */
    "redis-ha"?: RedisHaValues;
}
