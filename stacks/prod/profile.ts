// prod: highly available everything, strict mTLS, 1% trace sampling, long retention, stateful
// volumes protected, and GitOps syncs only as the stack config says (manual by default).
import { EnvironmentProfile } from "../environmentProfile";
import { profileFrom, ProfileDifferences } from "../base";

/** What prod sets differently from stacks/base.ts. */
export const prodDifferences: ProfileDifferences = {
    workloads: {
        replicas: 3,
        resources: { requests: { cpu: "250m", memory: "256Mi" }, limits: { memory: "512Mi" } },
        autoscaling: { minReplicas: 3, maxReplicas: 10, targetCpuUtilizationPercent: 70 },
    },
    tenancy: {
        quota: { requestsCpu: "16", requestsMemory: "32Gi", limitsCpu: "64", limitsMemory: "64Gi", pods: 300, persistentVolumeClaims: 20, requestsStorage: "500Gi" },
    },
    mesh: {
        tracingSamplingPercent: 1,
        istiodReplicas: 3,
        gatewayReplicas: 3,
        // The one exit for declared external hosts (TLS passthrough by SNI), audited in one place.
        egressGateway: { enabled: true, replicas: 3 },
        gatewayHosts: ["shop.example.com"],
        // Replace with your OpenID provider in Pulumi.prod.yaml.
        edgeAuth: {
            issuers: [{
                issuer: "https://login.example.com/realms/shop",
                jwksUri: "https://login.example.com/realms/shop/protocol/openid-connect/certs",
                audiences: ["shop"],
                outputClaimToHeaders: [{ header: "x-jwt-sub", claim: "sub" }],
            }],
        },
        rateLimit: { default: { requestsPerUnit: 1200, burst: 2400 } },
        kiali: { viewOnly: true, replicas: 2 },
    },
    monitoring: {
        prometheusReplicas: 2,
        retention: "30d",
        storageSize: "200Gi",
        prometheusResources: { requests: { cpu: "1", memory: "8Gi" }, limits: { memory: "12Gi" } },
        alertmanagerReplicas: 3,
        grafanaReplicas: 2,
    },
    tracing: {
        replicas: 3,
        resources: { requests: { cpu: "500m", memory: "1Gi" }, limits: { memory: "2Gi" } },
    },
    logging: {
        elasticsearchStorageSize: "500Gi",
        elasticsearchResources: { requests: { cpu: "2", memory: "8Gi" }, limits: { memory: "8Gi" } },
        kibanaReplicas: 2,
        retentionDays: 30,
    },
    gitops: {
        highAvailability: true,
        rootApp: { path: "envs/prod" },
        syncPolicy: { automated: false, prune: false, selfHeal: false },
    },
    shop: {
        services: {
            frontend: { slo: 99.95 },
            // Reads are bursty and cheap per request: scale on the rate, not on cpu that lags it.
            catalog: { autoscaling: { scaleOn: "requestRate", requestRate: { targetPerPod: 50 } }, slo: 99.9 },
            // Each new version takes 10% more of the traffic every 2 minutes while its pods answer 99.9%
            // of requests within 300ms at p99, up to half; then it is promoted. Two failed readings roll it back.
            orders: {
                delivery: {
                    strategy: "progressive",
                    progressive: { stepWeight: 10, maxWeight: 50, interval: "2m", successRate: 99.9, latencyP99: "300ms", failedChecks: 2 },
                },
                slo: 99.9,
            },
            payments: { slo: 99.95 },
        },
    },
    externalSecrets: {
        refreshInterval: "1h",
        resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { memory: "512Mi" } },
    },
    protectStatefulData: true,
};

export const prodProfile: EnvironmentProfile = profileFrom(prodDifferences);
