// staging: a managed cluster that mirrors prod at a smaller size. Restricted tenants, strict mTLS,
// traces in Elasticsearch, two replicas so disruption budgets and rollouts behave as in prod.
import { EnvironmentProfile } from "../environmentProfile";
import { DEFAULT_TEAMS, SHOP_IMAGE } from "../shared";

export const stagingProfile: EnvironmentProfile = {
    workloads: {
        replicas: 2,
        resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { memory: "256Mi" } },
        autoscaling: { enabled: true, minReplicas: 2, maxReplicas: 4, targetCpuUtilizationPercent: 75, targetMemoryUtilizationPercent: 80 },
        disruptionBudget: { enabled: true, maxUnavailable: 1 },
        rollingUpdate: { maxSurge: "25%", maxUnavailable: "0" },
    },
    tenancy: {
        podSecurityLevel: "restricted",
        quota: { requestsCpu: "4", requestsMemory: "8Gi", limitsCpu: "32", limitsMemory: "16Gi", pods: 100 },
        containerDefaults: { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "1", memory: "512Mi" } },
        teams: DEFAULT_TEAMS,
    },
    mesh: {
        enabled: true,
        revision: "1-29",
        // Canary a control-plane upgrade: install a second revision, move teams (teamRevisions), then the default.
        revisions: [{ name: "1-29", version: "1.29.6" }],
        mtlsMode: "STRICT",
        tracingSamplingPercent: 10,
        accessLogging: true,
        istiodReplicas: 2,
        gatewayReplicas: 2,
        gatewayTlsSecretName: "shop-tls",
        gatewayHosts: ["shop.staging.example.com"],
        // Tokens from the organisation's OpenID provider; replace with yours in Pulumi.staging.yaml.
        edgeAuth: {
            localIssuer: false,
            issuers: [{
                issuer: "https://login.example.com/realms/shop-staging",
                jwksUri: "https://login.example.com/realms/shop-staging/protocol/openid-connect/certs",
                audiences: ["shop"],
                outputClaimToHeaders: [{ header: "x-jwt-sub", claim: "sub" }],
            }],
        },
        rateLimit: { enabled: true, default: { requestsPerUnit: 300, unit: "minute", burst: 600 } },
        // Users sign in with their own Kubernetes token and act with their own RBAC.
        kiali: {
            enabled: true, auth: "token", viewOnly: false, replicas: 1,
            resources: { requests: { cpu: "100m", memory: "256Mi" }, limits: { memory: "1Gi" } },
        },
    },
    monitoring: {
        enabled: true,
        prometheusReplicas: 1,
        retention: "7d",
        storageSize: "50Gi",
        prometheusResources: { requests: { cpu: "500m", memory: "2Gi" }, limits: { memory: "4Gi" } },
        alertmanagerReplicas: 2,
        grafanaReplicas: 1,
    },
    tracing: {
        enabled: true,
        storage: "elasticsearch",
        replicas: 2,
        resources: { requests: { cpu: "200m", memory: "512Mi" }, limits: { memory: "1Gi" } },
    },
    logging: {
        enabled: true,
        elasticsearchNodes: 3,
        elasticsearchStorageSize: "50Gi",
        elasticsearchResources: { requests: { cpu: "1", memory: "4Gi" }, limits: { memory: "4Gi" } },
        kibanaReplicas: 1,
        retentionDays: 7,
    },
    gitops: {
        enabled: true,
        highAvailability: false,
        rootApp: { repoURL: "https://github.com/example-org/platform-apps.git", path: "envs/staging", targetRevision: "main" },
        syncPolicy: { automated: true, prune: true, selfHeal: true },
    },
    shop: {
        enabled: true,
        team: "shop",
        image: SHOP_IMAGE,
        services: {
            frontend: { slo: 99.9 },
            catalog: { delivery: { strategy: "canary", canary: { weight: 10 } }, slo: 99.5 },
            payments: { delivery: { strategy: "blueGreen", blueGreen: { active: "blue" } }, slo: 99.9 },
        },
    },
    protectStatefulData: false,
    chartRepositories: {},
    chartValues: {},
};
