// Every network flow the platform's own namespaces need: the one table, each flow written once
// with its ends, its ports and why. Every platform namespace denies all traffic; Tenancy turns each
// row into the NetworkPolicies that allow it (components/tenancy/flows.ts): egress where it starts,
// ingress where it ends. test/flows checks the table against what the plan's objects dial.
// A team namespace's own policies (components/tenancy/networkPolicies.ts) are its side of the
// rows that end or start in `tenants`.
import { AddressBlocks, Flow, FlowPeer } from "../components/tenancy/flows";
import { ELASTICSEARCH_PORT } from "../components/logging/names";
import { METRICS_SERVER_PORT } from "../components/resourceMetrics/names";
import { METRICS_API_SERVER_PORT as KEDA_METRICS_API_PORT, WEBHOOK_PORT as KEDA_WEBHOOK_PORT } from "../components/requestScaling/names";
import { METRICS_PORT as ARGO_ROLLOUTS_METRICS_PORT } from "../components/progressiveDelivery/names";
import { PROMETHEUS_SERVICE, GRAFANA_SERVICE } from "../components/monitoring/names";
import { PORTS as JAEGER } from "../components/tracing/names";
import { egressHosts, egressPorts } from "../components/mesh";
import { PlatformConfig } from "./config";
import { externalRoutes } from "./egress";
import { NAMESPACES, platformNamespaceSpecs } from "./namespaces";

const ns = (name: string): FlowPeer => ({ kind: "namespace", name });
const TENANTS: FlowPeer = { kind: "tenants" };
const DNS: FlowPeer = { kind: "dns" };
const API_SERVER: FlowPeer = { kind: "addresses", name: "apiServer" };
const NODES: FlowPeer = { kind: "addresses", name: "nodes" };
const INTERNET: FlowPeer = { kind: "addresses", name: "internet" };

const tcp = (...ports: number[]) => ports.map((port) => ({ port }));
/** The API server's secure port: 443 behind the kubernetes Service, 6443 on most control planes. */
const API_SERVER_PORTS = tcp(443, 6443);
/** istiod: 15012 xDS and certificate signing over mTLS, 15017 its webhooks, 15014 its metrics. */
const ISTIOD = { xds: 15012, webhook: 15017, metrics: 15014 } as const;
/** ESO's webhook pod port, behind its Service's 443. */
const ESO_WEBHOOK_PORT = 10250;
/** The ingress gateway pod's listeners (Service 80/443 -> 8080/8443) and its health port. */
const GATEWAY = { http: 8080, https: 8443, health: 15021 } as const;
/** Envoy's Prometheus endpoints on every proxy: merged stats and Envoy's own. */
const ENVOY_METRICS = tcp(15020, 15090);
/** Grafana listens on 3000 behind its Service's port 80. */
const GRAFANA_POD_PORT = 3000;

/**
 * The CIDRs behind the address peers. The API server and the nodes are outside the pod network, and
 * their addresses are the cluster's: "anywhere" until an organisation narrows them, always with the
 * ports of the flow.
 */
export const ADDRESS_BLOCKS: AddressBlocks = {
    apiServer: ["0.0.0.0/0"],
    nodes: ["0.0.0.0/0"],
    internet: ["0.0.0.0/0"],
};

type Enabled = Pick<PlatformConfig, "mesh" | "monitoring" | "tracing" | "logging" | "gitops" | "externalSecrets" | "shop" | "resourceMetrics" | "rightSizing" | "requestScaling"
    | "progressiveDelivery">;

