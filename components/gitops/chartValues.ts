// The component's argo-cd chart values for a profile: restricted Pod Security for every container,
// resources everywhere, and with highAvailability redis-ha plus two replicas and a disruption budget
// for the stateless servers. Only values that change the render are set: the chart's containers
// already run restricted (non-root, read-only root, no escalation, RuntimeDefault, ALL dropped) and
// one replica without a budget is its default.
import { GitOpsSettings } from "./settings";
import { argoCdSizing } from "./sizing";
import { ComputeResources } from "@reference-platform/consumer/shared/resources";
import { restrictedPodSecurityContext, RUNTIME_DEFAULT_SECCOMP } from "@reference-platform/consumer/shared/securityContext";
import { ArgoCdValues, RedisContainerSecurityContext, ScaledArgoWorkload } from "./chartValueTypes";

/** What the standalone Redis's default container context (no escalation, read-only, ALL dropped) lacks. */
const REDIS_CONTAINER: RedisContainerSecurityContext = { runAsNonRoot: true, seccompProfile: RUNTIME_DEFAULT_SECCOMP };

const RESTRICTED_POD = restrictedPodSecurityContext();

/** Replicas of the stateless Argo CD servers in a highly available install. */
export const HA_REPLICAS = 2;

/**
 * Docker's official Redis and HAProxy images as Amazon ECR Public serves them: the chart's default
 * host (ecr-public.aws.com) is not an allowed registry, public.ecr.aws is, for the same images.
 */
export const REDIS_IMAGE = "public.ecr.aws/docker/library/redis";
export const HAPROXY_IMAGE = "public.ecr.aws/docker/library/haproxy";

export function argoCdValues(settings: Pick<GitOpsSettings, "highAvailability">): ArgoCdValues {
    const ha = settings.highAvailability;
    const sizing = argoCdSizing(ha);
    const scaled = (resources: ComputeResources): ScaledArgoWorkload => ({
        resources,
        ...(ha ? { replicas: HA_REPLICAS, pdb: { enabled: true, maxUnavailable: 1 } } : {}),
    });
    const haBudget = { maxUnavailable: 1 };
    return {
        global: { securityContext: RESTRICTED_POD, logging: { format: "json" } },
        configs: {
            secret: { createSecret: false },
            // Team syncs run as the AppProject's destinationServiceAccounts, not the controller's cluster-wide account.
            cm: { "application.sync.impersonation.enabled": true },
        },
        // The chart's one controller even when highly available: it shards by cluster, and with only the
        // in-cluster destination a second replica would idle; the StatefulSet restarts a lost pod.
        controller: { resources: sizing.controller },
        server: scaled(sizing.server),
        repoServer: scaled(sizing.repoServer),
        applicationSet: scaled(sizing.applicationSet),
        // Off until an SSO connector or a notification service is configured (platform:chartValues).
        dex: { enabled: false },
        notifications: { enabled: false },
        // The chart runs this standalone Redis only when redis-ha is off.
        ...(ha ? {} : { redis: { image: { repository: REDIS_IMAGE }, resources: sizing.redis, containerSecurityContext: REDIS_CONTAINER } }),
        redisSecretInit: { enabled: false },
        // redis-ha is off by default.
        ...(ha ? { "redis-ha": {
            enabled: true,
            image: { repository: REDIS_IMAGE },
            podDisruptionBudget: haBudget,
            init: { resources: sizing.redisHa.helpers },
            redis: { resources: sizing.redisHa.redis },
            sentinel: { resources: sizing.redisHa.sentinel },
            splitBrainDetection: { resources: sizing.redisHa.splitBrainDetection },
            haproxy: {
                image: { repository: HAPROXY_IMAGE },
                podDisruptionBudget: haBudget,
                resources: sizing.redisHa.haproxy,
                init: { resources: sizing.redisHa.helpers },
            },
        } } : {}),
    };
}
