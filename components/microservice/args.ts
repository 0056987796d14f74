import * as pulumi from "@pulumi/pulumi";
import { AutoscalingSettings, ComputeResources, WorkloadDefaults } from "../../infra/config/types";

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
    /** Requests and limits; the profile's workload defaults when unset. */
    resources?: ComputeResources;
    /** Replica count; the profile's when unset. Ignored while autoscaling is on (the HPA owns it). */
    replicas?: number;
    probes?: { liveness?: HttpProbe; readiness?: HttpProbe; startup?: HttpProbe };
    autoscaling?: Partial<AutoscalingSettings>;
    disruptionBudget?: { enabled?: boolean; maxUnavailable?: number };
    /** Names of the services (same namespace) allowed to call this one. */
    callers?: string[];
    /** Reachable from the ingress gateway. */
    public?: boolean;
    /** Paths the container writes to; each gets an emptyDir, since the root filesystem is read-only. */
    writablePaths?: string[];
    /** Numeric user and group: the kubelet refuses runAsNonRoot for images that name their user. */
    runAsUser?: number;
    runAsGroup?: number;
    automountServiceAccountToken?: boolean;
    /** The profile's workload defaults (config.workloads). */
    defaults: WorkloadDefaults;
    /** Namespaces whose traffic the service's NetworkPolicy admits. */
    platformNamespaces: { ingressGateway: string; monitoring: string };
}
