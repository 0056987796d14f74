// staging: a managed cluster that mirrors prod at a smaller size. Restricted tenants, strict mTLS,
// traces in Elasticsearch, two replicas so disruption budgets and rollouts behave as in prod.
import { EnvironmentProfile } from "../environmentProfile";
import { profileFrom, ProfileDifferences } from "../base";

/** What staging sets differently from stacks/base.ts. */
export const stagingDifferences: ProfileDifferences = {
    workloads: {
        replicas: 2,
        resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { memory: "256Mi" } },
        autoscaling: { minReplicas: 2, maxReplicas: 4, targetCpuUtilizationPercent: 75 },
    },
    tenancy: {
        quota: { requestsCpu: "4", requestsMemory: "8Gi", limitsCpu: "32", limitsMemory: "16Gi", pods: 100, persistentVolumeClaims: 10, requestsStorage: "100Gi" },
    },
    mesh: {
        tracingSamplingPercent: 10,
        istiodReplicas: 2,
        gatewayReplicas: 2,
        gatewayHosts: ["shop.staging.example.com"],
        // Replace with your OpenID provider in Pulumi.staging.yaml.
        edgeAuth: {
            issuers: [{
                issuer: "https://login.example.com/realms/shop-staging",
                jwksUri: "https://login.example.com/realms/shop-staging/protocol/openid-connect/certs",
                audiences: ["shop"],
                outputClaimToHeaders: [{ header: "x-jwt-sub", claim: "sub" }],
            }],
        },
        rateLimit: { default: { requestsPerUnit: 300, burst: 600 } },
        kiali: { viewOnly: false, replicas: 1 },
    },
    monitoring: {
        prometheusReplicas: 1,
        retention: "7d",
        storageSize: "50Gi",
        prometheusResources: { requests: { cpu: "500m", memory: "2Gi" }, limits: { memory: "4Gi" } },
        alertmanagerReplicas: 2,
        grafanaReplicas: 1,
    },
    tracing: {
        replicas: 2,
        resources: { requests: { cpu: "200m", memory: "512Mi" }, limits: { memory: "1Gi" } },
    },
    logging: {
        elasticsearchStorageSize: "50Gi",
        elasticsearchResources: { requests: { cpu: "1", memory: "4Gi" }, limits: { memory: "4Gi" } },
        kibanaReplicas: 1,
        retentionDays: 7,
    },
    gitops: {
        highAvailability: false,
        rootApp: { path: "envs/staging" },
        syncPolicy: { automated: true, prune: true, selfHeal: true },
    },
    shop: {
        services: {
            frontend: { slo: 99.9 },
            catalog: { delivery: { strategy: "canary", canary: { weight: 10 } }, autoscaling: { scaleOn: "requestRate", requestRate: { targetPerPod: 50 } }, slo: 99.5 },
            // Staging moves faster than prod: 25% a minute, up to 75%.
            orders: {
                delivery: { strategy: "progressive", progressive: { stepWeight: 25, maxWeight: 75, interval: "1m", successRate: 99, latencyP99: "500ms" } },
            },
            payments: { delivery: { strategy: "blueGreen", blueGreen: { active: "blue" } }, slo: 99.9 },
        },
    },
    protectStatefulData: false,
};

export const stagingProfile: EnvironmentProfile = profileFrom(stagingDifferences);
