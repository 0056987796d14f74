// The cluster the charts are rendered for: what `.Capabilities` says during `helm template`.
// A real `pulumi preview` asks the cluster; offline we state one: a Kubernetes release whose Pod
// Security semantics the policy pack judges, serving the built-in APIs Helm knows for it plus the
// API group versions the platform's own charts install (a test checks this list covers every
// version their CRDs serve, so the two cannot drift apart).
export const RENDER_KUBERNETES_VERSION = "1.36.0";

export const PLATFORM_API_VERSIONS = [
    "monitoring.coreos.com/v1",
    "monitoring.coreos.com/v1alpha1",
    "networking.istio.io/v1",
    "networking.istio.io/v1alpha3",
    "networking.istio.io/v1beta1",
    "security.istio.io/v1",
    "security.istio.io/v1beta1",
    "telemetry.istio.io/v1",
    "telemetry.istio.io/v1alpha1",
    "extensions.istio.io/v1alpha1",
    "argoproj.io/v1alpha1",
    "autoscaling.k8s.io/v1",
    "keda.sh/v1alpha1",
    "eventing.keda.sh/v1alpha1",
    "elasticsearch.k8s.elastic.co/v1",
    "elasticsearch.k8s.elastic.co/v1beta1",
    "kibana.k8s.elastic.co/v1",
    "kibana.k8s.elastic.co/v1beta1",
    "apm.k8s.elastic.co/v1",
    "apm.k8s.elastic.co/v1beta1",
    "beat.k8s.elastic.co/v1beta1",
    "agent.k8s.elastic.co/v1alpha1",
    "enterprisesearch.k8s.elastic.co/v1",
    "enterprisesearch.k8s.elastic.co/v1beta1",
    "maps.k8s.elastic.co/v1alpha1",
    "logstash.k8s.elastic.co/v1alpha1",
    "stackconfigpolicy.k8s.elastic.co/v1alpha1",
    "autoops.k8s.elastic.co/v1alpha1",
    "autoscaling.k8s.elastic.co/v1alpha1",
    "packageregistry.k8s.elastic.co/v1alpha1",
] as const;
