// The platform's own namespaces: one place that says which Pod Security level each add-on
// needs and why. The policy pack's namespaceLevels, privileged namespaces and the reasons of its
// Pod Security exemptions are generated from this table (infra/policyConfig, npm run policy-config).
import { PlatformNamespaceSpec } from "../components/tenancy/types";

export const NAMESPACES = {
    istioSystem: "istio-system",
    istioCni: "istio-cni",
    ingressGateway: "istio-ingress",
    /** The egress gateway: the one exit for declared external hosts (mesh.egressGateway). */
    egressGateway: "istio-egress",
    monitoring: "monitoring",
    nodeExporter: "node-exporter",
    tracing: "tracing",
    eckOperator: "elastic-system",
    logging: "logging",
    fluentBit: "fluent-bit",
    argocd: "argocd",
    externalSecrets: "external-secrets",
    /** The dev store: Secrets the program seeds from Pulumi secrets, read by ESO's Kubernetes provider. */
    secretStore: "platform-secrets",
    /** metrics-server, where the stack installs it (platform:resourceMetrics.source). */
    metricsServer: "metrics-server",
    /** The Vertical Pod Autoscaler's recommender, where platform:rightSizing.enabled is true. */
    vpa: "vpa",
    /** KEDA, where platform:requestScaling.enabled is true. */
    keda: "keda",
    /** Argo Rollouts' controller, where platform:progressiveDelivery.enabled is true. */
    argoRollouts: "argo-rollouts",
} as const;

/** The add-ons that create platform namespaces, each switched by its `enabled` (resourceMetrics by its `source`). */
type Enabled = Record<"monitoring" | "tracing" | "logging" | "gitops" | "externalSecrets" | "rightSizing" | "requestScaling" | "progressiveDelivery", { enabled: boolean }>
    & { mesh: { enabled: boolean; egressGateway: { enabled: boolean } }; resourceMetrics: { source: string } };

/** A platform namespace and the add-on whose `enabled` creates it. */
export interface PlatformNamespace extends PlatformNamespaceSpec {
    addOn: keyof Enabled;
    /** Created only when the stack's secret store is of this kind. */
    storeKind?: string;
    /** Created only when this part of the mesh is enabled too (platform:mesh.<meshPart>.enabled). */
    meshPart?: "egressGateway";
}

/** Every platform namespace, in creation order. */
export const PLATFORM_NAMESPACES: readonly PlatformNamespace[] = [
    { addOn: "mesh", name: NAMESPACES.istioSystem, podSecurityLevel: "restricted", meshInjection: false },
    {
        addOn: "mesh",
        name: NAMESPACES.istioCni,
        podSecurityLevel: "privileged",
        reason: "Istio CNI node agent: hostPath /opt/cni/bin, /etc/cni/net.d, /proc, /var/run/netns and /var/run/istio-cni, " +
            "and NET_ADMIN, NET_RAW, SYS_ADMIN, SYS_PTRACE unconfined by AppArmor to program pod networking",
        meshInjection: false,
    },
    { addOn: "mesh", name: NAMESPACES.ingressGateway, podSecurityLevel: "restricted", meshInjection: true },
    { addOn: "mesh", name: NAMESPACES.egressGateway, podSecurityLevel: "restricted", meshInjection: true, meshPart: "egressGateway" },
    { addOn: "monitoring", name: NAMESPACES.monitoring, podSecurityLevel: "restricted", meshInjection: false, holdsStatefulData: true },
    {
        addOn: "monitoring",
        name: NAMESPACES.nodeExporter,
        podSecurityLevel: "privileged",
        reason: "prometheus-node-exporter: host network and PID namespaces, hostPath /, /proc and /sys to read node metrics",
        meshInjection: false,
    },
    { addOn: "tracing", name: NAMESPACES.tracing, podSecurityLevel: "restricted", meshInjection: false },
    { addOn: "logging", name: NAMESPACES.eckOperator, podSecurityLevel: "restricted", meshInjection: false },
    { addOn: "logging", name: NAMESPACES.logging, podSecurityLevel: "restricted", meshInjection: false, holdsStatefulData: true },
    {
        addOn: "logging",
        name: NAMESPACES.fluentBit,
        podSecurityLevel: "privileged",
        reason: "Fluent Bit: hostPath /var/log, /var/lib/docker/containers and /etc/machine-id to tail every container's log",
        meshInjection: false,
    },
    { addOn: "gitops", name: NAMESPACES.argocd, podSecurityLevel: "restricted", meshInjection: false },
    { addOn: "externalSecrets", name: NAMESPACES.externalSecrets, podSecurityLevel: "restricted", meshInjection: false },
    // Runs no pods: it holds the Secrets ESO's Kubernetes provider reads, only when that is the stack's store.
    { addOn: "externalSecrets", name: NAMESPACES.secretStore, podSecurityLevel: "restricted", meshInjection: false, storeKind: "kubernetes" },
    // Outside the mesh: its callers are the API server's aggregator, which presents no mesh certificate.
    { addOn: "resourceMetrics", name: NAMESPACES.metricsServer, podSecurityLevel: "restricted", meshInjection: false },
    // Outside the mesh: it serves nothing and calls only the API server.
    { addOn: "rightSizing", name: NAMESPACES.vpa, podSecurityLevel: "restricted", meshInjection: false },
    // Outside the mesh: the API server's aggregator and webhook calls present no mesh certificate,
    // and Prometheus, which the operator queries, is outside it too.
    { addOn: "requestScaling", name: NAMESPACES.keda, podSecurityLevel: "restricted", meshInjection: false },
    // Outside the mesh: it serves nothing but its metrics, and calls only the API server and
    // Prometheus, which is outside it too.
    { addOn: "progressiveDelivery", name: NAMESPACES.argoRollouts, podSecurityLevel: "restricted", meshInjection: false },
];

/** Whether an add-on runs in the stack: resourceMetrics by its source, the others by `enabled`. */
function addOnRuns(c: Enabled, addOn: PlatformNamespace["addOn"]): boolean {
    return addOn === "resourceMetrics" ? c.resourceMetrics.source === "metrics-server" : c[addOn].enabled;
}

/** The namespaces of the enabled add-ons. */
export function platformNamespaceSpecs(c: Enabled & { externalSecrets: { store: { kind: string } } }): PlatformNamespaceSpec[] {
    return PLATFORM_NAMESPACES
        .filter((ns) => addOnRuns(c, ns.addOn) && (ns.storeKind === undefined || ns.storeKind === c.externalSecrets.store.kind) &&
            (ns.meshPart === undefined || c.mesh[ns.meshPart].enabled))
        .map(({ addOn: _addOn, storeKind: _storeKind, meshPart: _meshPart, ...spec }) => spec);
}
