import * as pulumi from "@pulumi/pulumi";
import { ComputeResources } from "../shared/resources";
import { ScrapeCertificateFiles } from "../shared/scrapeCertificates";
import type { ExternalDependency } from "./external";
import type { RequestScalingIntegration } from "./requestScaling";
import type { ProgressiveDeliveryIntegration } from "./delivery/progressive";
import type { RightSizingIntegration } from "./rightSizing";
import { SecretStoreIntegration, ServiceSecret } from "./secrets";
import { DeliverySettings, EdgeArgs, FaultInjectionSettings, ServiceAutoscalingSettings, WorkloadDefaults } from "./settings";

export interface HttpProbe {
    path: string;
    /** Named container port; defaults to "http". */
    port?: string;
    initialDelaySeconds?: number;
    periodSeconds?: number;
    timeoutSeconds?: number;
    failureThreshold?: number;
}

export interface MicroserviceArgs {
    /** Kubernetes name of the service's objects; defaults to the component's resource name. */
    serviceName?: string;
    namespace: pulumi.Input<string>;
    team: string;
    /** Stack/environment name, for the env label. */
    environment: string;
    /** Application this service belongs to (app.kubernetes.io/part-of). */
    partOf?: string;
    /** Role within the application (app.kubernetes.io/component), e.g. "frontend". */
    component?: string;
    /** Image pinned by tag or sha256 digest; `:latest` and untagged references are rejected. */
    image: string;
    /** Named container ports. `http` is required; `metrics` is scraped when present. */
    ports: { http: number; metrics?: number } & Record<string, number>;
    command?: string[];
    args?: string[];
    /** Plain settings, delivered through a ConfigMap. */
    env?: Record<string, pulumi.Input<string>>;
    /** Sensitive settings, delivered through a Secret; values are kept secret in Pulumi state. */
    secretEnv?: Record<string, pulumi.Input<string>>;
    /**
     * Secrets read from the platform's store (needs `secretStore`): each a read-only file, updated in
     * place when the store's value rotates; an environment variable too only when `env` is set.
     */
    secrets?: ServiceSecret[];
    /** Requests and limits; the profile's workload defaults when unset. */
    resources?: ComputeResources;
    /** Replica count; the profile's when unset. Ignored while autoscaling is on (the HPA owns it). */
    replicas?: number;
    probes?: { liveness?: HttpProbe; readiness?: HttpProbe; startup?: HttpProbe };
    /** Over the profile's defaults; scaleOn "requestRate" scales on the mesh's request rate instead of cpu and memory. */
    autoscaling?: Partial<ServiceAutoscalingSettings>;
    disruptionBudget?: { enabled?: boolean; maxUnavailable?: number };
    /** Names of the services (same namespace) allowed to call this one. */
    callers?: string[];
    /**
     * Services of other teams this one calls, each "<team>/<service>" (needs `teamNamespaces`): the
     * caller's half of a call between teams, a NetworkPolicy `calls-<service>` in this namespace letting
     * the service's pods out to the callee's on its http port. Nothing flows until the callee's service
     * `accepts` the call in its own team's program.
     */
    calls?: string[];
    /**
     * Callers in other teams this service accepts, each "<team>/<service>" or a whole team, "<team>"
     * (needs `teamNamespaces`): the callee's half, a NetworkPolicy `accepts-<service>` admitting their
     * pods on the http port and, with the mesh, an AuthorizationPolicy `accepts-<service>` admitting their
     * identities. Nothing flows until the caller's service declares the call in `calls`.
     */
    accepts?: string[];
    /** Every tenant team's namespace, by team (serviceSettings gives them from the platform stack): where `calls` and `accepts` point. */
    teamNamespaces?: Record<string, string>;
    /** Reachable from the ingress gateway. */
    public?: boolean;
    /**
     * Hosts outside the cluster the service calls: a ServiceEntry (with the mesh) visible only to
     * its namespace, and NetworkPolicy egress on the declared ports. Nothing else leaves.
     */
    external?: ExternalDependency[];
    /**
     * A public service's routes at the gateway, enforced by the ingress gateway (needs `mesh`): path
     * prefixes, a required token (a gateway AuthorizationPolicy denies requests without one: 403),
     * required claims.
     */
    edge?: EdgeArgs;
    /** Paths the container writes to; each gets an emptyDir, since the root filesystem is read-only. */
    writablePaths?: string[];
    /** Numeric user and group: the kubelet refuses runAsNonRoot for images that name their user. */
    runAsUser?: number;
    runAsGroup?: number;
    automountServiceAccountToken?: boolean;
    /** The workload defaults the service's unset fields take (the platform passes its profile's platform:workloads). */
    defaults: WorkloadDefaults;
    /**
     * The namespace's LimitRange defaults and ResourceQuota (serviceSettings gives them from the
     * platform stack): a service whose pods the namespace would never admit, or whose request is
     * above the limit the LimitRange adds, fails before anything is registered. Unset: not checked.
     */
    namespaceLimits?: NamespaceLimits;
    /** The cluster's DNS domain, which the service's host names end in; default "cluster.local". */
    clusterDomain?: string;
    /** Namespaces whose traffic the service's NetworkPolicy admits. */
    platformNamespaces: { ingressGateway: pulumi.Input<string>; monitoring: pulumi.Input<string> };

