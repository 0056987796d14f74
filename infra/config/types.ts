// The validated, immutable configuration of one stack. Built by `loadPlatformConfig` from the
// environment profile (stacks/<profile>/profile.ts) with the stack's knobs merged on top.
// Components receive only their slice of it; none reads pulumi.Config itself.
import * as pulumi from "@pulumi/pulumi";

export const PROFILE_NAMES = ["dev", "staging", "prod"] as const;
export type ProfileName = (typeof PROFILE_NAMES)[number];

export const POD_SECURITY_LEVELS = ["privileged", "baseline", "restricted"] as const;
export type PodSecurityLevel = (typeof POD_SECURITY_LEVELS)[number];

/** Kubernetes quantities as strings ("250m", "512Mi"); validated by policy/grammar/quantity.ts. */
export interface ComputeResources {
    requests: { cpu: string; memory: string };
    /** cpu is optional: a CPU limit throttles latency-sensitive services (see policy container-resources). */
    limits: { cpu?: string; memory: string };
}

export interface AutoscalingSettings {
    enabled: boolean;
    minReplicas: number;
    maxReplicas: number;
    targetCpuUtilizationPercent: number;
    targetMemoryUtilizationPercent: number;
}

/** Defaults applied to every Microservice unless the service overrides them. */
export interface WorkloadDefaults {
    replicas: number;
    resources: ComputeResources;
    autoscaling: AutoscalingSettings;
    disruptionBudget: { enabled: boolean; maxUnavailable: number };
    rollingUpdate: { maxSurge: string; maxUnavailable: string };
}

export interface TeamQuota {
    requestsCpu: string;
    requestsMemory: string;
    limitsCpu: string;
    limitsMemory: string;
    pods: number;
}

export interface TeamSettings {
    /** DNS-1123 label; becomes the namespace name. */
    name: string;
    /** Identity-provider group bound to the team's Role. */
    group: string;
    costCenter: string;
    /** Git repositories the team's Argo CD AppProject may deploy from. */
    sourceRepos: string[];
}

export interface TenancySettings {
    /** Pod Security Admission level enforced on tenant namespaces. */
    podSecurityLevel: PodSecurityLevel;
    quota: TeamQuota;
    /** Defaults the LimitRange gives containers that declare nothing. */
    containerDefaults: ComputeResources;
    teams: TeamSettings[];
}

export interface ChartSource {
    /** Helm repository URL or an `oci://` registry prefix. */
    repo: string;
    chart: string;
    version: string;
}

/** One installed Istio control plane. */
export interface MeshRevision {
    /** DNS label, e.g. "1-29": names istiod-<name> and is the istio.io/rev label that selects it. */
    name: string;
    /** The Istio release it runs: one of ISTIO_RELEASES in infra/charts.ts, e.g. "1.29.6". */
    version: string;
}

export interface MeshSettings {
    enabled: boolean;
    /**
     * The default revision, one of `revisions`: the add-on namespaces, the ingress gateway and every
     * team not in `teamRevisions` run on it, and it validates Istio objects.
     */
    revision: string;
    /** The installed control planes, one istiod each: the current one and at most one canary. */
    revisions: MeshRevision[];
    /** Team name -> installed revision, for teams moved to a canary ahead of the default. */
    teamRevisions?: Record<string, string>;
    mtlsMode: "STRICT" | "PERMISSIVE";
    /** Percentage of requests traced, 0-100. */
    tracingSamplingPercent: number;
    accessLogging: boolean;
    istiodReplicas: number;
    gatewayReplicas: number;
    /** Secret (in the gateway namespace) holding the TLS certificate for public hosts. */
    gatewayTlsSecretName: string;
    /** Public host names served by the ingress gateway. */
    gatewayHosts: string[];
    /** JWT validation at the ingress gateway: the trusted issuers. */
    edgeAuth: EdgeAuthSettings;
    /** Envoy local rate limits at the ingress gateway, per public host. */
    rateLimit: EdgeRateLimitSettings;
    /** The Kiali mesh console. */
    kiali: KialiSettings;
}

/** One trusted token issuer at the edge (an Istio RequestAuthentication jwtRule). */
export interface EdgeIssuer {
    /** The tokens' `iss`, an http(s) URL. */
    issuer: string;
    /** Where the gateway fetches the issuer's keys; exactly one of jwksUri and jwks. */
    jwksUri?: string;
    /** The issuer's public keys inline, as a JWKS JSON document. */
    jwks?: string;
    /** Accepted `aud` values; unset accepts any audience. */
    audiences?: string[];
    /** Keep the Authorization header on the request to the backend. */
    forwardOriginalToken?: boolean;
    /** Claims copied into request headers for the backends, e.g. { header: "x-jwt-sub", claim: "sub" }. */
    outputClaimToHeaders?: { header: string; claim: string }[];
}

export interface EdgeAuthSettings {
    /** dev: the program generates a signing key and trusts tokens it signs (see README, minting a dev token). */
    localIssuer: boolean;
    issuers: EdgeIssuer[];
}

export const RATE_LIMIT_UNITS = ["second", "minute", "hour"] as const;
export type RateLimitUnit = (typeof RATE_LIMIT_UNITS)[number];

/** A token bucket: `requestsPerUnit` tokens refill every unit, at most `burst` are held. */
export interface TokenBucketSettings {
    requestsPerUnit: number;
    unit: RateLimitUnit;
    burst: number;
}

export interface EdgeRateLimitSettings {
    enabled: boolean;
    /** Every public host's bucket unless `hosts` names it. */
    default: TokenBucketSettings;
    /** Public host -> its own bucket. */
    hosts?: Record<string, TokenBucketSettings>;
}

