// What every environment profile starts from: the values staging and prod share. Each
// stacks/<env>/profile.ts holds only that environment's differences, deep-merged onto this base
// the way stack config is merged onto a profile (objects merge key by key, arrays replace).
import { mergeLayers } from "../components/shared/mergeLayers";
import { EnvironmentProfile } from "./environmentProfile";
import { DEFAULT_TEAMS, SHOP_IMAGE } from "./shared";

/** An environment's differences: any part of a profile; a list given here replaces the base's list. */
export type ProfileDifferences = DeepPartial<EnvironmentProfile>;

type DeepPartial<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

export const baseProfile: ProfileDifferences = {
    workloads: {
        autoscaling: { enabled: true, targetMemoryUtilizationPercent: 80 },
        disruptionBudget: { enabled: true, maxUnavailable: 1 },
        rollingUpdate: { maxSurge: "25%", maxUnavailable: "0" },
    },
    tenancy: {
        podSecurityLevel: "restricted",
        containerDefaults: { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "1", memory: "512Mi" } },
        teams: DEFAULT_TEAMS,
    },
    mesh: {
        enabled: true,
        revision: "1-29",
        // Canary a control-plane upgrade: install a second revision, move teams (teamRevisions), then the default.
        revisions: [{ name: "1-29", version: "1.29.6" }],
        mtlsMode: "STRICT",
        // Only the hosts a service declares (Microservice external) leave the cluster.
        outboundTrafficPolicy: "REGISTRY_ONLY",
        accessLogging: true,
        // On in prod: declared TLS hosts leave through the egress gateway (README, Controlled egress).
        egressGateway: { enabled: false, replicas: 2 },
        gatewayTlsSecretName: "shop-tls",
        // Tokens from the organisation's OpenID provider (issuers per environment).
        edgeAuth: { localIssuer: false },
        rateLimit: { enabled: true, default: { unit: "minute" } },
        // Users sign in with their own Kubernetes token and act with their own RBAC.
        kiali: {
            enabled: true, auth: "token",
            resources: { requests: { cpu: "100m", memory: "256Mi" }, limits: { memory: "1Gi" } },
        },
    },
    monitoring: { enabled: true },
    tracing: { enabled: true, storage: "elasticsearch" },
    logging: { enabled: true, elasticsearchNodes: 3 },
    gitops: {
        enabled: true,
        rootApp: { repoURL: "https://github.com/example-org/platform-apps.git", targetRevision: "main" },
    },
    shop: { enabled: true, team: "shop", image: SHOP_IMAGE },
    externalSecrets: {
        enabled: true,
        refreshInterval: "15m",
        resources: { requests: { cpu: "50m", memory: "64Mi" }, limits: { memory: "256Mi" } },
        // Replace with your organisation's store in Pulumi.<stack>.yaml (README, Secrets): Vault with
        // Kubernetes auth here; aws, gcp and azure use workload identity.
        store: {
            kind: "vault",
            vault: {
                server: "https://vault.example.com:8200",
                path: "secret",
                version: "v2",
                kubernetesAuth: { mountPath: "kubernetes", role: "platform-external-secrets" },
            },
        },
    },
    // EKS ships no metrics-server; on GKE or AKS set platform:resourceMetrics.source "cluster" (README, Autoscaling).
    resourceMetrics: {
        source: "metrics-server",
        replicas: 2,
        kubeletInsecureTls: false,
        resources: { requests: { cpu: "100m", memory: "200Mi" }, limits: { memory: "400Mi" } },
    },
    // Recommendations only (updateMode "Off"): a person reads them on the service dashboard.
    rightSizing: {
        enabled: true,
        resources: { requests: { cpu: "50m", memory: "256Mi" }, limits: { memory: "512Mi" } },
    },
    requestScaling: {
        enabled: true,
        // Each of KEDA's three pods; the operator, which polls Prometheus, is the busiest. A limit the
        // chart sets by default (cpu 1) is stated, so the profile says what runs.
        resources: { requests: { cpu: "50m", memory: "128Mi" }, limits: { cpu: "500m", memory: "512Mi" } },
    },
    progressiveDelivery: {
        enabled: true,
        // The controller, which watches Rollouts and ReplicaSets cluster-wide and queries Prometheus
        // for each analysis step; sized like KEDA's operator, its cpu limit stated.
        resources: { requests: { cpu: "50m", memory: "128Mi" }, limits: { cpu: "500m", memory: "512Mi" } },
    },
    chartRepositories: {},
    chartValues: {},
};

/**
 * The base with an environment's differences merged on. Completeness (every key the profile needs)
 * is checked where every profile is validated: test/stacks/profiles.test.ts and at config load.
 */
export function profileFrom(differences: ProfileDifferences): EnvironmentProfile {
    return mergeLayers(baseProfile as EnvironmentProfile, differences);
}
