// dev: a laptop cluster (kind, k3d, minikube). One replica of everything, small volumes,
// traces kept in memory, mesh mTLS permissive so unmeshed debugging pods can still call in.
import { EnvironmentProfile } from "../environmentProfile";
import { profileFrom, ProfileDifferences } from "../base";

/** What dev sets differently from stacks/base.ts. */
export const devDifferences: ProfileDifferences = {
    workloads: {
        replicas: 1,
        resources: { requests: { cpu: "50m", memory: "64Mi" }, limits: { memory: "128Mi" } },
        autoscaling: { enabled: false, minReplicas: 1, maxReplicas: 2, targetCpuUtilizationPercent: 80 },
        disruptionBudget: { enabled: false },
        rollingUpdate: { maxSurge: "1" },
    },
    tenancy: {
        podSecurityLevel: "baseline",
        quota: { requestsCpu: "2", requestsMemory: "4Gi", limitsCpu: "4", limitsMemory: "8Gi", pods: 50, persistentVolumeClaims: 5, requestsStorage: "20Gi" },
        containerDefaults: { requests: { cpu: "50m", memory: "64Mi" }, limits: { cpu: "500m", memory: "256Mi" } },
    },
    mesh: {
        mtlsMode: "PERMISSIVE",
        // A laptop: a debugging pod may reach any host; declared hosts still get their ServiceEntry.
        outboundTrafficPolicy: "ALLOW_ANY",
        tracingSamplingPercent: 100,
        istiodReplicas: 1,
        gatewayReplicas: 1,
        // Off (the base's); one replica when a laptop turns it on.
        egressGateway: { replicas: 1 },
        gatewayHosts: ["shop.localtest.me"],
        // A local issuer whose key the program generates: mint a token with `npm run token:dev` (README).
        edgeAuth: { localIssuer: true, issuers: [] },
        // Per gateway replica (Envoy local rate limit); low, so a loop of curls shows the 429.
        rateLimit: { default: { requestsPerUnit: 50, burst: 50 } },
        // Anonymous on a laptop (reached only through port-forward), so read-only: no one logs in.
        kiali: {
            auth: "anonymous", viewOnly: true, replicas: 1,
            resources: { requests: { cpu: "50m", memory: "128Mi" }, limits: { memory: "512Mi" } },
        },
    },
    monitoring: {
        prometheusReplicas: 1,
        retention: "2d",
        storageSize: "5Gi",
        prometheusResources: { requests: { cpu: "200m", memory: "512Mi" }, limits: { memory: "1Gi" } },
        alertmanagerReplicas: 1,
        grafanaReplicas: 1,
    },
    tracing: {
        storage: "memory",
        replicas: 1,
        resources: { requests: { cpu: "100m", memory: "256Mi" }, limits: { memory: "512Mi" } },
    },
    logging: {
        elasticsearchNodes: 1,
        elasticsearchStorageSize: "5Gi",
        elasticsearchResources: { requests: { cpu: "500m", memory: "2Gi" }, limits: { memory: "2Gi" } },
        kibanaReplicas: 1,
        retentionDays: 3,
    },
    gitops: {
        highAvailability: false,
        rootApp: { path: "envs/dev" },
        syncPolicy: { automated: true, prune: true, selfHeal: true },
    },
    // Every service rolls; try a canary with e.g.
    //   pulumi config set --path 'platform:shop.services.catalog.delivery.strategy' canary
    //   pulumi config set --path 'platform:shop.services.catalog.delivery.canary.weight' 20
    shop: { services: {} },
    // No cloud on a laptop: ESO's Kubernetes provider reads the platform-secrets namespace, which the
    // program seeds (platform:secretStoreSeed); a short refresh shows a rotation within a minute.
    externalSecrets: {
        refreshInterval: "1m",
        resources: { requests: { cpu: "10m", memory: "32Mi" }, limits: { memory: "128Mi" } },
        store: { kind: "kubernetes" },
    },
    // kind, k3d and minikube ship no metrics-server, and their kubelets self-sign their certificates.
    resourceMetrics: {
        replicas: 1,
        kubeletInsecureTls: true,
        resources: { requests: { cpu: "50m", memory: "64Mi" }, limits: { memory: "200Mi" } },
    },
    rightSizing: { resources: { requests: { cpu: "10m", memory: "64Mi" }, limits: { memory: "256Mi" } } },
    // Off: autoscaling is off in dev (workloads.autoscaling), so nothing would scale on request rate.
    requestScaling: { enabled: false, resources: { requests: { cpu: "10m", memory: "64Mi" }, limits: { cpu: "250m", memory: "256Mi" } } },
    // Off: dev moves traffic by hand-set weights (delivery.canary.weight); nothing there is promoted by analysis.
    progressiveDelivery: { enabled: false, resources: { requests: { cpu: "10m", memory: "64Mi" }, limits: { cpu: "250m", memory: "256Mi" } } },
    protectStatefulData: false,
};

export const devProfile: EnvironmentProfile = profileFrom(devDifferences);