export const KIALI_AUTH_STRATEGIES = ["anonymous", "token"] as const;

export interface KialiSettings {
    /** Installed where the mesh and monitoring both run (Kiali reads the traffic from Prometheus). */
    enabled: boolean;
    /** anonymous: whoever reaches the port-forward; token: a Kubernetes bearer token, with that user's RBAC. */
    auth: (typeof KIALI_AUTH_STRATEGIES)[number];
    /** No write actions from the console (and a read-only ClusterRole). */
    viewOnly: boolean;
    replicas: number;
    resources: ComputeResources;
}

/** A public service's edge controls (platform:shop.services.<name>.edge). */
export interface EdgeRouteSettings {
    /** A valid token from a trusted issuer is required on the service's public routes. */
    requireJwt?: boolean;
    /** Claim -> accepted values (any one); implies requireJwt. */
    claims?: Record<string, string[]>;
}

export interface MonitoringSettings {
    enabled: boolean;
    prometheusReplicas: number;
    /** Prometheus retention, e.g. "7d". */
    retention: string;
    storageSize: string;
    prometheusResources: ComputeResources;
    alertmanagerReplicas: number;
    grafanaReplicas: number;
}

export interface TracingSettings {
    enabled: boolean;
    /** "memory" keeps traces in the collector (dev); "elasticsearch" uses the logging cluster. */
    storage: "memory" | "elasticsearch";
    replicas: number;
    resources: ComputeResources;
}

export interface LoggingSettings {
    enabled: boolean;
    elasticsearchNodes: number;
    elasticsearchStorageSize: string;
    elasticsearchResources: ComputeResources;
    kibanaReplicas: number;
    retentionDays: number;
}

export interface SyncPolicySettings {
    automated: boolean;
    prune: boolean;
    selfHeal: boolean;
}

export interface GitOpsSettings {
    enabled: boolean;
    highAvailability: boolean;
    rootApp: { repoURL: string; path: string; targetRevision: string };
    syncPolicy: SyncPolicySettings;
}

export const DELIVERY_STRATEGIES = ["rolling", "canary", "blueGreen"] as const;
export type DeliveryStrategy = (typeof DELIVERY_STRATEGIES)[number];
export const DELIVERY_COLORS = ["blue", "green"] as const;
export type DeliveryColor = (typeof DELIVERY_COLORS)[number];

/**
 * How a service's new versions reach users. Only the block of the chosen strategy is read, so a
 * stack can switch strategy without deleting the other blocks. Moving `canary.weight` or
 * `blueGreen.active` never renames (and so never replaces) a Deployment.
 */
export interface DeliverySettings {
    strategy: DeliveryStrategy;
    /** rolling (and each track's own rollout): overrides the profile's workloads.rollingUpdate. */
    rolling?: { maxSurge?: string; maxUnavailable?: string };
    /** canary: percent of requests (0-100) sent to the `<name>-canary` Deployment, and what it runs. */
    canary?: { weight: number; image?: string; replicas?: number };
    /** blueGreen: the colour serving users; each colour's image (default: the service image). */
    blueGreen?: { active: DeliveryColor; images?: { blue?: string; green?: string } };
}

/** Faults the mesh injects into a service's requests, for resilience drills. Off unless set. */
export interface FaultInjectionSettings {
    delay?: { percent: number; fixedDelay: string };
    abort?: { percent: number; httpStatus: number };
}

export interface ShopServiceSettings {
    delivery?: DeliverySettings;
    /** Availability SLO in percent (e.g. 99.9): drives the burn-rate alerts. */
    slo?: number;
    faultInjection?: FaultInjectionSettings;
    edge?: EdgeRouteSettings;
}

export interface ShopSettings {
    enabled: boolean;
    /** Tenant team whose namespace hosts the shop. */
    team: string;
    /** podinfo image, pinned by tag or digest. */
    image: string;
    /** Per-service delivery, SLO and fault injection, keyed by shop service name. */
    services: Record<string, ShopServiceSettings>;
}

export interface ProviderSettings {
    /** kubeconfig context; unset means the kubeconfig's current context. */
    context?: string;
    /** When set, manifests are written to this directory instead of applied (GitOps render mode). */
    renderYamlToDirectory?: string;
}

/** Everything a profile defines: the full set of defaults for one environment. */
export interface EnvironmentProfile {
    workloads: WorkloadDefaults;
    tenancy: TenancySettings;
    mesh: MeshSettings;
    monitoring: MonitoringSettings;
    tracing: TracingSettings;
    logging: LoggingSettings;
    gitops: GitOpsSettings;
    shop: ShopSettings;
    /** protect + retainOnDelete for stateful data (Elasticsearch, Prometheus volumes). */
    protectStatefulData: boolean;
    /** Per-chart repository overrides (mirrors, oci://), keyed by chart key in infra/charts.ts. */
    chartRepositories: Record<string, string>;
    /** Chart key -> the reason its chartRepositories mirror may use plain http; https otherwise. */
    httpChartRepositories?: Record<string, string>;
    /** Per-chart Helm values deep-merged over the component's defaults, keyed like chartRepositories. */
    chartValues: Record<string, Record<string, unknown>>;
}

export interface PlatformSecrets {
    /** Raw kubeconfig contents; when absent the provider uses the ambient kubeconfig file. */
    kubeconfig?: pulumi.Output<string>;
    /** Alertmanager webhook for critical alerts (e.g. a pager integration). */
    alertWebhookUrl?: pulumi.Output<string>;
}

export interface PlatformConfig extends EnvironmentProfile {
    stack: string;
    profile: ProfileName;
    provider: ProviderSettings;
    secrets: PlatformSecrets;
}
