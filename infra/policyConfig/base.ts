// The policy configuration every stack starts from: the pack's settings and the narrow exemptions
// the platform's own add-ons need. Namespace facts (Pod Security levels, which namespaces are
// privileged and why) come from infra/namespaces.ts; stacks.ts holds each stack's differences.
import { POD_SECURITY_KUBERNETES_RELEASE } from "../../components/tenancy/podSecurity";
import { CROSS_TEAM_ANNOTATION, DEFAULT_DENY_POLICY, TENANT_LABEL } from "../../components/tenancy/names";
import { DEFAULT_CLUSTER_DOMAIN } from "@reference-platform/consumer/shared/clusterDomain";
import { SECRET_ENV_ANNOTATION } from "@reference-platform/consumer/microservice";
import { NAMESPACES, PLATFORM_NAMESPACES } from "../namespaces";
import { EGRESS_GATEWAY_NAME, GATEWAY_NAME } from "../../components/mesh/names";
import { RELEASE as METRICS_SERVER_RELEASE } from "../../components/resourceMetrics/names";
import { RECOMMENDER as VPA_RECOMMENDER, RELEASE as VPA_RELEASE } from "../../components/rightSizing/names";
import { OPERATOR as KEDA_OPERATOR, RELEASE as KEDA_RELEASE } from "../../components/requestScaling/names";
import { CONTROLLER as ARGO_ROLLOUTS_CONTROLLER, RELEASE as ARGO_ROLLOUTS_RELEASE } from "../../components/progressiveDelivery/names";
import { Exemption, PolicySettings } from "./types";

/** The exemptions for the add-ons are reviewed together, against the pinned charts, by this date. */
const REVIEW_BY = "2027-05-31";

/** Why a privileged namespace is privileged: also the reason of its workload's Pod Security exemption. */
function privilegedReason(namespace: string): string {
    const entry = PLATFORM_NAMESPACES.find((ns) => ns.name === namespace);
    if (entry?.podSecurityLevel !== "privileged" || !entry.reason) {
        throw new Error(`${namespace} is not a privileged platform namespace with a reason (infra/namespaces.ts)`);
    }
    return entry.reason;
}

const privilegedNamespaces = PLATFORM_NAMESPACES.filter((ns) => ns.podSecurityLevel === "privileged").map((ns) => ns.name);

/**
 * What a release of the gateway chart (release = Deployment name) needs waived. Every stack runs the
 * ingress gateway; the egress gateway's entries are added only where the profile runs it (index.ts),
 * so no stack ships an exemption that selects nothing.
 */
function gatewayExemptions(release: string, namespace: string): { "image-provenance": Exemption[]; "workload-service-account": Exemption[] } {
    return {
        "image-provenance": [{
            chart: release,
            namespace,
            kind: "Deployment",
            name: release,
            controls: ["unpinned", "registry"],
            reason: "the gateway chart sets image: auto; istiod's injection webhook replaces it with the pinned proxy image at admission",
            expires: REVIEW_BY,
        }],
        "workload-service-account": [tokenNeed(release, namespace, "Deployment", release,
            "the gateway's proxy presents its ServiceAccount token to istiod for its certificate")],
    };
}

const ingressGateway = gatewayExemptions(GATEWAY_NAME, NAMESPACES.ingressGateway);

/** The egress gateway's exemptions, for the stacks whose profile sets mesh.egressGateway.enabled. */
export const egressGatewayExemptions = gatewayExemptions(EGRESS_GATEWAY_NAME, NAMESPACES.egressGateway);

/** KEDA's exemptions, for the stacks whose profile sets requestScaling.enabled. */
export const requestScalingExemptions: { "rbac-least-privilege": Exemption[] } = {
    "rbac-least-privilege": [{
        chart: KEDA_RELEASE,
        kind: "ClusterRole",
        name: `${KEDA_OPERATOR}-minimal-cluster-role`,
        controls: ["admissionWebhooks"],
        reason: "KEDA's operator generates its own serving certificates and patches their CA bundle into its ScaledObject " +
            "webhook and its external metrics APIService (no cert-manager here); patch and update on webhook configurations",
        expires: REVIEW_BY,
    }],
};