    /** rolling (default), canary, blueGreen or progressive; see DeliverySettings. */
    delivery?: DeliverySettings;
    /** Timeouts, retries, connection pool and outlier detection; used when the mesh is present. */
    traffic?: TrafficOverrides;
    /** Mesh fault injection for resilience drills; off unless set. */
    faultInjection?: FaultInjectionSettings;
    /** Availability SLO in percent (default 99.9) and the RED alert thresholds. */
    slo?: number;
    alertThresholds?: Partial<AlertThresholds>;
    /** Names of the service's request metrics; default: the Prometheus conventions podinfo follows. */
    redMetrics?: Partial<RedMetricNames>;

    /** Present when the platform runs Istio: routing, delivery weights and authorization follow. */
    mesh?: MeshIntegration;
    /** Present when the platform runs the Prometheus operator: scraping, alerts and a dashboard follow. */
    monitoring?: MonitoringIntegration;
    /** Present when the platform runs a trace collector: the service exports OTLP to it. */
    tracing?: TracingIntegration;
    /** Present when the platform runs a secret store: `secrets` are read from it. */
    secretStore?: SecretStoreIntegration;
    /** Present when the platform runs the VPA recommender: each Deployment gets a recommendation-only VPA. */
    rightSizing?: RightSizingIntegration;
    /** Present when the platform runs KEDA: autoscaling.scaleOn "requestRate" scales on the mesh's request rate. */
    requestScaling?: RequestScalingIntegration;
    /** Present when the platform runs Argo Rollouts: delivery.strategy "progressive" automates the canary. */
    progressiveDelivery?: ProgressiveDeliveryIntegration;
}

export interface NamespaceLimits {
    /** The team namespace these limits are of: the only one the team's services may deploy into. */
    namespace: string;
    /** What the namespace's LimitRange gives a container that sets no request or limit of its own. */
    containerDefaults: ComputeResources;
    /** The namespace's ResourceQuota: the sum over every pod in it. */
    quota: { requestsCpu: string; requestsMemory: string; limitsCpu: string; limitsMemory: string; pods: number };
}

