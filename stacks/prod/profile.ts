// prod: highly available everything, strict mTLS, 1% trace sampling, long retention, stateful
// volumes protected, and GitOps syncs only as the stack config says (manual by default).
import { EnvironmentProfile } from "../environmentProfile";
import { DEFAULT_TEAMS, SHOP_IMAGE } from "../shared";

export const prodProfile: EnvironmentProfile = {
    workloads: {
        replicas: 3,
        resources: { requests: { cpu: "250m", memory: "256Mi" }, limits: { memory: "512Mi" } },
        autoscaling: { enabled: true, minReplicas: 3, maxReplicas: 10, targetCpuUtilizationPercent: 70, targetMemoryUtilizationPercent: 80 },
        disruptionBudget: { enabled: true, maxUnavailable: 1 },
        rollingUpdate: { maxSurge: "25%", maxUnavailable: "0" },
    },
    tenancy: {
        podSecurityLevel: "restricted",
        quota: { requestsCpu: "16", requestsMemory: "32Gi", limitsCpu: "64", limitsMemory: "64Gi", pods: 300 },
        containerDefaults: { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "1", memory: "512Mi" } },
        teams: DEFAULT_TEAMS,
    },
    mesh: {
        enabled: true,
        revision: "1-29",
        // Canary a control-plane upgrade: install a second revision, move teams (teamRevisions), then the default.
        revisions: [{ name: "1-29", version: "1.29.6" }],
        mtlsMode: "STRICT",
        tracingSamplingPercent: 1,
        accessLogging: true,
        istiodReplicas: 3,
        gatewayReplicas: 3,
        gatewayTlsSecretName: "shop-tls",
        gatewayHosts: ["shop.example.com"],
        // Tokens from the organisation's OpenID provider; replace with yours in Pulumi.prod.yaml.
        edgeAuth: {
            localIssuer: false,
            issuers: [{
                issuer: "https://login.example.com/realms/shop",
                jwksUri: "https://login.example.com/realms/shop/protocol/openid-connect/certs",
                audiences: ["shop"],
                outputClaimToHeaders: [{ header: "x-jwt-sub", claim: "sub" }],
            }],
        },
        rateLimit: { enabled: true, default: { requestsPerUnit: 1200, unit: "minute", burst: 2400 } },
        kiali: {
            enabled: true, auth: "token", viewOnly: true, replicas: 2,
            resources: { requests: { cpu: "100m", memory: "256Mi" }, limits: { memory: "1Gi" } },
        },
    },
    monitoring: {
        enabled: true,
        prometheusReplicas: 2,
        retention: "30d",
        storageSize: "200Gi",
        prometheusResources: { requests: { cpu: "1", memory: "8Gi" }, limits: { memory: "12Gi" } },
        alertmanagerReplicas: 3,
        grafanaReplicas: 2,
    },
    tracing: {
        enabled: true,
        storage: "elasticsearch",
        replicas: 3,
        resources: { requests: { cpu: "500m", memory: "1Gi" }, limits: { memory: "2Gi" } },
    },
    logging: {
        enabled: true,
        elasticsearchNodes: 3,
        elasticsearchStorageSize: "500Gi",
        elasticsearchResources: { requests: { cpu: "2", memory: "8Gi" }, limits: { memory: "8Gi" } },
        kibanaReplicas: 2,
        retentionDays: 30,
    },
    gitops: {
        enabled: true,
        highAvailability: true,
        rootApp: { repoURL: "https://github.com/example-org/platform-apps.git", path: "envs/prod", targetRevision: "main" },
        syncPolicy: { automated: false, prune: false, selfHeal: false },
    },
    shop: {
        enabled: true,
        team: "shop",
        image: SHOP_IMAGE,
        services: {
            frontend: { slo: 99.95 },
            catalog: { slo: 99.9 },
            orders: { slo: 99.9 },
            payments: { slo: 99.95 },
        },
    },
    protectStatefulData: true,
    chartRepositories: {},
    chartValues: {},
};
