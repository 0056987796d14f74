// The pack's own test cases for its admission rules, as data: a compliant baseline stack, then one
// field changed per case, with the message the pack must report for the changed object (or none
// for a look-alike that must pass). test/policy/admission/rules.test.ts runs them through the pack,
// agreement.test.ts through the generated ValidatingAdmissionPolicies, and cluster:verify through
// the real API server (scripts/cluster/verify/admissionCases.ts).
import { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { containerResources, imageProvenance, meshSidecar, secretHygiene, serviceExposure, tenantIsolation, workloadServiceAccount } from "../../policy/policies";
import type { AnalyzedResource as HarnessResource } from "./index";
import { MESH_MTLS_CASES } from "./meshMtlsCases";
import type { PackCase } from "./packCase";
import { Pod, resource, restrictedPod, workload } from "./pods";
import { RBAC_CASES } from "./rbacCases";

export type { PackCase };

const namespace = (name: string, labels: Record<string, string>) =>
    resource("kubernetes:core/v1:Namespace", name, { metadata: { name, labels } });
const inNamespace = (type: string, name: string, ns: string, spec: Record<string, any>) =>
    resource(type, `${ns}-${name}`, { metadata: { name, namespace: ns }, spec });

// --- mesh-sidecar and workload-service-account: a Deployment in a mesh namespace -----------------

const MESH_NS = namespace("shop", { "istio.io/rev": "1-29" });
const PLAIN_NS = namespace("batch", {});

/** The restricted pod as a template the API server accepts: no ephemeral containers (those are added to running pods only). */
function templatePod(): Pod {
    const pod = restrictedPod();
    delete pod.spec.ephemeralContainers;
    return pod;
}

function meshPod(): Pod {
    const pod = templatePod();
    pod.spec.serviceAccountName = "cart";
    return pod;
}

const account = (ns: string) => resource("kubernetes:core/v1:ServiceAccount", `${ns}-cart`, { metadata: { name: "cart", namespace: ns } });

function podCase(policy: StackValidationPolicy | ResourceValidationPolicy, title: string, mutate: (pod: Pod) => void, expected?: string, ns = "shop", kind: "Deployment" | "CronJob" | "Pod" = "Deployment"): PackCase {
    const pod = meshPod();
    // A Job's pods may not restart in place.
    if (kind === "CronJob") pod.spec.restartPolicy = "OnFailure";
    mutate(pod);
    const subject = workload(kind, pod, ns, "cart");
    return { title, policy, resources: [MESH_NS, PLAIN_NS, account("shop"), account("batch"), subject], subject: `${kind}::${subject.name}`, expected };
}

export const MESH_SIDECAR_CASES: PackCase[] = [
    podCase(meshSidecar, "the baseline: a meshed Deployment", () => undefined),
    podCase(meshSidecar, "inject=false annotation", (p) => { p.metadata.annotations = { "sidecar.istio.io/inject": "false" }; },
        'Deployment shop/cart: opts its pods out of the mesh (sidecar.istio.io/inject annotation "false") in mesh namespace shop'),
    podCase(meshSidecar, "inject=false label", (p) => { p.metadata.labels = { ...p.metadata.labels, "sidecar.istio.io/inject": "false" }; },
        'Deployment shop/cart: opts its pods out of the mesh (sidecar.istio.io/inject label "false") in mesh namespace shop'),
    podCase(meshSidecar, "inject=false on a bare Pod", (p) => { p.metadata.annotations = { "sidecar.istio.io/inject": "false" }; },
        'Pod shop/cart: opts its pods out of the mesh (sidecar.istio.io/inject annotation "false")', "shop", "Pod"),
    podCase(meshSidecar, "inject=false in a CronJob", (p) => { p.metadata.annotations = { "sidecar.istio.io/inject": "false" }; },
        'CronJob shop/cart: opts its pods out of the mesh', "shop", "CronJob"),
    podCase(meshSidecar, "look-alike: inject=true", (p) => { p.metadata.annotations = { "sidecar.istio.io/inject": "true" }; }),
    podCase(meshSidecar, "look-alike: inject=false outside the mesh", (p) => { p.metadata.annotations = { "sidecar.istio.io/inject": "false" }; }, undefined, "batch"),
    podCase(meshSidecar, "excluded outbound ports", (p) => { p.metadata.annotations = { "traffic.sidecar.istio.io/excludeOutboundPorts": "5432" }; },
        "Deployment shop/cart: sends traffic around its sidecar (traffic.sidecar.istio.io/excludeOutboundPorts) in mesh namespace shop"),
    podCase(meshSidecar, "excluded outbound IP ranges", (p) => { p.metadata.annotations = { "traffic.sidecar.istio.io/excludeOutboundIPRanges": "0.0.0.0/0" }; },
        "Deployment shop/cart: sends traffic around its sidecar (traffic.sidecar.istio.io/excludeOutboundIPRanges)"),
    podCase(meshSidecar, "excluded inbound ports", (p) => { p.metadata.annotations = { "traffic.sidecar.istio.io/excludeInboundPorts": "8080" }; },
        "Deployment shop/cart: sends traffic around its sidecar (traffic.sidecar.istio.io/excludeInboundPorts)"),
    podCase(meshSidecar, "look-alike: an empty exclusion", (p) => { p.metadata.annotations = { "traffic.sidecar.istio.io/excludeOutboundPorts": "" }; }),
    podCase(meshSidecar, "look-alike: an include annotation", (p) => { p.metadata.annotations = { "traffic.sidecar.istio.io/includeInboundPorts": "8080" }; }),
    podCase(meshSidecar, "look-alike: an exclusion outside the mesh", (p) => { p.metadata.annotations = { "traffic.sidecar.istio.io/excludeOutboundPorts": "5432" }; },
        undefined, "batch"),
];

export const SERVICE_ACCOUNT_CASES: PackCase[] = [
    podCase(workloadServiceAccount, "the baseline: its own account, no token", () => undefined),
    podCase(workloadServiceAccount, "look-alike: a declared need for the token", (p) => { p.spec.automountServiceAccountToken = true; }),
    podCase(workloadServiceAccount, "token automount left unset", (p) => { delete p.spec.automountServiceAccountToken; },
        "Deployment shop/cart: leaves automountServiceAccountToken unset, so the token of ServiceAccount cart is mounted by default"),
    podCase(workloadServiceAccount, "token automount unset in a CronJob", (p) => { delete p.spec.automountServiceAccountToken; },
        "CronJob shop/cart: leaves automountServiceAccountToken unset", "shop", "CronJob"),
    podCase(workloadServiceAccount, "the default account in a mesh namespace", (p) => { delete p.spec.serviceAccountName; },
        "Deployment shop/cart: runs as the namespace's default ServiceAccount with the mesh identity it shares"),
    podCase(workloadServiceAccount, "the default account named explicitly, with its token", (p) => { p.spec.serviceAccountName = "default"; p.spec.automountServiceAccountToken = true; },
        "Deployment batch/cart: runs as the namespace's default ServiceAccount with its token mounted", "batch"),
    podCase(workloadServiceAccount, "look-alike: the default account without a token outside the mesh", (p) => { delete p.spec.serviceAccountName; },
        undefined, "batch"),
];

// Requests above limits are left out: the API server's own validation refuses them before
// admission, so such a case never reaches a ValidatingAdmissionPolicy (the pack's tests cover it).
// Bare Pods are left out too: their limits default their unset requests before admission.
const app = (p: Pod) => p.spec.containers[0].resources;
export const CONTAINER_RESOURCES_CASES: PackCase[] = [
    podCase(containerResources, "the baseline: every container sized", () => undefined, undefined, "batch"),
    podCase(containerResources, "a missing CPU request", (p) => { delete app(p).requests.cpu; },
        'Deployment batch/cart: container "app" must set resources.requests.cpu', "batch"),
    podCase(containerResources, "an init container without a memory request", (p) => { delete p.spec.initContainers[0].resources.requests.memory; },
        'Deployment batch/cart: init container "init" must set resources.requests.memory', "batch"),
    podCase(containerResources, "a missing memory limit", (p) => { delete p.spec.containers[1].resources.limits; },
        'Deployment batch/cart: container "sidecar" must set resources.limits.memory', "batch"),
    podCase(containerResources, "a CronJob without requests", (p) => { delete app(p).requests; },
        'CronJob batch/cart: container "app" must set resources.requests.cpu; container "app" must set resources.requests.memory', "batch", "CronJob"),
    podCase(containerResources, "look-alike: a request equal to its limit in another notation", (p) => { app(p).requests.cpu = "1.5"; app(p).limits.cpu = "1500m"; },
        undefined, "batch"),
    podCase(containerResources, "memory above the per-container maximum", (p) => { app(p).requests.memory = "32Gi"; app(p).limits.memory = "32Gi"; },
        'Deployment batch/cart: container "app" memory request 32Gi exceeds the per-container maximum ', "batch"),
];

// References with surrounding whitespace are left out: the API server's own validation refuses
// them before admission.
const sidecar = (p: Pod) => p.spec.containers[1];
export const IMAGE_PROVENANCE_CASES: PackCase[] = [
    podCase(imageProvenance, "the baseline: every image pinned, from an allowed registry", () => undefined, undefined, "batch"),
    podCase(imageProvenance, "look-alike: the legacy Docker Hub host, an allowed organisation", (p) => { sidecar(p).image = "index.docker.io/istio/proxyv2:1.29.6"; },
        undefined, "batch"),
    podCase(imageProvenance, "look-alike: pinned by digest, no tag", (p) => { sidecar(p).image = `quay.io/argoproj/argocd@sha256:${"a".repeat(64)}`; }, undefined, "batch"),
    podCase(imageProvenance, "no tag", (p) => { sidecar(p).image = "quay.io/prometheus/prometheus"; },
        'Deployment batch/cart: container "sidecar": image "quay.io/prometheus/prometheus" has no tag, so it floats on latest', "batch"),
    podCase(imageProvenance, "the latest tag", (p) => { sidecar(p).image = "quay.io/prometheus/prometheus:latest"; },
        'Deployment batch/cart: container "sidecar": image "quay.io/prometheus/prometheus:latest" uses the latest tag', "batch"),
    podCase(imageProvenance, "a registry not allowed", (p) => { sidecar(p).image = "ghcr.io/evil/podinfo:6.9.2"; },
        'Deployment batch/cart: container "sidecar": image "ghcr.io/evil/podinfo:6.9.2" (ghcr.io/evil/podinfo) is not from an allowed registry: ', "batch"),
    podCase(imageProvenance, "a path prefix that only looks allowed", (p) => { sidecar(p).image = "ghcr.io/stefanprodan-fork/podinfo:1.0.0"; },
        'Deployment batch/cart: container "sidecar": image "ghcr.io/stefanprodan-fork/podinfo:1.0.0" (ghcr.io/stefanprodan-fork/podinfo) is not from an allowed registry', "batch"),
    podCase(imageProvenance, "an empty tag", (p) => { sidecar(p).image = "nginx:"; },
        'Deployment batch/cart: container "sidecar": image "nginx:" is not a valid reference: it has an empty tag after ":"', "batch"),
    podCase(imageProvenance, "upper case in the repository path", (p) => { sidecar(p).image = "ghcr.io/stefanprodan/PodInfo:6.9.2"; },
        'Deployment batch/cart: container "sidecar": image "ghcr.io/stefanprodan/PodInfo:6.9.2" is not a valid reference: it repository path "stefanprodan/PodInfo" has upper-case letters', "batch"),
    podCase(imageProvenance, "a digest of the wrong length in a CronJob's init container", (p) => { p.spec.initContainers[0].image = "ghcr.io/stefanprodan/podinfo@sha256:abc123"; },
        'CronJob batch/cart: init container "init": image "ghcr.io/stefanprodan/podinfo@sha256:abc123" is not a valid reference: it digest "sha256:abc123" has 6 hex digits; sha256 has 64',
        "batch", "CronJob"),
];

// --- tenant-isolation: the shop as the platform deploys it, in a tenant namespace ----------------

const TENANT = "shop";
const TYPES = {
    virtualService: "kubernetes:networking.istio.io/v1:VirtualService",
    destinationRule: "kubernetes:networking.istio.io/v1:DestinationRule",
    serviceEntry: "kubernetes:networking.istio.io/v1:ServiceEntry",
    gateway: "kubernetes:networking.istio.io/v1:Gateway",
    gatewayApi: "kubernetes:gateway.networking.k8s.io/v1:Gateway",
    ingress: "kubernetes:networking.k8s.io/v1:Ingress",
    envoyFilter: "kubernetes:networking.istio.io/v1alpha3:EnvoyFilter",
    serviceMonitor: "kubernetes:monitoring.coreos.com/v1:ServiceMonitor",
    podMonitor: "kubernetes:monitoring.coreos.com/v1:PodMonitor",
};

export interface TenantBaseline {
    publicRoute: Record<string, any>;
    rule: Record<string, any>;
    entry: Record<string, any>;
    monitor: Record<string, any>;
    pod: Pod;
}

export function tenantBaseline(): TenantBaseline {
    return {
        publicRoute: {
            hosts: ["shop.example.com"], gateways: ["istio-ingress/public-gateway"], exportTo: [".", "istio-ingress"],
            http: [{ route: [{ destination: { host: "frontend.shop.svc.cluster.local" } }] }],
        },
        rule: { host: "frontend.shop.svc.cluster.local", exportTo: [".", "istio-ingress"] },
        entry: { hosts: ["api.partner.example"], exportTo: ["."], resolution: "DNS", ports: [{ number: 443, name: "https", protocol: "TLS" }] },
        monitor: { selector: { matchLabels: { app: "frontend" } }, scrapeClass: "istio-mtls", endpoints: [{ port: "metrics", scheme: "https" }] },
        pod: templatePod(),
    };
}

export function tenantStack(b: TenantBaseline, extra: HarnessResource[] = []): HarnessResource[] {
    return [
        namespace(TENANT, { "platform.example.com/tenant": "true" }), namespace("istio-ingress", { "platform.example.com/tenant": "false" }),
        inNamespace(TYPES.virtualService, "frontend-public", TENANT, b.publicRoute),
        inNamespace(TYPES.destinationRule, "frontend", TENANT, b.rule),
        inNamespace(TYPES.serviceEntry, "partner", TENANT, b.entry),
        inNamespace(TYPES.serviceMonitor, "frontend", TENANT, b.monitor),
        workload("Deployment", b.pod, TENANT, "frontend"),
        ...extra,
    ];
}

/** The platform's own objects outside tenant namespaces: they must pass. */
export const platformObjects = (): HarnessResource[] => [
    inNamespace(TYPES.gateway, "public-gateway", "istio-ingress", { selector: { istio: "ingressgateway" }, servers: [] }),
    inNamespace(TYPES.envoyFilter, "edge-local-rate-limit", "istio-ingress", { configPatches: [] }),
    inNamespace(TYPES.podMonitor, "envoy-stats", "monitoring", { namespaceSelector: { any: true }, podMetricsEndpoints: [{ port: "http-envoy-prom" }] }),
];

type Mutation = (b: TenantBaseline) => HarnessResource[] | void;

/** [title, mutation, the changed object ("<Kind>::<Pulumi name>"), the expected message start]. */
const TENANT_MUTATIONS: Array<[string, Mutation, string, string?]> = [
    ["the baseline: routes exported to the gateway only, a ServiceEntry kept home, a monitor without files", () => undefined, "VirtualService::shop-frontend-public"],
    ["a Gateway in the tenant namespace", () => [inNamespace(TYPES.gateway, "mine", TENANT, { selector: { istio: "ingressgateway" }, servers: [] })],
        "Gateway::shop-mine", "Gateway shop/mine: [TEN001] is a Gateway in a tenant namespace"],
    ["a Gateway API Gateway", () => [inNamespace(TYPES.gatewayApi, "mine", TENANT, { gatewayClassName: "istio", listeners: [] })],
        "Gateway::shop-mine", "Gateway shop/mine: [TEN001]"],
    // With TLS for its host, so service-exposure has nothing to say about it: only its place is wrong.
    ["an Ingress", () => [inNamespace(TYPES.ingress, "side-door", TENANT, { rules: [{ host: "pay.example.com" }], tls: [{ hosts: ["pay.example.com"], secretName: "pay-tls" }] })],
        "Ingress::shop-side-door", "Ingress shop/side-door: [TEN002] is an Ingress in a tenant namespace"],
    ["a VirtualService exported everywhere", (b) => { b.publicRoute.exportTo = ["*"]; },
        "VirtualService::shop-frontend-public", "VirtualService shop/frontend-public: [TEN003] exports routing to *"],
    ["a DestinationRule exported to another team", (b) => { b.rule.exportTo = [".", "data"]; },
        "DestinationRule::shop-frontend", "DestinationRule shop/frontend: [TEN003] exports routing to data"],
    ["a ServiceEntry without exportTo", (b) => { delete b.entry.exportTo; },
        "ServiceEntry::shop-partner", "ServiceEntry shop/partner: [TEN004] is a ServiceEntry exported to every namespace (no exportTo)"],
    ["a ServiceEntry exported to the gateway", (b) => { b.entry.exportTo = [".", "istio-ingress"]; },
        "ServiceEntry::shop-partner", "ServiceEntry shop/partner: [TEN004] is a ServiceEntry exported to istio-ingress"],
    ["an EnvoyFilter", () => [inNamespace(TYPES.envoyFilter, "strip", TENANT, { configPatches: [] })],
        "EnvoyFilter::shop-strip", "EnvoyFilter shop/strip: [TEN005] is an EnvoyFilter in a tenant namespace"],
    ["a monitor asking for Prometheus's token", (b) => { b.monitor.endpoints[0].bearerTokenFile = "/var/run/secrets/kubernetes.io/serviceaccount/token"; },
        "ServiceMonitor::shop-frontend", "ServiceMonitor shop/frontend: [TEN007] asks Prometheus for its own files (bearerTokenFile)"],
    ["a monitor naming Prometheus's mesh key", (b) => { b.monitor.endpoints[0].tlsConfig = { keyFile: "/etc/prom-certs/key.pem" }; },
        "ServiceMonitor::shop-frontend", "ServiceMonitor shop/frontend: [TEN007] asks Prometheus for its own files (tlsConfig.keyFile)"],
    ["a monitor selecting every namespace", (b) => { b.monitor.namespaceSelector = { any: true }; },
        "ServiceMonitor::shop-frontend", "ServiceMonitor shop/frontend: [TEN008] selects targets in every namespace (any: true)"],
    ["a monitor selecting another team's namespace", (b) => { b.monitor.namespaceSelector = { matchNames: ["shop", "data"] }; },
        "ServiceMonitor::shop-frontend", "ServiceMonitor shop/frontend: [TEN008] selects targets in data"],
    ["a monitor honouring its targets' labels", (b) => { b.monitor.endpoints[0].honorLabels = true; },
        "ServiceMonitor::shop-frontend", "ServiceMonitor shop/frontend: [TEN009] sets honorLabels"],
    // A PodMonitor's endpoints have no file fields in the pinned CRD (the API server refuses them by
    // schema), so its case is the label spoof.
    ["a PodMonitor honouring its targets' labels", () => [inNamespace(TYPES.podMonitor, "spoof", TENANT,
        { selector: {}, podMetricsEndpoints: [{ port: "metrics", honorLabels: true }] })],
    "PodMonitor::shop-spoof", "PodMonitor shop/spoof: [TEN009]"],
    ["a system priority class", (b) => { b.pod.spec.priorityClassName = "system-cluster-critical"; },
        "Deployment::frontend", "Deployment shop/frontend: [TEN010] runs at priority class system-cluster-critical"],
    ["look-alike: a priority class of the team's own", (b) => { b.pod.spec.priorityClassName = "shop-batch"; }, "Deployment::frontend"],
];

export const TENANT_ISOLATION_CASES: PackCase[] = TENANT_MUTATIONS.map(([title, mutate, subject, expected]) => {
    const b = tenantBaseline();
    const extra = mutate(b) ?? [];
    return { title, policy: tenantIsolation, resources: tenantStack(b, extra), subject, expected };
});

// --- service-exposure: Services, an Ingress and a Gateway API Gateway, judged one by one --------

const EDGE_NS = namespace("edge", {});
const GATEWAY_NS = namespace("istio-ingress", {});

const serviceCase = (title: string, ns: string, spec: Record<string, any>, expected?: string, inPlace?: boolean): PackCase => {
    const subject = inNamespace("kubernetes:core/v1:Service", "web", ns, spec);
    return { title, policy: serviceExposure, resources: [EDGE_NS, GATEWAY_NS, subject], subject: `Service::${subject.name}`, expected, inPlace };
};
const ports = [{ name: "https", port: 443, targetPort: 8443 }];
const ingressRule = (host: string) => ({ host, http: { paths: [{ path: "/", pathType: "Prefix", backend: { service: { name: "web", port: { number: 80 } } } }] } });
const ingressCase = (title: string, spec: Record<string, any>, expected?: string): PackCase => {
    const subject = inNamespace(TYPES.ingress, "web", "edge", spec);
    return { title, policy: serviceExposure, resources: [EDGE_NS, GATEWAY_NS, subject], subject: `Ingress::${subject.name}`, expected };
};

export const SERVICE_EXPOSURE_CASES: PackCase[] = [
    serviceCase("the baseline: a ClusterIP Service", "edge", { type: "ClusterIP", ports }),
    serviceCase("a LoadBalancer outside the allowed namespace", "edge", { type: "LoadBalancer", ports },
        "Service edge/web: is of type LoadBalancer, which this stack allows only for: "),
    serviceCase("look-alike: a LoadBalancer where the stack allows it", "istio-ingress", { type: "LoadBalancer", ports }, undefined, true),
    serviceCase("a NodePort", "edge", { type: "NodePort", ports }, "Service edge/web: is of type NodePort, which this stack allows only for: nothing"),
    serviceCase("externalIPs on the allowed LoadBalancer", "istio-ingress", { type: "LoadBalancer", ports, externalIPs: ["203.0.113.7"] },
        "Service istio-ingress/web: sets externalIPs 203.0.113.7, which lets it intercept traffic to those addresses from every pod (CVE-2020-8554)", true),
    serviceCase("an ExternalName Service", "edge", { type: "ExternalName", externalName: "kubernetes.default.svc.cluster.local" },
        'Service edge/web: is an ExternalName Service (to "kubernetes.default.svc.cluster.local"), which this stack allows only in: no namespace'),
    ingressCase("an Ingress host without TLS", { rules: [ingressRule("shop.example.com"), ingressRule("a.b.example.com")], tls: [{ hosts: ["*.example.com"], secretName: "web-tls" }] },
        'Ingress edge/web: serves "a.b.example.com" without TLS; add a spec.tls entry for each host'),
    ingressCase("look-alike: every Ingress host covered, one through a wildcard",
        { rules: [ingressRule("shop.example.com"), ingressRule("api.example.com")], tls: [{ hosts: ["shop.example.com", "*.example.com"], secretName: "web-tls" }] }),
    (() => {
        const subject = inNamespace(TYPES.gatewayApi, "public", "edge", { gatewayClassName: "istio", listeners: [{ name: "http", port: 80, protocol: "HTTP" }] });
        return { title: "a Gateway API Gateway", policy: serviceExposure, resources: [EDGE_NS, GATEWAY_NS, subject], subject: `Gateway::${subject.name}`,
            expected: "Gateway edge/public: is a Gateway API Gateway, which this stack allows only for: nothing" };
    })(),
];

/** The case's subject among its resources. */
export const subjectOf = (c: PackCase): HarnessResource => {
    const found = c.resources.filter((r) => r.urn.endsWith(`:${c.subject}`));
    if (found.length !== 1) throw new Error(`${c.title}: ${found.length} objects are ${c.subject}`);
    return found[0];
};

// --- secret-hygiene: a Deployment in a tenant namespace; one variable or annotation changed -------

const TENANT_NS = namespace("payments", { "platform.example.com/tenant": "true" });
const literal = (name: string, value: string) => ({ name, value });
const fromSecret = (name: string, secret: string) => ({ name, valueFrom: { secretKeyRef: { name: secret, key: "value" } } });
const DECLARATION = "platform.example.com/secret-env";

function secretCase(title: string, mutate: (pod: Pod) => void, expected?: string, ns = "payments"): PackCase {
    const pod = templatePod();
    pod.spec.serviceAccountName = "cart";
    // The baseline reads its key as a file and sets one harmless variable.
    pod.spec.volumes.push({ name: "key", secret: { secretName: "cart-api-key", defaultMode: 0o400 } });
    pod.spec.containers[0].env = [literal("LOG_LEVEL", "info")];
    mutate(pod);
    const subject = workload("Deployment", pod, ns, "cart");
    return {
        title, policy: secretHygiene, resources: [TENANT_NS, MESH_NS, account("payments"), account("shop"), subject],
        subject: `Deployment::${subject.name}`, expected,
    };
}

const env = (pod: Pod, container = 0) => (pod.spec.containers[container].env ??= []) as Record<string, unknown>[];

export const SECRET_HYGIENE_CASES: PackCase[] = [
    secretCase("the baseline: a key mounted as a file", () => undefined),
    secretCase("a password as a literal variable", (p) => { env(p).push(literal("DB_PASSWORD", "correct-horse-battery")); },
        "Deployment payments/cart: [SEC001] sets app/DB_PASSWORD as literal values that look like credentials"),
    secretCase("an AWS access key ID under an innocent name", (p) => { env(p).push(literal("UPSTREAM_ID", "AKIAIOSFODNN7EXAMPLE")); },
        "Deployment payments/cart: [SEC001] sets app/UPSTREAM_ID as literal values"),
    secretCase("a database URL with its password", (p) => { env(p).push(literal("DATABASE_URL", "postgres://shop:s3cret@db.payments:5432/shop")); },
        "Deployment payments/cart: [SEC001] sets app/DATABASE_URL as literal values"),
    secretCase("an API token in an init container", (p) => { p.spec.initContainers[0].env = [literal("API_TOKEN", "tok-4f9a2c7e1b")]; },
        "Deployment payments/cart: [SEC001] sets init/API_TOKEN as literal values"),
    secretCase("a private key in the sidecar", (p) => { p.spec.containers[1].env = [literal("TLS", "-----BEGIN EC PRIVATE KEY-----\nMHc=\n-----END EC PRIVATE KEY-----")]; },
        "Deployment payments/cart: [SEC001] sets sidecar/TLS as literal values"),
    secretCase("a literal credential outside any tenant namespace", (p) => { env(p).push(literal("REDIS_PASSWORD", "changeme-please")); },
        "Deployment shop/cart: [SEC001] sets app/REDIS_PASSWORD as literal values", "shop"),
    secretCase("look-alike: a password read from a declared Secret", (p) => {
        env(p).push(fromSecret("DB_PASSWORD", "cart-db"));
        p.metadata.annotations = { [DECLARATION]: "cart-db" };
    }),
    secretCase("look-alike: the path of a password file", (p) => { env(p).push(literal("DB_PASSWORD", "/var/run/secrets/app/db-password")); }),
    secretCase("look-alike: a token's audience", (p) => { env(p).push(literal("TOKEN_AUDIENCE", "istio-ca")); }),
    secretCase("look-alike: a reference to another variable", (p) => { env(p).push(literal("CLIENT_SECRET", "$(UPSTREAM_CLIENT_SECRET)")); }),
    secretCase("a Secret's keys as variables, undeclared", (p) => { p.spec.containers[0].envFrom = [{ secretRef: { name: "cart-env" } }]; },
        "Deployment payments/cart: [SEC002] reads Secret cart-env as environment variables without declaring it (pod template annotation platform.example.com/secret-env)"),
    secretCase("one Secret key as a variable, undeclared", (p) => { env(p).push(fromSecret("DB_PASSWORD", "cart-db")); },
        "Deployment payments/cart: [SEC002] reads Secret cart-db as environment variables"),
    secretCase("a variable from a Secret other than the declared one", (p) => {
        env(p).push(fromSecret("DB_PASSWORD", "cart-db"));
        p.metadata.annotations = { [DECLARATION]: "cart-api-key" };
    }, "Deployment payments/cart: [SEC002] reads Secret cart-db as environment variables"),
    secretCase("look-alike: a declared envFrom among others", (p) => {
        p.spec.containers[0].envFrom = [{ secretRef: { name: "cart-env" } }];
        p.metadata.annotations = { [DECLARATION]: "cart-api-key,cart-env" };
    }),
    secretCase("look-alike: a ConfigMap's keys as variables", (p) => { p.spec.containers[0].envFrom = [{ configMapRef: { name: "cart" } }]; }),
    secretCase("look-alike: an undeclared Secret variable outside any tenant namespace", (p) => { env(p).push(fromSecret("DB_PASSWORD", "cart-db")); },
        undefined, "shop"),
];

export const ALL_CASES: readonly PackCase[] = [...TENANT_ISOLATION_CASES, ...MESH_SIDECAR_CASES, ...SERVICE_ACCOUNT_CASES, ...SERVICE_EXPOSURE_CASES,
    ...CONTAINER_RESOURCES_CASES, ...IMAGE_PROVENANCE_CASES, ...SECRET_HYGIENE_CASES, ...MESH_MTLS_CASES, ...RBAC_CASES];
