// Exactly the Istio chart value keys this component sets, checked against each chart's values.yaml
// (and, for the gateway chart, its values.schema.json, which rejects unknown keys) in istio/istio
// manifests/charts/{base,istio-control/istio-discovery,istio-cni,gateway} at every release in
// ISTIO_RELEASES (infra/charts.ts): 1.29.6 and 1.30.3.
// A misspelt key fails to compile.
import * as pulumi from "@pulumi/pulumi";
import { ComputeResources } from "@reference-platform/consumer/shared/resources";
import type { RestrictedContainerSecurityContext, RestrictedPodSecurityContext, RUNTIME_DEFAULT_SECCOMP } from "@reference-platform/consumer/shared/securityContext";

export type SeccompProfile = typeof RUNTIME_DEFAULT_SECCOMP;

export interface Sysctl {
    name: string;
    value: string;
}

/** Chart `base`: the CRDs, and the validating webhook for objects not tied to a revision. */
export interface IstioBaseValues {
    global: { istioNamespace: pulumi.Input<string> };
    /** The revision the default (unlabelled) validation webhook calls. */
    defaultRevision: string;
    base: {
        // Read by the templates (the istiod chart's values.yaml documents it). Istiod flips the
        // webhook to Fail once ready; rendering Fail up front keeps every `pulumi up` from flipping it back.
        validationFailurePolicy: "Fail";
    };
}

/** An OpenTelemetry tracing provider in MeshConfig.extensionProviders. */
export type OutboundTrafficMode = "REGISTRY_ONLY" | "ALLOW_ANY";

export interface OpenTelemetryProvider {
    name: string;
    opentelemetry: { service: string; port: number };
}

/** The MeshConfig fields set (the chart passes `meshConfig` through to the `istio-<revision>` ConfigMap). */
export interface MeshConfigValues {
    trustDomain: string;
    /**
     * Where VirtualServices and DestinationRules without `exportTo` are visible: their own namespace
     * only, so a team's routing object never competes with another team's for the same host.
     */
    defaultVirtualServiceExportTo: ["."];
    defaultDestinationRuleExportTo: ["."];
    /** REGISTRY_ONLY: a sidecar passes only hosts the mesh knows (Services, ServiceEntries); ALLOW_ANY: any. */
    outboundTrafficPolicy: { mode: OutboundTrafficMode };
    accessLogFile?: string;
    accessLogEncoding?: "JSON" | "TEXT";
    extensionProviders?: OpenTelemetryProvider[];
}

/** Chart `istiod`. */
export interface IstiodValues {
    revision: string;
    replicaCount: number;
    autoscaleEnabled: boolean;
    autoscaleMin: number;
    autoscaleMax: number;
    resources: ComputeResources;
    seccompProfile: SeccompProfile;
    /** Pods get the istio-validation init container (no capabilities) instead of istio-init (NET_ADMIN). */
    cni: { enabled: true };
    /** Where the CNI agent runs, for the untaint controller when it is switched on. */
    taint: { namespace: pulumi.Input<string> };
    /** istiod's environment: a Gateway applies only to gateway pods in its own namespace. */
    env: { PILOT_SCOPE_GATEWAY_TO_NAMESPACE: "true" };
    meshConfig: MeshConfigValues;
    gateways: { seccompProfile: SeccompProfile };
    global: {
        istioNamespace: pulumi.Input<string>;
        defaultPodDisruptionBudget: { enabled: boolean };
        proxy: {
            resources: ComputeResources;
            seccompProfile: SeccompProfile;
        };
    };
    base: { validationFailurePolicy: "Fail" };
}

/** Chart `cni`: the node agent DaemonSet. */
export interface IstioCniValues {
    resources: Pick<ComputeResources, "limits">;
    /**
     * The DaemonSet runs at priority system-node-critical, which clusters (GKE, by default the
     * Priority admission plugin's config) admit outside kube-system only where a ResourceQuota
     * scoped to that class exists; the chart renders one.
     */
    resourceQuotas: { enabled: true };
}

export interface GatewayPodSecurityContext extends RestrictedPodSecurityContext {
    /** Lets the non-root Envoy bind ports 80 and 443 (a sysctl the restricted level allows). */
    sysctls: Sysctl[];
}

export type GatewayContainerSecurityContext = RestrictedContainerSecurityContext;

/** Chart `gateway`: a gateway Deployment, its HPA, PDB and Service (the ingress's LoadBalancer, the egress's ClusterIP). */
export interface IstioGatewayValues {
    revision: string;
    /** Only without autoscaling (the chart's default is on). */
    replicaCount?: number;
    autoscaling: { enabled: false } | { minReplicas: number; maxReplicas: number };
    podDisruptionBudget?: { maxUnavailable: number };
    resources: Pick<ComputeResources, "limits">;
    securityContext: GatewayPodSecurityContext;
    containerSecurityContext: GatewayContainerSecurityContext;
    /** The egress gateway's: a ClusterIP Service with one TLS port per declared external port. */
    service?: { type: "ClusterIP"; ports: { name: string; port: number; protocol: "TCP"; targetPort: number }[] };
}
