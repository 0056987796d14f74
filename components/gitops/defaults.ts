// The component's argo-cd chart values for a profile: restricted Pod Security for every container,
// resources everywhere, and with highAvailability redis-ha plus two replicas and a disruption budget
// for the stateless servers.
import * as pulumi from "@pulumi/pulumi";
import { GitOpsSettings } from "../../infra/config/types";
import { argoCdSizing } from "./sizing";
import { ArgoCdValues, ContainerResources, ContainerSecurityContext, PodSecurityContext, ScaledArgoWorkload } from "./values";

export const RESTRICTED_CONTAINER: ContainerSecurityContext = {
    runAsNonRoot: true,
    readOnlyRootFilesystem: true,
    allowPrivilegeEscalation: false,
    seccompProfile: { type: "RuntimeDefault" },
    capabilities: { drop: ["ALL"] },
};

const RESTRICTED_POD: PodSecurityContext = { runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } };

/** Replicas of the stateless Argo CD servers in a highly available install. */
export const HA_REPLICAS = 2;

export interface AdminCredentials {
    /** bcrypt hash of the admin password (a secret Output). */
    passwordHash: pulumi.Output<string>;
    passwordMtime: string;
}

export function argoCdValues(settings: Pick<GitOpsSettings, "highAvailability">, admin: AdminCredentials): ArgoCdValues {
    const ha = settings.highAvailability;
    const sizing = argoCdSizing(ha);
    const scaled = (resources: ContainerResources): ScaledArgoWorkload => ({
        replicas: ha ? HA_REPLICAS : 1,
        pdb: ha ? { enabled: true, maxUnavailable: 1 } : { enabled: false },
        resources,
        containerSecurityContext: RESTRICTED_CONTAINER,
    });
    const haBudget = ha ? { maxUnavailable: 1 } : {};
    return {
        global: { securityContext: RESTRICTED_POD, logging: { format: "json" } },
        configs: {
            secret: {
                argocdServerAdminPassword: admin.passwordHash,
                argocdServerAdminPasswordMtime: admin.passwordMtime,
            },
        },
        // One controller even when highly available: it shards by cluster, and with only the
        // in-cluster destination a second replica would idle; the StatefulSet restarts a lost pod.
        controller: { replicas: 1, resources: sizing.controller, containerSecurityContext: RESTRICTED_CONTAINER },
        server: scaled(sizing.server),
        repoServer: scaled(sizing.repoServer),
        applicationSet: scaled(sizing.applicationSet),
        // Off until an SSO connector is configured; sized and restricted so enabling it through
        // platform:chartValues stays within the namespace's Pod Security level.
        dex: { enabled: false, resources: sizing.dex, containerSecurityContext: RESTRICTED_CONTAINER },
        notifications: { enabled: false, resources: sizing.notifications, containerSecurityContext: RESTRICTED_CONTAINER },
        // The chart skips this standalone Redis by itself when redis-ha is enabled.
        redis: { resources: sizing.redis, containerSecurityContext: RESTRICTED_CONTAINER },
        redisSecretInit: { enabled: false },
        "redis-ha": {
            enabled: ha,
            podDisruptionBudget: haBudget,
            containerSecurityContext: RESTRICTED_CONTAINER,
            init: { resources: sizing.redisHa.helpers },
            redis: { resources: sizing.redisHa.redis },
            sentinel: { resources: sizing.redisHa.sentinel },
            splitBrainDetection: { resources: sizing.redisHa.splitBrainDetection },
            configmapTest: { resources: sizing.redisHa.helpers },
            haproxy: {
                podDisruptionBudget: haBudget,
                containerSecurityContext: RESTRICTED_CONTAINER,
                resources: sizing.redisHa.haproxy,
                init: { resources: sizing.redisHa.helpers },
                tests: { resources: sizing.redisHa.helpers },
            },
        },
    };
}
