// Realistic mistakes in a stack file, one per line: the config a user set (keys as in
// Pulumi.<stack>.yaml: platform keys bare, other namespaces in full), the line the run must print
// (or VALID), and where else the case runs besides the config loader: "program" (the program under
// mocks: fails before any resource is registered), "plan" (through `npm run plan` too).
// Add a case by adding a line.
export const VALID = "valid";

export interface BadInput {
    title: string;
    config: Record<string, unknown>;
    expect: RegExp | typeof VALID;
    stack?: string;
    also?: "program" | "plan";
}

const team = (name: string, extra: Record<string, unknown> = {}) => ({ name, group: `team-${name}`, costCenter: "cc-1", sourceRepos: [], ...extra });
const teams = (...names: string[]) => ({ tenancy: { teams: names.map((n) => team(n)) }, shop: { team: names[0] } });
const delivery = (rolling: Record<string, unknown>) => ({ shop: { services: { catalog: { delivery: { strategy: "rolling", rolling } } } } });
const LONG_NAME = "a".repeat(63);
/** shop and data, with cross-team declarations on their services. */
const crossTeam = (shop: Record<string, unknown>, data: Record<string, unknown> = {}) =>
    ({ tenancy: { teams: [team("shop", { services: shop }), team("data", { services: data })] }, shop: { team: "shop" } });