export interface MeshIntegration {
    /** "<namespace>/<name>" of the ingress Gateway that public services bind to (it redirects HTTP to HTTPS). */
    gatewayRef: pulumi.Input<string>;
    /** Public host names served through that Gateway. */
    gatewayHosts: string[];
    /** SPIFFE principal of the ingress gateway's ServiceAccount, e.g. "cluster.local/ns/istio-ingress/sa/istio-ingressgateway". */
    ingressGatewayPrincipal: pulumi.Input<string>;
    /** The mesh trust domain; default the cluster domain (Istio's default). */
    trustDomain?: pulumi.Input<string>;
    /**
     * What installs the Istio CRDs (the base chart): every Istio object depends on it. Absent when
     * another stack installed them, as in an application team's program reading the platform.
     */
    crdDependency?: pulumi.Resource;
    /** istiod, whose validating webhook must be serving before Istio objects are applied. */
    controlPlane?: pulumi.Resource;
    /** The ingress gateway pods' labels: edge AuthorizationPolicies select them (needed for edge.requireJwt). */
    gatewayWorkloadSelector?: Record<string, string>;
    /**
     * The platform's egress gateway, when it runs one: the service's TLS `external` hosts leave the
     * cluster through it, so its pods may reach those pods on the declared ports and nothing outside.
     */
    egressGateway?: EgressGatewayIntegration;
}

export interface EgressGatewayIntegration {
    namespace: pulumi.Input<string>;
    /** The egress gateway pods' labels. */
    workloadSelector: Record<string, string>;
}

export interface MonitoringIntegration {
    /** What installs the monitoring.coreos.com CRDs (absent when another stack did): the ServiceMonitor and PrometheusRule depend on it. */
    crdDependency?: pulumi.Resource;
    /** Label the Grafana sidecar loads dashboards from; default grafana_dashboard: "1". */
    dashboardLabel?: { key: string; value: string };
    /**
     * Present when the mesh enforces STRICT mTLS (needs `mesh`): Prometheus scrapes the metrics port
     * over mesh mTLS with its own workload certificate, and only its identity is admitted there.
     * Absent: plaintext scrapes, for no mesh or a PERMISSIVE one (Prometheus cannot speak the TLS
     * variant PERMISSIVE ports detect, so it must not use TLS there).
     */
    mtlsScrape?: MtlsScrape;
}

export interface MtlsScrape {
    /** Prometheus's mesh certificate files, as its container sees them (the platform's: SCRAPE_CERTIFICATE_FILES). */
    certificateFiles: ScrapeCertificateFiles;
    /** Where Prometheus runs, and as whom: its SPIFFE identity. */
    prometheus: { namespace: pulumi.Input<string>; serviceAccount: pulumi.Input<string> };
}

export interface TracingIntegration {
    /** host:port of the collector's OTLP gRPC receiver. */
    otlpGrpcEndpoint: pulumi.Input<string>;
}

export interface TrafficSettings {
    /** Per-route request timeout, e.g. "10s". */
    timeout: string;
    retries: { attempts: number; perTryTimeout: string; retryOn: string };
    connectionPool: {
        maxConnections: number;
        http1MaxPendingRequests: number;
        http2MaxRequests: number;
        maxRequestsPerConnection: number;
    };
    outlierDetection: {
        consecutive5xxErrors: number;
        interval: string;
        baseEjectionTime: string;
        maxEjectionPercent: number;
    };
}

export interface TrafficOverrides {
    timeout?: string;
    retries?: Partial<TrafficSettings["retries"]>;
    connectionPool?: Partial<TrafficSettings["connectionPool"]>;
    outlierDetection?: Partial<TrafficSettings["outlierDetection"]>;
}

export interface AlertThresholds {
    /** Fraction of 5xx responses over 5 minutes that raises a warning, e.g. 0.05. */
    errorRatio: number;
    /** p95 latency in seconds over 5 minutes that raises a warning. */
    p95LatencySeconds: number;
    /** Container restarts within 30 minutes that raise a warning. */
    restarts: number;
}

/** The metrics the service exposes for Rate, Errors and Duration. */
export interface RedMetricNames {
    /** Counter of handled requests, e.g. http_requests_total. */
    requestsTotal: string;
    /** Label of requestsTotal carrying the HTTP status code, e.g. status. */
    statusLabel: string;
    /** Histogram of request durations in seconds, without the _bucket suffix. */
    durationHistogram: string;
}