/** Every flow the platform's add-ons need, for the add-ons `config` enables. */
export function platformFlows(config: Enabled): Flow[] {
    const present = platformNamespaceSpecs(config).map((spec) => spec.name);
    const kiali = config.mesh.enabled && config.monitoring.enabled && config.mesh.kiali.enabled;
    const jaegerOnElasticsearch = config.tracing.enabled && config.tracing.storage === "elasticsearch";
    const flows: Flow[] = [];
    const add = (flow: Flow) => flows.push(flow);

    for (const name of present) {
        add({ name: `${name}-internal`, from: ns(name), to: ns(name), why: "an add-on's own components talk to each other (operator and workloads, replicas, UI and store)" });
        add({ name: `${name}-dns`, from: ns(name), to: DNS, ports: [{ port: 53, protocol: "UDP" }, { port: 53, protocol: "TCP" }], why: "name resolution" });
    }

    // Controllers and agents that watch or change the cluster through the API server.
    const apiClients: [string, string][] = [
        [NAMESPACES.istioSystem, "istiod watches services and endpoints and writes certificates; Kiali reads the mesh's objects"],
        [NAMESPACES.istioCni, "the CNI node agent watches pods to redirect their traffic"],
        [NAMESPACES.monitoring, "the Prometheus operator, Prometheus's service discovery, kube-state-metrics and Grafana's dashboard sidecar"],
        [NAMESPACES.eckOperator, "the ECK operator reconciles Elasticsearch and Kibana"],
        [NAMESPACES.logging, "the CA sync task copies Elasticsearch's CA into its clients' namespaces"],
        [NAMESPACES.fluentBit, "Fluent Bit's kubernetes filter adds pod metadata to each record"],
        [NAMESPACES.argocd, "Argo CD applies the teams' Applications"],
        [NAMESPACES.externalSecrets, "the External Secrets Operator writes the Secrets it owns (and reads the dev store's), and its cert controller patches its webhook's CA"],
    ];
    for (const [name, why] of apiClients) {
        add({ name: `${name}-to-api-server`, from: ns(name), to: API_SERVER, ports: API_SERVER_PORTS, why });
    }

    if (config.mesh.enabled) {
        add({ name: "api-server-to-istiod-webhooks", from: API_SERVER, to: ns(NAMESPACES.istioSystem), ports: tcp(ISTIOD.webhook),
            why: "the API server calls istiod's sidecar injector and config validation webhooks" });
        add({ name: "gateway-to-istiod", from: ns(NAMESPACES.ingressGateway), to: ns(NAMESPACES.istioSystem), ports: tcp(ISTIOD.xds),
            why: "the ingress gateway's Envoy gets its configuration (xDS) and certificate from istiod" });
        add({ name: "tenants-to-istiod", from: TENANTS, to: ns(NAMESPACES.istioSystem), ports: tcp(ISTIOD.xds),
            why: "every team's sidecars get their configuration (xDS) and certificates from istiod" });
        add({ name: "istiod-to-jwks", from: ns(NAMESPACES.istioSystem), to: INTERNET, ports: tcp(443),
            why: "istiod fetches the edge token issuers' signing keys (JWKS) for RequestAuthentication" });
        add({ name: "clients-to-gateway", from: INTERNET, to: ns(NAMESPACES.ingressGateway), ports: tcp(GATEWAY.http, GATEWAY.https, GATEWAY.health),
            why: "users reach the public hosts through the load balancer; it health-checks the gateway" });
        add({ name: "gateway-to-tenants", from: ns(NAMESPACES.ingressGateway), to: TENANTS,
            why: "the gateway routes public requests to team services (each service's own policies say which ports)" });
    }

    if (config.mesh.enabled && config.mesh.egressGateway.enabled) {
        const egress = ns(NAMESPACES.egressGateway);
        // Service port = pod port: the gateway listens on each port a declared TLS host uses.
        const ports = tcp(...egressPorts(egressHosts(externalRoutes(config))));
        add({ name: "egress-gateway-to-istiod", from: egress, to: ns(NAMESPACES.istioSystem), ports: tcp(ISTIOD.xds),
            why: "the egress gateway's Envoy gets its configuration (xDS) and certificate from istiod" });
        if (ports.length > 0) {
            add({ name: "tenants-to-egress-gateway", from: TENANTS, to: egress, ports,
                why: "sidecars send the declared external TLS hosts to the egress gateway (each service's own policy lets only its pods out, on its hosts' ports)" });
            add({ name: "egress-gateway-to-external", from: egress, to: INTERNET, ports,
                why: "the egress gateway passes the declared hosts' TLS on; a NetworkPolicy cannot name a host, so this holds by port and the gateway's Envoy routes only the declared SNI hosts" });
        }
    }

    if (config.monitoring.enabled) {
        const monitoring = ns(NAMESPACES.monitoring);
        add({ name: "scrape-tenants", from: monitoring, to: TENANTS, why: "Prometheus scrapes the teams' services and their sidecars (each service's policy says which port)" });
        add({ name: "scrape-nodes", from: monitoring, to: NODES, ports: tcp(10250, 9100),
            why: "Prometheus scrapes the kubelets (cAdvisor) and node-exporter, which runs on the host network" });
        add({ name: "scrape-node-exporter", from: monitoring, to: ns(NAMESPACES.nodeExporter), ports: tcp(9100),
            why: "Prometheus scrapes node-exporter (its pods run on the host network, so scrape-nodes is the rule the packets meet)" });
        add({ name: "scrape-coredns", from: monitoring, to: DNS, ports: tcp(9153), why: "Prometheus scrapes CoreDNS" });
        add({ name: "scrape-api-server", from: monitoring, to: API_SERVER, ports: API_SERVER_PORTS, why: "Prometheus scrapes the API server" });
        add({ name: "alert-webhook", from: monitoring, to: INTERNET, ports: tcp(443), why: "Alertmanager sends critical alerts to the configured webhook" });
        if (config.mesh.enabled) {
            add({ name: "scrape-istiod", from: monitoring, to: ns(NAMESPACES.istioSystem), ports: tcp(ISTIOD.metrics), why: "Prometheus scrapes istiod" });
            add({ name: "scrape-gateway", from: monitoring, to: ns(NAMESPACES.ingressGateway), ports: ENVOY_METRICS, why: "Prometheus scrapes the gateway's Envoy" });
            add({ name: "scrape-egress-gateway", from: monitoring, to: ns(NAMESPACES.egressGateway), ports: ENVOY_METRICS, why: "Prometheus scrapes the egress gateway's Envoy" });
        }
        if (config.tracing.enabled) {
            add({ name: "grafana-to-jaeger", from: monitoring, to: ns(NAMESPACES.tracing), ports: tcp(JAEGER.queryHttp), why: "Grafana's Jaeger datasource" });
        }
        if (config.logging.enabled) {
            add({ name: "grafana-to-elasticsearch", from: monitoring, to: ns(NAMESPACES.logging), ports: tcp(ELASTICSEARCH_PORT), why: "Grafana's Elasticsearch (logs) datasource" });
        }
        if (kiali) {
            add({ name: "kiali-to-monitoring", from: ns(NAMESPACES.istioSystem), to: monitoring,
                ports: [{ port: PROMETHEUS_SERVICE.port }, { port: GRAFANA_POD_PORT, servicePort: GRAFANA_SERVICE.port }],
                why: "Kiali reads the mesh's traffic from Prometheus and links Grafana's dashboards" });
        }
    }

    if (config.tracing.enabled) {
        const tracing = ns(NAMESPACES.tracing);
        add({ name: "tenants-to-otlp", from: TENANTS, to: tracing, ports: tcp(JAEGER.otlpGrpc, JAEGER.otlpHttp), why: "team services export traces over OTLP" });
        if (config.mesh.enabled) {
            add({ name: "gateway-to-otlp", from: ns(NAMESPACES.ingressGateway), to: tracing, ports: tcp(JAEGER.otlpGrpc), why: "the gateway's Envoy exports its spans over OTLP" });
            add({ name: "egress-gateway-to-otlp", from: ns(NAMESPACES.egressGateway), to: tracing, ports: tcp(JAEGER.otlpGrpc), why: "the egress gateway's Envoy exports its spans over OTLP" });
        }
        if (kiali) {
            add({ name: "kiali-to-jaeger", from: ns(NAMESPACES.istioSystem), to: tracing, ports: tcp(JAEGER.queryHttp), why: "Kiali shows the traces of a workload" });
        }
    }

    if (config.logging.enabled) {
        const logging = ns(NAMESPACES.logging);
        add({ name: "eck-to-elasticsearch", from: ns(NAMESPACES.eckOperator), to: logging, ports: tcp(ELASTICSEARCH_PORT),
            why: "the ECK operator manages the cluster through Elasticsearch's API" });
        add({ name: "fluent-bit-to-elasticsearch", from: ns(NAMESPACES.fluentBit), to: logging, ports: tcp(ELASTICSEARCH_PORT), why: "Fluent Bit ships the logs" });
        if (jaegerOnElasticsearch) {
            add({ name: "jaeger-to-elasticsearch", from: ns(NAMESPACES.tracing), to: logging, ports: tcp(ELASTICSEARCH_PORT), why: "Jaeger stores spans in Elasticsearch" });
        }
    }

    if (config.externalSecrets.enabled) {
        const eso = ns(NAMESPACES.externalSecrets);
        add({ name: "api-server-to-eso-webhook", from: API_SERVER, to: eso, ports: tcp(ESO_WEBHOOK_PORT),
            why: "the API server calls ESO's validating webhook for stores and ExternalSecrets" });
        if (config.externalSecrets.store.kind !== "kubernetes") {
            add({ name: "eso-to-store", from: eso, to: INTERNET, ports: tcp(443, 8200),
                why: "ESO reads the stack's secret store: a cloud provider's API (443) or Vault (8200)" });
        }
    }

    if (config.resourceMetrics.source === "metrics-server") {
        const metricsServer = ns(NAMESPACES.metricsServer);
        add({ name: `${NAMESPACES.metricsServer}-to-api-server`, from: metricsServer, to: API_SERVER, ports: API_SERVER_PORTS,
            why: "metrics-server lists the nodes and pods it measures, and checks its callers' tokens and permissions" });
        add({ name: "api-server-to-metrics-server", from: API_SERVER, to: metricsServer, ports: tcp(METRICS_SERVER_PORT),
            why: "the API server's aggregator serves metrics.k8s.io (what HPAs and kubectl top read) by calling metrics-server" });
        add({ name: "metrics-server-to-kubelets", from: metricsServer, to: NODES, ports: tcp(10250),
            why: "metrics-server reads each kubelet's resource metrics endpoint" });
    }

    if (config.rightSizing.enabled) {
        add({ name: `${NAMESPACES.vpa}-to-api-server`, from: ns(NAMESPACES.vpa), to: API_SERVER, ports: API_SERVER_PORTS,
            why: "the VPA recommender reads pods, VerticalPodAutoscalers and the resource metrics API, and writes recommendations and checkpoints" });
    }

    if (config.requestScaling.enabled) {
        const keda = ns(NAMESPACES.keda);
        add({ name: `${NAMESPACES.keda}-to-api-server`, from: keda, to: API_SERVER, ports: API_SERVER_PORTS,
            why: "KEDA's operator watches ScaledObjects and writes the HPAs they scale through; its metrics server checks its callers" });
        add({ name: "api-server-to-keda", from: API_SERVER, to: keda, ports: tcp(KEDA_METRICS_API_PORT, KEDA_WEBHOOK_PORT),
            why: "the API server's aggregator serves external.metrics.k8s.io (what KEDA's HPAs read) by calling KEDA's metrics server, and calls its ScaledObject webhook" });
        add({ name: "keda-to-prometheus", from: keda, to: ns(NAMESPACES.monitoring), ports: [{ port: PROMETHEUS_SERVICE.port }],
            why: "KEDA's operator reads each ScaledObject's request rate from Prometheus" });
    }

    if (config.progressiveDelivery.enabled) {
        const rollouts = ns(NAMESPACES.argoRollouts);
        // No webhook: the chart registers no admission webhook or aggregated API, so the API server never calls in.
        add({ name: `${NAMESPACES.argoRollouts}-to-api-server`, from: rollouts, to: API_SERVER, ports: API_SERVER_PORTS,
            why: "Argo Rollouts' controller watches Rollouts and the Deployments they reference, scales their ReplicaSets and moves the weights of their VirtualServices" });
        if (config.monitoring.enabled) {
            const monitoring = ns(NAMESPACES.monitoring);
            add({ name: `${NAMESPACES.argoRollouts}-to-prometheus`, from: rollouts, to: monitoring, ports: [{ port: PROMETHEUS_SERVICE.port }],
                why: "Argo Rollouts' controller runs each AnalysisRun's Prometheus queries (a canary step's success rate and latency)" });
            add({ name: `scrape-${NAMESPACES.argoRollouts}`, from: monitoring, to: rollouts, ports: tcp(ARGO_ROLLOUTS_METRICS_PORT),
                why: "Prometheus scrapes Argo Rollouts' controller (rollout phases, analysis results)" });
        }
    }

    if (config.gitops.enabled) {
        add({ name: "argocd-to-repositories", from: ns(NAMESPACES.argocd), to: INTERNET, ports: tcp(443, 22),
            why: "Argo CD fetches the teams' repositories over HTTPS and SSH" });
    }
    return flows;
}