/** Argo Rollouts' exemptions, for the stacks whose profile sets progressiveDelivery.enabled. */
export const progressiveDeliveryExemptions: { "rbac-least-privilege": Exemption[]; "workload-service-account": Exemption[] } = {
    "rbac-least-privilege": [{
        chart: ARGO_ROLLOUTS_RELEASE,
        kind: "ClusterRole",
        name: ARGO_ROLLOUTS_CONTROLLER,
        controls: ["secretsRead"],
        reason: "argo-rollouts 2.41.0's controller reads Secrets in the namespace of each AnalysisRun it runs (an " +
            "AnalysisTemplate's args may come from a secretKeyRef); the chart grants get, list and watch cluster-wide and has " +
            "no knob to narrow it (clusterInstall false would confine the controller to its own namespace); read-only, no write",
        expires: REVIEW_BY,
    }],
    "workload-service-account": [tokenNeed(ARGO_ROLLOUTS_RELEASE, NAMESPACES.argoRollouts, "Deployment", ARGO_ROLLOUTS_CONTROLLER,
        "Argo Rollouts' controller watches Rollouts and writes their ReplicaSets and VirtualServices (the chart has no automount knob)")],
};

export const basePolicySettings: PolicySettings = {
    "pod-security-standards": {
        level: "restricted",
        namespaceLevels: Object.fromEntries(PLATFORM_NAMESPACES.map((ns) => [ns.name, ns.podSecurityLevel])),
        kubernetesVersion: POD_SECURITY_KUBERNETES_RELEASE,
        exemptions: [
            {
                chart: "istio-cni",
                namespace: NAMESPACES.istioCni,
                kind: "DaemonSet",
                name: "istio-cni-node",
                controls: ["hostPathVolumes", "capabilities_baseline", "appArmorProfile"],
                reason: privilegedReason(NAMESPACES.istioCni),
                expires: REVIEW_BY,
            },
            {
                chart: "kube-prometheus-stack",
                namespace: NAMESPACES.nodeExporter,
                kind: "DaemonSet",
                name: "node-exporter",
                controls: ["hostNamespaces", "hostPathVolumes"],
                reason: privilegedReason(NAMESPACES.nodeExporter),
                expires: REVIEW_BY,
            },
            {
                chart: "fluent-bit",
                namespace: NAMESPACES.fluentBit,
                kind: "DaemonSet",
                name: "fluent-bit",
                controls: ["hostPathVolumes"],
                reason: privilegedReason(NAMESPACES.fluentBit),
                expires: REVIEW_BY,
            },
        ],
    },
    "container-resources": { requireCpuLimit: false, maxCpu: "2", maxMemory: "4Gi", exemptions: [] },
    "rbac-least-privilege": {
        privilegedNamespaces: ["kube-system", ...privilegedNamespaces],
        exemptions: [
            {
                chart: "argocd",
                kind: "ClusterRole",
                name: "argocd-application-controller",
                controls: [
                    "wildcard", "escalate", "bind", "impersonate", "secretsRead", "podExec", "ephemeralContainers", "nodesProxy",
                    "serviceAccountToken", "csrApproval", "admissionWebhooks", "persistentVolumeCreate", "namespaceUpdate", "nonResourceURLs",
                ],
                reason: "Argo CD application controller reconciles any resource kind in any namespace: rules of * on * by design",
                expires: REVIEW_BY,
            },
            {
                chart: "argocd",
                kind: "ClusterRole",
                name: "argocd-server",
                controls: ["wildcard", "secretsRead", "podExec", "ephemeralContainers", "nodesProxy", "csrApproval", "admissionWebhooks", "namespaceUpdate"],
                reason: "Argo CD server shows, patches and deletes application resources of any kind (get, patch, delete on * by design)",
                expires: REVIEW_BY,
            },
            {
                chart: "kube-prometheus-stack",
                kind: "ClusterRole",
                name: "monitoring-operator",
                controls: ["wildcard", "secretsRead"],
                reason: "prometheus-operator manages monitoring.coreos.com resources (verbs *) and the Secrets it renders for " +
                    "Prometheus and Alertmanager in every namespace",
                expires: REVIEW_BY,
            },
            {
                chart: VPA_RELEASE,
                kind: "ClusterRole",
                name: `${VPA_RELEASE}-target-reader`,
                controls: ["wildcard"],
                reason: "the VPA recommender resolves each VerticalPodAutoscaler's target through the scale subresource of any API " +
                    "group (a VPA may target a custom resource): get and watch on */scale, read-only",
                expires: REVIEW_BY,
            },
            {
                chart: "kube-prometheus-stack",
                kind: "ClusterRole",
                name: "kube-state-metrics",
                controls: ["secretsRead"],
                reason: "kube-state-metrics lists and watches Secrets (metadata only) to export their state",
                expires: REVIEW_BY,
            },
            {
                chart: "istiod-*",
                kind: "ClusterRole",
                name: "istiod-clusterrole-*",
                controls: ["wildcard", "secretsRead", "admissionWebhooks"],
                reason: "istiod watches Istio resources of every kind (wildcard resources in Istio API groups), reads Secrets for " +
                    "gateway TLS credentials and patches its own webhooks' CA bundle",
                expires: REVIEW_BY,
            },
            {
                chart: "istiod-*",
                kind: "ClusterRole",
                name: "istio-reader-clusterrole-*",
                controls: ["wildcard", "secretsRead"],
                reason: "read-only view of Istio resources and Secrets for multi-cluster and istioctl, shipped by the istiod chart",
                expires: REVIEW_BY,
            },
            {
                namespace: NAMESPACES.fluentBit,
                kind: "Role",
                name: "elasticsearch-ca-sync",
                controls: ["privilegedNamespaceWrite"],
                reason: "the platform's CA sync Job writes the Elasticsearch CA Secret into fluent-bit, so Fluent Bit can verify " +
                    "Elasticsearch's certificate",
                expires: REVIEW_BY,
            },
            {
                chart: "kiali",
                kind: "ClusterRole",
                name: "kiali-viewer",
                controls: ["wildcard", "podExec"],
                reason: "kiali-server 2.29.0's viewer ClusterRole: get/list/watch on every resource of the Istio API groups " +
                    "(wildcard resources) to draw and validate the mesh, and create on pods/portforward to read Envoy's admin " +
                    "endpoint of a proxy; no write verbs",
                expires: REVIEW_BY,
            },
            {
                chart: "external-secrets",
                kind: "ClusterRole",
                name: "external-secrets-controller",
                controls: ["secretsRead", "serviceAccountToken"],
                reason: "external-secrets 2.9.0's controller writes and watches the Secret each ExternalSecret owns, in any team " +
                    "namespace, and requests short-lived tokens of the store's ServiceAccount to authenticate to the store " +
                    "(Vault Kubernetes auth, IRSA, workload identity); ClusterExternalSecret and PushSecret are off",
                expires: REVIEW_BY,
            },
            {
                chart: "external-secrets",
                kind: "ClusterRole",
                name: "external-secrets-cert-controller",
                controls: ["secretsRead"],
                reason: "external-secrets 2.9.0's cert controller reads and rotates the webhook's serving certificate Secret " +
                    "(the chart grants it cluster-wide, not by name)",
                expires: REVIEW_BY,
            },
        ],
    },
    "image-provenance": {
        allowedRegistries: [
            "ghcr.io/stefanprodan", "docker.io", "quay.io", "registry.k8s.io", "gcr.io/istio-release", "docker.elastic.co",
            "cr.fluentbit.io", "ghcr.io/dexidp", "public.ecr.aws/docker/library", "ghcr.io/external-secrets", "ghcr.io/kedacore",
        ],
        requireDigest: false,
        exemptions: ingressGateway["image-provenance"],
    },
    "service-exposure": { allowed: [{ namespace: NAMESPACES.ingressGateway, type: "LoadBalancer" }], exemptions: [] },
    "mesh-mtls": { minimumMode: "STRICT", clusterDomain: DEFAULT_CLUSTER_DOMAIN, exemptions: [] },
    "helm-chart-pinned": { exemptions: [] },
    "pod-disruption-budget": { minReplicas: 2, exemptions: [] },
    "tenant-namespace-guardrails": { tenantLabel: TENANT_LABEL, defaultDenyName: DEFAULT_DENY_POLICY, exemptions: [] },
    "workload-service-account": {
        // Charts whose pods leave automountServiceAccountToken unset: each calls the Kubernetes API
        // with its own ServiceAccount (or, for Jaeger, the account itself refuses the mount).
        exemptions: [
            tokenNeed("istio-cni", NAMESPACES.istioCni, "DaemonSet", "istio-cni-node", "the CNI node agent watches pods to set up their redirection"),
            tokenNeed("istiod-*", NAMESPACES.istioSystem, "Deployment", "istiod-*", "istiod watches the whole cluster's services, pods and Istio objects"),
            ...ingressGateway["workload-service-account"],
            tokenNeed("kiali", NAMESPACES.istioSystem, "Deployment", "kiali", "Kiali reads the mesh's objects and pods"),
            tokenNeed(METRICS_SERVER_RELEASE, NAMESPACES.metricsServer, "Deployment", METRICS_SERVER_RELEASE,
                "metrics-server lists nodes and pods, and checks its callers' tokens (TokenReview, SubjectAccessReview)"),
            tokenNeed(VPA_RELEASE, NAMESPACES.vpa, "Deployment", VPA_RECOMMENDER,
                "the VPA recommender reads pods and the resource metrics API, and writes VerticalPodAutoscalers' status and checkpoints"),
            tokenNeed("fluent-bit", NAMESPACES.fluentBit, "DaemonSet", "fluent-bit", "Fluent Bit's kubernetes filter reads pod metadata"),
            tokenNeed("jaeger", NAMESPACES.tracing, "Deployment", "jaeger",
                "the chart's ServiceAccount sets automountServiceAccountToken: false (tracing values), so nothing is mounted"),
        ],
    },
    "custom-resource-chart-dependency": { exemptions: [] },
    // Error-level analyzer messages (IST0101, ...): nothing of the platform's own is waived.
    "mesh-analysis": {
        crossTeamAnnotation: CROSS_TEAM_ANNOTATION,
        // Filled per stack from its profile's mesh.gatewayTlsSecretName (index.ts).
        externalSecrets: [],
        exemptions: [],
    },
    "mesh-analysis-warnings": {
        crossTeamAnnotation: CROSS_TEAM_ANNOTATION,
        // Filled per stack from its profile's mesh.gatewayTlsSecretName (index.ts).
        externalSecrets: [],
        exemptions: [
            {
                chart: "jaeger",
                namespace: NAMESPACES.tracing,
                kind: "Service",
                name: "jaeger",
                controls: ["IST0118"],
                reason: "jaeger chart 4.11.1 renders this Service with Jaeger v1 ports named config-rest (5778) and c-tchan-trft " +
                    "(14267), IST0118; the platform sends OTLP only (4317/4318, named grpc-/http-)",
                expires: "2027-06-30",
            },
        ],
    },
    "capacity": { exemptions: [] },
    "edge-rate-limit": { exemptions: [] },
    "edge-jwt-authorization": { exemptions: [] },
    // A tenant's public routes are exported to the ingress gateway's namespace, nowhere else.
    "tenant-isolation": { tenantLabel: TENANT_LABEL, gatewayNamespaces: [NAMESPACES.ingressGateway], exemptions: [] },
    "mesh-sidecar": { exemptions: [] },
    // The annotation is the one the Microservice writes; prod requires it (stacks.ts).
    "secret-hygiene": { tenantLabel: TENANT_LABEL, requireDeclaredSecretEnv: false, secretEnvAnnotation: SECRET_ENV_ANNOTATION, exemptions: [] },
    // Filled per stack from its profile's resourceMetrics.source (index.ts).
    "autoscaling-metrics-source": { clusterServesMetricsApi: false, exemptions: [] },
};

/** A chart workload that leaves `automountServiceAccountToken` unset because it needs the token (reason). */
function tokenNeed(chart: string, namespace: string, kind: string, name: string, reason: string): Exemption {
    return { chart, namespace, kind, name, controls: ["tokenAutomount"], reason, expires: REVIEW_BY };
}