export const BAD_INPUTS: BadInput[] = [
    // names that clash with Kubernetes or the platform
    { title: "team named default", config: teams("default"), expect: /platform:tenancy\.teams\[0\]\.name: "default" is reserved by Kubernetes/, also: "program" },
    { title: "team named kube-system", config: teams("shop", "kube-system"), expect: /platform:tenancy\.teams\[1\]\.name: "kube-system" is reserved by Kubernetes \(default, kube-\*\)/ },
    { title: "team named monitoring", config: teams("monitoring"), expect: /platform:tenancy\.teams\[0\]\.name: "monitoring" is a namespace the platform uses \(infra\/namespaces\.ts/, also: "plan" },
    { title: "team named istio-system", config: teams("shop", "istio-system"), expect: /platform:tenancy\.teams\[1\]\.name: "istio-system" is a namespace the platform uses/ },
    { title: "team listed twice", config: teams("shop", "shop"), expect: /platform:tenancy\.teams\[1\]\.name: team "shop" is listed twice/ },
    { title: "63-character team name", config: teams(LONG_NAME), expect: VALID, also: "program" },
    { title: "64-character team name", config: teams(`${LONG_NAME}a`), expect: /platform:tenancy\.teams\[0\]\.name: must be a DNS-1123 label.*at most 63 characters/ },
    // quantities
    { title: "storage 0", config: { monitoring: { storageSize: "0" } }, expect: /platform:monitoring\.storageSize: must be above zero \(got "0"\)/ },
    { title: "negative storage", config: { logging: { elasticsearchStorageSize: "-1Gi" } }, expect: /platform:logging\.elasticsearchStorageSize: must be above zero \(got "-1Gi"\)/ },
    { title: "negative memory request", config: { workloads: { resources: { requests: { memory: "-64Mi" } } } }, expect: /platform:workloads\.resources\.requests\.memory: must be above zero \(got "-64Mi"\)/, also: "program" },
    { title: "memory request 0", config: { tracing: { resources: { requests: { memory: "0" } } } }, expect: /platform:tracing\.resources\.requests\.memory: must be above zero \(got "0"\)/ },
    { title: "memory in millibytes", config: { workloads: { resources: { limits: { memory: "512m" } } } }, expect: /platform:workloads\.resources\.limits\.memory: is less than one byte .*did you mean "512Mi"\?/ },
    { title: "malformed quantity", config: { monitoring: { storageSize: "500mb" } }, expect: /platform:monitoring\.storageSize: must be a Kubernetes quantity such as "250m", "512Mi" or "2Gi" \(got "500mb"\)/ },
    { title: "1.5Gi memory", config: { workloads: { resources: { limits: { memory: "1.5Gi" } } } }, expect: VALID },
    { title: "CPU request as a number", config: { tenancy: { quota: { requestsCpu: 1 } } }, expect: VALID },
    { title: "CPU request as a string", config: { tenancy: { quota: { requestsCpu: "1" } } }, expect: VALID },
    { title: "requestsCpu 4 as pulumi config set --path stores it", config: { tenancy: { quota: { requestsCpu: 4, limitsCpu: 8 } } }, expect: VALID, also: "program" },
    { title: "requests.cpu 1 as a number", config: { workloads: { resources: { requests: { cpu: 1 }, limits: { cpu: "2" } } } }, expect: VALID },
    { title: "quota requests above limits", config: { tenancy: { quota: { requestsMemory: "16Gi", limitsMemory: "8Gi" } } }, expect: /platform:tenancy\.quota\.requestsMemory: exceeds limitsMemory "8Gi" \(got "16Gi"\)/ },
    { title: "container request above its limit", config: { workloads: { resources: { requests: { memory: "1Gi" }, limits: { memory: "512Mi" } } } }, expect: /platform:workloads\.resources\.requests\.memory: exceeds limits\.memory "512Mi" \(got "1Gi"\)/ },
    // rollouts (int-or-string)
    { title: "maxSurge empty", config: { workloads: { rollingUpdate: { maxSurge: "" } } }, expect: /platform:workloads\.rollingUpdate\.maxSurge: must be a whole number such as 1 or a percentage such as "25%" \(got ""\)/ },
    { title: "maxSurge abc", config: { workloads: { rollingUpdate: { maxSurge: "abc" } } }, expect: /platform:workloads\.rollingUpdate\.maxSurge: must be a whole number .* \(got "abc"\)/, also: "program" },
    { title: "maxSurge and maxUnavailable both 0", config: { workloads: { rollingUpdate: { maxSurge: "0", maxUnavailable: "0" } } }, expect: /platform:workloads\.rollingUpdate\.maxSurge: is 0 and so is maxUnavailable/ },
    { title: "a service's rolling update stalls with the defaults", config: delivery({ maxSurge: 0 }), expect: /platform:shop\.services\.catalog\.delivery\.rolling: gives maxSurge 0 and maxUnavailable 0/ },
    { title: "maxUnavailable above 100%", config: { workloads: { rollingUpdate: { maxUnavailable: "150%" } } }, expect: /platform:workloads\.rollingUpdate\.maxUnavailable: must be at most 100% \(got "150%"\)/ },
    { title: "maxSurge 1 as a number", config: { workloads: { rollingUpdate: { maxSurge: 1 } } }, expect: VALID },
    { title: "maxSurge as a percentage", config: delivery({ maxSurge: "50%", maxUnavailable: 0 }), expect: VALID },
    // numbers
    { title: "tracingSamplingPercent as the string pulumi stores without --type float", config: { mesh: { tracingSamplingPercent: "0.5" } }, expect: VALID },
    { title: "a number given as words", config: { logging: { elasticsearchNodes: "three" } }, expect: /platform:logging\.elasticsearchNodes: must be a number \(got "three"\)/ },
    { title: "fault injection without httpStatus", config: { shop: { services: { orders: { faultInjection: { abort: { percent: 10 } } } } } }, expect: /platform:shop\.services\.orders\.faultInjection\.abort\.httpStatus: required/, also: "program" },
    { title: "the README's resilience drill", config: { shop: { services: { orders: { faultInjection: { abort: { percent: 10, httpStatus: 503 } } } } } }, expect: VALID },
    { title: "autoscaling max below min", config: { workloads: { autoscaling: { minReplicas: 5, maxReplicas: 2 } } }, expect: /platform:workloads\.autoscaling\.maxReplicas: is below minReplicas 5 \(got 2\)/ },
    // hosts, images, URLs
    { title: "gateway host as a URL", config: { mesh: { gatewayHosts: ["https://shop.example.com/"] } }, expect: /platform:mesh\.gatewayHosts\[0\]: is a URL; give only the host name/, also: "plan" },
    { title: "gateway host with a port", config: { mesh: { gatewayHosts: ["shop.example.com:443"] } }, expect: /platform:mesh\.gatewayHosts\[0\]: must be a lowercase DNS name/ },
    { title: "wildcard gateway host", config: { mesh: { gatewayHosts: ["*.example.com"] } }, expect: VALID },
    { title: "image with a trailing space", config: { shop: { image: "ghcr.io/stefanprodan/podinfo:6.9.2 " } }, expect: /platform:shop\.image: has leading or trailing whitespace/ },
    { title: "image in uppercase", config: { shop: { image: "Nginx:1.25" } }, expect: /platform:shop\.image: is not a valid image reference: it repository path "Nginx" has upper-case letters; it must be lower case/ },
    { title: "canary image unpinned", config: { shop: { services: { catalog: { delivery: { strategy: "canary", canary: { weight: 10, image: "ghcr.io/stefanprodan/podinfo:latest" } } } } } }, expect: /platform:shop\.services\.catalog\.delivery\.canary\.image: uses the mutable tag "latest"/ },
    { title: "credentials in the root app's repoURL", config: { gitops: { rootApp: { repoURL: "https://bot:ghp_token@github.com/org/apps.git" } } }, expect: /platform:gitops\.rootApp\.repoURL: credentials in a URL are stored in plaintext.*through a Secret \(got "https:\/\/\*\*\*@github\.com\/org\/apps\.git"\)/, also: "program" },
    { title: "ssh repoURL with the git user", config: { gitops: { rootApp: { repoURL: "ssh://git@github.com/org/apps.git" } } }, expect: VALID },
    { title: "credentials in a team's sourceRepos", config: { tenancy: { teams: [team("shop", { sourceRepos: ["https://u:p@git.example/shop.git"] })] } }, expect: /platform:tenancy\.teams\[0\]\.sourceRepos\[0\]: credentials in a URL/ },
    { title: "sourceRepos * in prod", stack: "prod", config: { tenancy: { teams: [team("shop", { sourceRepos: ["*"] })] } }, expect: /platform:tenancy\.teams\[0\]\.sourceRepos\[0\]: a bare "\*" .*not allowed in prod/ },
    { title: "sourceRepos * in staging", stack: "staging", config: { tenancy: { teams: [team("shop", { sourceRepos: ["*"] })] } }, expect: /not allowed in staging/ },
    { title: "sourceRepos * in dev", config: { tenancy: { teams: [team("shop", { sourceRepos: ["*"] })] } }, expect: VALID },
    { title: "chart repository without a host", config: { chartRepositories: { jaeger: "https://" } }, expect: /platform:chartRepositories\.jaeger: must be an https:\/\/ Helm repository or an oci:\/\/ registry, with a host/ },
    { title: "chart repository over ftp", config: { chartRepositories: { jaeger: "ftp://mirror" } }, expect: /platform:chartRepositories\.jaeger: must be an https:\/\//, },
    { title: "chart repository over http", config: { chartRepositories: { argoCd: "http://mirror.internal/charts" } }, expect: /platform:chartRepositories\.argoCd: uses plain http; .*platform:httpChartRepositories\.argoCd/ },
    { title: "chart repository over http, allowed with a reason", config: { chartRepositories: { argoCd: "http://mirror.internal/charts" }, httpChartRepositories: { argoCd: "air-gapped mirror, no TLS inside the enclave" } }, expect: VALID },
    { title: "http allowed for a chart with no http mirror", config: { httpChartRepositories: { jaeger: "left over from the old mirror" } }, expect: /platform:httpChartRepositories\.jaeger: allows http for chartRepositories\.jaeger, which is not an http:\/\/ URL/ },
    { title: "credentials in a chart repository", config: { chartRepositories: { jaeger: "https://u:p@charts.internal/" } }, expect: /platform:chartRepositories\.jaeger: credentials in a URL/ },
    { title: "oci registry mirror", config: { chartRepositories: { kubePrometheusStack: "oci://registry.internal/charts" } }, expect: VALID },
    // the secret store: one kind, its block, workload identity rather than static keys
    { title: "an unknown store kind", config: { externalSecrets: { store: { kind: "onepassword" } } }, expect: /platform:externalSecrets\.store\.kind: must be one of "kubernetes", "vault", "aws", "gcp", "azure" \(got "onepassword"\)/, also: "program" },
    { title: "store kind aws without its block", stack: "staging", config: { externalSecrets: { store: { kind: "aws" } } }, expect: /platform:externalSecrets\.store\.aws: is required when kind is "aws"/ },
    { title: "aws store without its role (IRSA)", stack: "prod", config: { externalSecrets: { store: { kind: "aws", aws: { region: "eu-west-1" } } } }, expect: /platform:externalSecrets\.store\.aws\.roleArn: required; must be an IAM role ARN/, also: "program" },
    { title: "aws store with a static access key", stack: "prod", config: { externalSecrets: { store: { kind: "aws", aws: { region: "eu-west-1", roleArn: "arn:aws:iam::123456789012:role/eso", accessKeyId: "AKIAIOSFODNN7EXAMPLE" } } } }, expect: /platform:externalSecrets\.store\.aws\.accessKeyId: unknown key; accepted: region, roleArn$/m },
    { title: "aws store with IRSA", stack: "prod", config: { externalSecrets: { store: { kind: "aws", aws: { region: "eu-west-1", roleArn: "arn:aws:iam::123456789012:role/eso" } } } }, expect: VALID },
    { title: "vault without its Kubernetes auth role", stack: "staging", config: { externalSecrets: { store: { vault: { kubernetesAuth: { role: "" } } } } }, expect: /platform:externalSecrets\.store\.vault\.kubernetesAuth\.role: must be the Vault role bound to the store's ServiceAccount \(got ""\)/ },
    { title: "vault over plain http", stack: "staging", config: { externalSecrets: { store: { vault: { server: "http://vault.internal:8200" } } } }, expect: /platform:externalSecrets\.store\.vault\.server: must be an https:\/\/ URL/ },
    { title: "gcp store with workload identity", stack: "prod", config: { externalSecrets: { store: { kind: "gcp", gcp: { projectId: "shop-prod-1", clusterLocation: "europe-west1", clusterName: "prod", serviceAccount: "eso-reader@shop-prod-1.iam.gserviceaccount.com" } } } }, expect: VALID },
    { title: "gcp store with a JSON key file instead of a service account", stack: "prod", config: { externalSecrets: { store: { kind: "gcp", gcp: { projectId: "shop-prod-1", clusterLocation: "europe-west1", clusterName: "prod", serviceAccount: "key.json" } } } }, expect: /platform:externalSecrets\.store\.gcp\.serviceAccount: must be a Google service account email/ },
    { title: "azure store with a tenant name instead of its ID", stack: "prod", config: { externalSecrets: { store: { kind: "azure", azure: { vaultUrl: "https://shop.vault.azure.net", tenantId: "contoso", clientId: "00000000-0000-0000-0000-000000000001" } } } }, expect: /platform:externalSecrets\.store\.azure\.tenantId: must be the Entra ID tenant \(a UUID\) \(got "contoso"\)/ },
    { title: "refresh interval in days", config: { externalSecrets: { refreshInterval: "1d" } }, expect: /platform:externalSecrets\.refreshInterval: must be a duration of at least a second/ },
    { title: "the platform's own secrets from dev's store", config: { externalSecrets: { platformSecrets: { grafanaAdmin: { remoteKey: "grafana" } } } }, expect: /platform:externalSecrets\.platformSecrets: reads the platform's own Secrets from a real store; with the dev store \(kind "kubernetes"\) the program generates them/ },
    { title: "a repository credential's URL with a token in it", stack: "prod", config: { externalSecrets: { platformSecrets: { argocdRepositories: [{ name: "apps", url: "https://bot:ghp_x@github.com/org/apps.git", remoteKey: "apps" }] } } }, expect: /platform:externalSecrets\.platformSecrets\.argocdRepositories\[0\]\.url: credentials in a URL/ },
    { title: "the critical receiver's URL both in config and from the store", stack: "prod", config: { alertWebhookUrl: "https://hooks.example.com/T0/B0/x", externalSecrets: { platformSecrets: { alertmanagerReceiver: { remoteKey: "platform-alerts" } } } }, expect: /platform:alertWebhookUrl: the critical receiver's URL comes from the store \(platform:externalSecrets\.platformSecrets\.alertmanagerReceiver\); set one of the two/ },
    { title: "the operator off while the shop reads from the store", config: { externalSecrets: { enabled: false } }, expect: /platform:externalSecrets\.enabled: is false, but the shop's payments service reads its provider key from the secret store/ },
    { title: "the operator off with the shop off", config: { externalSecrets: { enabled: false }, shop: { enabled: false } }, expect: VALID, also: "program" },
    // the wrong namespace, unknown and missing keys
    { title: "kubernetes:context", config: { "kubernetes:context": "kind-platform" }, expect: /kubernetes:context: .*ignores the kubernetes: namespace; set platform:kubernetes\.context/, also: "program" },
    { title: "another project's namespace", config: { "myplatform:monitoring": { enabled: false } }, expect: /myplatform:monitoring: this project reads only platform:\* keys.*did you mean platform:monitoring\?/, also: "program" },
    { title: "an unknown key", config: { meshh: {} }, expect: /platform:meshh: unknown key; accepted: .*mesh/ },
    { title: "a missing required key", config: { mesh: { revisions: [{ name: "1-29" }] } }, expect: /platform:mesh\.revisions\[0\]\.version: required/ },
    // calls between teams (tenancy.teams[].services)
    { title: "cross-team call agreed by both sides", config: crossTeam({ orders: { accepts: ["data/reports"] } }, { reports: { calls: ["shop/orders"] } }), expect: VALID, also: "program" },
    { title: "cross-team call to a team that does not exist", config: crossTeam({ frontend: { calls: ["billing/invoices"] } }),
        expect: /platform:tenancy\.teams\[0\]\.services\.frontend\.calls\[0\]: names no tenant team; accepted teams: data \(got "billing\/invoices"\)$/m, also: "program" },
    { title: "cross-team caller team that does not exist", config: crossTeam({ orders: { accepts: ["billing"] } }),
        expect: /platform:tenancy\.teams\[0\]\.services\.orders\.accepts\[0\]: names no tenant team; accepted teams: data \(got "billing"\)$/m },
    { title: "cross-team call without the team", config: crossTeam({ frontend: { calls: ["orders"] } }),
        expect: /platform:tenancy\.teams\[0\]\.services\.frontend\.calls\[0\]: must be "<team>\/<service>" \(e\.g\. "data\/orders"\)/ },
    { title: "cross-team call given as a URL", config: crossTeam({ frontend: { calls: ["http://orders.data.svc/api"] } }),
        expect: /platform:tenancy\.teams\[0\]\.services\.frontend\.calls\[0\]: must be "<team>\/<service>"/ },
    { title: "cross-team call to the team's own service", config: crossTeam({ frontend: { calls: ["shop/orders"] } }),
        expect: /platform:tenancy\.teams\[0\]\.services\.frontend\.calls\[0\]: is a service of this team's own namespace; .* \(got "shop\/orders"\)/ },
    { title: "cross-team service name in upper case", config: crossTeam({ Orders: { accepts: ["data/reports"] } }),
        expect: /platform:tenancy\.teams\[0\]\.services\.Orders: the key must be a DNS-1035 label/ },
    { title: "cross-team declaration with a mistyped key", config: crossTeam({ orders: { accept: ["data/reports"] } }),
        expect: /platform:tenancy\.teams\[0\]\.services\.orders\.accept: unknown key; accepted: calls, accepts/ },
    // who serves metrics.k8s.io (platform:resourceMetrics)
    { title: "an unknown resource metrics source", config: { resourceMetrics: { source: "heapster" } },
        expect: /platform:resourceMetrics\.source: must be one of "metrics-server", "cluster", "none" \(got "heapster"\)/, also: "program" },
    { title: "resource metrics with a mistyped key", config: { resourceMetrics: { kubeletInsecureTLS: true } },
        expect: /platform:resourceMetrics\.kubeletInsecureTLS: unknown key; accepted: source, replicas, kubeletInsecureTls, resources/ },
    { title: "kubelet TLS skip given as a string", config: { resourceMetrics: { kubeletInsecureTls: "yes" } },
        expect: /platform:resourceMetrics\.kubeletInsecureTls: .*boolean/ },
    { title: "metrics-server with no replica", config: { resourceMetrics: { replicas: 0 } },
        expect: /platform:resourceMetrics\.replicas: must be at least 1 \(got 0\)/ },
    { title: "prod skipping the kubelets' certificates", stack: "prod", config: { resourceMetrics: { kubeletInsecureTls: true } },
        expect: /platform:resourceMetrics\.kubeletInsecureTls: must be false in prod/, also: "program" },
    { title: "prod on a cluster that serves the metrics API", stack: "prod", config: { resourceMetrics: { source: "cluster", kubeletInsecureTls: true } }, expect: VALID },
    { title: "staging on a kind cluster", stack: "staging", config: { resourceMetrics: { kubeletInsecureTls: true } }, expect: VALID },
    // the VPA recommender (platform:rightSizing)
    { title: "right-sizing switched on with a string", config: { rightSizing: { enabled: "yes" } },
        expect: /platform:rightSizing\.enabled: .*boolean/ },
    { title: "right-sizing with a mistyped key", config: { rightSizing: { updateMode: "Auto" } },
        expect: /platform:rightSizing\.updateMode: unknown key; accepted: enabled, resources/ },
    { title: "a recommender's memory that is not a quantity", config: { rightSizing: { resources: { requests: { memory: "lots" } } } },
        expect: /platform:rightSizing\.resources\.requests\.memory/ },
    // scaling on request rate (platform:requestScaling, platform:shop.services.<name>.autoscaling)
    { title: "KEDA switched on with a string", config: { requestScaling: { enabled: "yes" } },
        expect: /platform:requestScaling\.enabled: .*boolean/ },
    { title: "a request-rate target of zero", stack: "prod", config: { shop: { services: { catalog: { autoscaling: { requestRate: { targetPerPod: 0 } } } } } },
        expect: /platform:shop\.services\.catalog\.autoscaling\.requestRate\.targetPerPod: must be above 0/, also: "program" },
    { title: "a request-rate target that is not a number", stack: "prod", config: { shop: { services: { catalog: { autoscaling: { requestRate: { targetPerPod: "fast" } } } } } },
        expect: /platform:shop\.services\.catalog\.autoscaling\.requestRate\.targetPerPod: must be a number/ },
    { title: "a signal KEDA does not scale on", stack: "prod", config: { shop: { services: { catalog: { autoscaling: { scaleOn: "rps" } } } } },
        expect: /platform:shop\.services\.catalog\.autoscaling\.scaleOn: .*"resources".*"requestRate"/ },
    { title: "a request rate without scaleOn", config: { shop: { services: { orders: { autoscaling: { requestRate: { targetPerPod: 20 } } } } } },
        expect: /platform:shop\.services\.orders\.autoscaling\.scaleOn: is not set, so requestRate would be ignored/ },
    { title: "scaleOn requestRate without its target", config: { shop: { services: { orders: { autoscaling: { scaleOn: "requestRate" } } } } },
        expect: /platform:shop\.services\.orders\.autoscaling\.requestRate: is required when scaleOn is "requestRate"/ },
    { title: "prod's catalog on request rate without KEDA", stack: "prod", config: { requestScaling: { enabled: false } },
        expect: /platform:shop\.services\.catalog\.autoscaling\.scaleOn: "requestRate" needs KEDA/, also: "program" },
    { title: "dev's orders on request rate while autoscaling is off", config: { shop: { services: { orders: { autoscaling: { scaleOn: "requestRate", requestRate: { targetPerPod: 20 } } } } } },
        expect: /platform:shop\.services\.orders\.autoscaling\.scaleOn: "requestRate" is ignored while platform:workloads\.autoscaling\.enabled is false/ },
    { title: "prod's catalog back on cpu and memory, its requestRate kept", stack: "prod", config: { shop: { services: { catalog: { autoscaling: { scaleOn: "resources" } } } } },
        expect: VALID },
    // progressive delivery (platform:progressiveDelivery)
    { title: "Argo Rollouts switched on with a string", config: { progressiveDelivery: { enabled: "yes" } },
        expect: /platform:progressiveDelivery\.enabled: .*boolean/ },
    { title: "Argo Rollouts' dashboard asked for through the platform key", stack: "prod", config: { progressiveDelivery: { dashboard: true } },
        expect: /platform:progressiveDelivery\.dashboard: unknown key; accepted: enabled, resources/, also: "program" },
    { title: "a controller cpu request above prod's limit", stack: "prod", config: { progressiveDelivery: { resources: { requests: { cpu: "1" } } } },
        expect: /platform:progressiveDelivery\.resources\.requests\.cpu: exceeds limits\.cpu "500m"/ },
    { title: "team named argo-rollouts", config: teams("argo-rollouts"), expect: /platform:tenancy\.teams\[0\]\.name: "argo-rollouts" is a namespace the platform uses/ },
    { title: "dev trying Argo Rollouts", config: { progressiveDelivery: { enabled: true } }, expect: VALID },
    // automated canaries (platform:shop.services.<name>.delivery.progressive)
    { title: "a canary success rate above 100%", stack: "prod", config: { shop: { services: { orders: { delivery: { progressive: { successRate: 101 } } } } } },
        expect: /platform:shop\.services\.orders\.delivery\.progressive\.successRate: must be 0-100/, also: "program" },
    { title: "a canary success rate below 0%", stack: "prod", config: { shop: { services: { orders: { delivery: { progressive: { successRate: -1 } } } } } },
        expect: /platform:shop\.services\.orders\.delivery\.progressive\.successRate: must be 0-100/ },
    { title: "a p99 latency that is not a duration", stack: "prod", config: { shop: { services: { orders: { delivery: { progressive: { latencyP99: "fast" } } } } } },
        expect: /platform:shop\.services\.orders\.delivery\.progressive\.latencyP99: must be a duration above zero such as "500ms"/, also: "program" },
    { title: "a p99 latency as a bare number", stack: "prod", config: { shop: { services: { orders: { delivery: { progressive: { latencyP99: 300 } } } } } },
        expect: /platform:shop\.services\.orders\.delivery\.progressive\.latencyP99: .*string/ },
    { title: "a canary's maximum weight over 100", stack: "prod", config: { shop: { services: { orders: { delivery: { progressive: { maxWeight: 120 } } } } } },
        expect: /platform:shop\.services\.orders\.delivery\.progressive\.maxWeight: must be 1-100/, also: "program" },
    { title: "a canary step above its maximum weight", stack: "prod", config: { shop: { services: { orders: { delivery: { progressive: { stepWeight: 60 } } } } } },
        expect: /platform:shop\.services\.orders\.delivery\.progressive\.stepWeight: is above maxWeight 50/ },
    { title: "a canary analysis every 30s, faster than the mesh is scraped", stack: "prod", config: { shop: { services: { orders: { delivery: { progressive: { interval: "30s" } } } } } },
        expect: /platform:shop\.services\.orders\.delivery\.progressive\.interval: must be a duration of at least 1m/ },
    { title: "a mistyped canary key", stack: "prod", config: { shop: { services: { orders: { delivery: { progressive: { maxWeigth: 50 } } } } } },
        expect: /platform:shop\.services\.orders\.delivery\.progressive\.maxWeigth: unknown key; accepted: stepWeight, maxWeight, interval, successRate, latencyP99, failedChecks/ },
    { title: "strategy progressive without its block", config: { shop: { services: { orders: { delivery: { strategy: "progressive" } } } } },
        expect: /platform:shop\.services\.orders\.delivery\.progressive: is required when strategy is "progressive"/ },
    { title: "prod's orders on automated canaries without Argo Rollouts", stack: "prod", config: { progressiveDelivery: { enabled: false } },
        expect: /platform:shop\.services\.orders\.delivery\.strategy: "progressive" needs Argo Rollouts/, also: "program" },
    { title: "prod's orders back on a hand-set canary, its progressive block kept", stack: "prod",
        config: { shop: { services: { orders: { delivery: { strategy: "canary", canary: { weight: 0 } } } } } }, expect: VALID },
];
