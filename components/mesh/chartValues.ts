// The component's values for the four Istio charts: the profile's revisions and replica counts,
// CNI-based traffic capture, restricted-compliant pods, and mesh-wide logging and tracing.
import * as pulumi from "@pulumi/pulumi";
import { MeshSettings } from "./settings";
import { DEFAULT_TRUST_DOMAIN, TRACING_PROVIDER } from "./names";
import { ComputeResources } from "@reference-platform/consumer/shared/resources";
import { IstioBaseValues, IstioCniValues, IstioGatewayValues, IstiodValues, MeshConfigValues } from "./chartValueTypes";
import { restrictedContainerSecurityContext, restrictedPodSecurityContext, RUNTIME_DEFAULT_SECCOMP } from "@reference-platform/consumer/shared/securityContext";

/** Where sidecars send spans: the tracing component's OTLP gRPC collector. */
export interface OtlpEndpoint {
    /** Fully qualified Service host, e.g. jaeger-collector.tracing.svc.cluster.local. */
    host: string;
    port: number;
}

/** "host:port" (the tracing component's plain-string contract) as an OtlpEndpoint. */
export function otlpEndpoint(hostPort: string): OtlpEndpoint {
    const match = /^([a-z0-9.-]+):(\d{1,5})$/.exec(hostPort);
    if (!match) throw new Error(`mesh: tracing endpoint "${hostPort}" is not host:port`);
    return { host: match[1], port: Number(match[2]) };
}

export interface MeshNamespaces {
    istioSystem: pulumi.Input<string>;
    istioCni: pulumi.Input<string>;
}

// Sizes; override per stack through platform:chartValues.<chart key>.
const ISTIOD: ComputeResources = { requests: { cpu: "250m", memory: "512Mi" }, limits: { memory: "2Gi" } };
// The CNI agent's and the gateway's requests are the charts' own (100m/100Mi, 100m/128Mi).
const CNI_AGENT: Pick<ComputeResources, "limits"> = { limits: { memory: "256Mi" } };
const GATEWAY: Pick<ComputeResources, "limits"> = { limits: { cpu: "2", memory: "1Gi" } };
// Every injected sidecar counts against its team's quota, which caps limits.cpu; LimitRange
// defaults are applied before the injection webhook adds the container, so it needs its own limit.
const SIDECAR: ComputeResources = { requests: { cpu: "50m", memory: "64Mi" }, limits: { cpu: "250m", memory: "256Mi" } };

/** The uid/gid of the proxyv2 image's istio-proxy user. */
const PROXY_UID = 1337;
/** With more than one replica, an HPA may scale up to this many times the profile's count (at the charts' 80% CPU). */
const AUTOSCALE_HEADROOM = 2;

/** Several replicas mean a production-like stack: autoscaled from that floor, with a disruption budget. */
const isHighlyAvailable = (replicas: number) => replicas > 1;

export function baseValues(settings: MeshSettings, ns: MeshNamespaces): IstioBaseValues {
    return {
        global: { istioNamespace: ns.istioSystem },
        defaultRevision: settings.revision,
        base: { validationFailurePolicy: "Fail" },
    };
}

export function meshConfig(settings: MeshSettings, tracing?: OtlpEndpoint): MeshConfigValues {
    return {
        trustDomain: DEFAULT_TRUST_DOMAIN,
        defaultVirtualServiceExportTo: ["."],
        defaultDestinationRuleExportTo: ["."],
        outboundTrafficPolicy: { mode: settings.outboundTrafficPolicy },
        ...(settings.accessLogging ? { accessLogFile: "/dev/stdout", accessLogEncoding: "JSON" as const } : {}),
        ...(tracing
            ? { extensionProviders: [{ name: TRACING_PROVIDER, opentelemetry: { service: tracing.host, port: tracing.port } }] }
            : {}),
    };
}

/** One control plane: every installed revision gets the same settings, only its name differs. */
export function istiodValues(settings: MeshSettings, revision: string, ns: MeshNamespaces, tracing?: OtlpEndpoint): IstiodValues {
    const ha = isHighlyAvailable(settings.istiodReplicas);
    return {
        revision,
        replicaCount: settings.istiodReplicas,
        autoscaleEnabled: ha,
        autoscaleMin: settings.istiodReplicas,
        autoscaleMax: settings.istiodReplicas * AUTOSCALE_HEADROOM,
        resources: ISTIOD,
        seccompProfile: RUNTIME_DEFAULT_SECCOMP,
        cni: { enabled: true },
        taint: { namespace: ns.istioCni },
        // Without it a team's Gateway could select the shared ingress gateway's pods from its own namespace.
        env: { PILOT_SCOPE_GATEWAY_TO_NAMESPACE: "true" },
        meshConfig: meshConfig(settings, tracing),
        gateways: { seccompProfile: RUNTIME_DEFAULT_SECCOMP },
        global: {
            istioNamespace: ns.istioSystem,
            defaultPodDisruptionBudget: { enabled: ha },
            proxy: { resources: SIDECAR, seccompProfile: RUNTIME_DEFAULT_SECCOMP },
        },
        base: { validationFailurePolicy: "Fail" },
    };
}

export function cniValues(): IstioCniValues {
    return {
        resources: CNI_AGENT,
        resourceQuotas: { enabled: true },
    };
}

/** A gateway release's pods: the revision, the count (autoscaled with a disruption budget when several), size and security. */
function gatewayPodValues(revision: string, replicas: number): IstioGatewayValues {
    const ha = isHighlyAvailable(replicas);
    return {
        // The release name names the Deployment, Service and ServiceAccount.
        revision,
        // The chart autoscales by default; the HPA's floor is then the replica count. A single
        // gateway runs a fixed replica.
        ...(ha
            ? { autoscaling: { minReplicas: replicas, maxReplicas: replicas * AUTOSCALE_HEADROOM }, podDisruptionBudget: { maxUnavailable: 1 } }
            : { replicaCount: replicas, autoscaling: { enabled: false } }),
        resources: GATEWAY,
        securityContext: {
            ...restrictedPodSecurityContext(),
            sysctls: [{ name: "net.ipv4.ip_unprivileged_port_start", value: "0" }],
        },
        containerSecurityContext: restrictedContainerSecurityContext({ user: PROXY_UID, group: PROXY_UID }),
    };
}

/** The ingress gateway (GATEWAY_NAME): the chart's LoadBalancer Service and ports. */
export function gatewayValues(settings: MeshSettings): IstioGatewayValues {
    return gatewayPodValues(settings.revision, settings.gatewayReplicas);
}

/** The egress gateway's health port, which the chart's readiness probe uses. */
export const GATEWAY_STATUS_PORT = 15021;

/**
 * The egress gateway (EGRESS_GATEWAY_NAME): the same pods as the ingress's, reached only from inside
 * the cluster (ClusterIP), listening on each port the declared TLS hosts use (pod port = Service port).
 */
export function egressGatewayValues(settings: MeshSettings, tlsPorts: readonly number[]): IstioGatewayValues {
    return {
        ...gatewayPodValues(settings.revision, settings.egressGateway.replicas),
        service: {
            type: "ClusterIP",
            ports: [
                { name: "status-port", port: GATEWAY_STATUS_PORT, protocol: "TCP", targetPort: GATEWAY_STATUS_PORT },
                ...tlsPorts.map((port) => ({ name: `tls-${port}`, port, protocol: "TCP" as const, targetPort: port })),
            ],
        },
    };
}
