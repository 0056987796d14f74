// Metrics and alerting: kube-prometheus-stack (Prometheus operator, Prometheus, Alertmanager,
// Grafana, kube-state-metrics, node exporter), its secrets, and the monitors that scrape the mesh.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { ChartSource } from "../shared/helmChart";
import { MonitoringSettings } from "./settings";
import { ChartValues, installChart } from "../shared/helmChart";
import { recommendedLabels } from "@reference-platform/consumer/shared/labels";
import { createAlertmanagerConfigSecret } from "./alertmanagerConfig";
import type { SecretStoreIntegration } from "@reference-platform/consumer/microservice";
import { platformExternalSecret } from "../secrets/platformSecret";
import { DATASOURCE_ENV } from "./datasources";
import { monitoringValues } from "./chartValues";
import { createIstioMonitors } from "./istioMonitors";
import { SCRAPE_CERTIFICATE_FILES, ScrapeCertificateFiles } from "./meshCertificates";
import {
    ALERTMANAGER_SERVICE, GRAFANA_ADMIN_KEYS, GRAFANA_ADMIN_SECRET, GRAFANA_ADMIN_USER, GRAFANA_DATASOURCE_SECRET,
    GRAFANA_SERVICE, PROMETHEUS_SERVICE, PROMETHEUS_SERVICE_ACCOUNT, serviceUrl,
} from "./names";
import { protectStatefulObjects } from "./protection";

export { DASHBOARD_LABEL } from "./chartValues";
export { ScrapeCertificateFiles } from "./meshCertificates";

/** The logging component's Elasticsearch, as Grafana should reach it. */
export interface ElasticsearchEndpoint {
    /** e.g. https://<name>-es-http.logging.svc:9200 */
    url: string;
    username: string;
    password: pulumi.Input<string>;
    /** Index pattern holding container logs, e.g. "k8s-logs-*". */
    indexPattern: string;
    /** Field with the log line; default "log" (Fluent Bit's CRI parser). */
    messageField?: string;
    /**
     * Secret in the monitoring namespace holding the CA of Elasticsearch's HTTP certificate (the
     * logging component copies it there); without it Grafana skips certificate verification.
     */
    caSecret?: { name: string; key: string };
}

export interface MonitoringArgs {
    env: string;
    settings: MonitoringSettings;
    /** The monitoring namespace (restricted), from the Tenancy component. */
    namespace: pulumi.Input<string>;
    /** Namespaces whose dashboard ConfigMaps Grafana loads (the tenants'); Grafana may read only there. */
    dashboardNamespaces: pulumi.Input<string>[];
    /** The node exporter's namespace (privileged: host network, PID and filesystem). */
    nodeExporterNamespace: pulumi.Input<string>;
    chart: ChartSource;
    /** platform:chartValues.kubePrometheusStack, merged over the defaults. */
    chartValues?: ChartValues;
    /** protect + retainOnDelete the Prometheus object and keep its volumes (prod). */
    protectStatefulData: boolean;
    /** Grafana's admin login from the secret store (properties admin-user, admin-password) instead of generated. */
    grafanaAdminFromStore?: { store: SecretStoreIntegration; remoteKey: string };
    /** Webhook the critical receiver posts to (a secret); without it critical alerts go nowhere. */
    alertWebhookUrl?: pulumi.Input<string>;
    /** That webhook from the secret store instead (property `url`): ESO writes Alertmanager's configuration. */
    alertWebhookUrlFromStore?: { store: SecretStoreIntegration; remoteKey: string };
    /** Jaeger query base URL, when tracing is enabled. */
    jaegerQueryUrl?: string;
    /** Elasticsearch, when logging is enabled. */
    elasticsearch?: ElasticsearchEndpoint;
    /** Namespace of istiod, when the mesh is enabled: istiod and every Envoy get scraped. */
    istioNamespace?: pulumi.Input<string>;
    /** Key -> each other namespace whose pods run Envoy (the ingress gateway's, the tenants'), when the mesh is enabled. */
    envoyNamespaces?: Record<string, pulumi.Input<string>>;
    /**
     * Set when the mesh enforces STRICT mTLS: Prometheus gets a certificate-only sidecar from this
     * revision's injector, so it can scrape the services' metrics ports over mesh mTLS.
     */
    meshCertificates?: { revision: string };
    /** The platform runs the VPA recommender: kube-state-metrics exposes the VPAs' recommendations. */
    rightSizing: boolean;
}

export class Monitoring extends pulumi.ComponentResource {
    public readonly namespace: pulumi.Output<string>;
    public readonly prometheusUrl: pulumi.Output<string>;
    public readonly alertmanagerUrl: pulumi.Output<string>;
    public readonly grafanaUrl: pulumi.Output<string>;
    public readonly grafanaAdminSecretName: pulumi.Output<string>;
    /** Installs the monitoring.coreos.com CRDs: every ServiceMonitor, PodMonitor or PrometheusRule depends on it. */
    public readonly crdChart: k8s.helm.v4.Chart;
    /** Prometheus's ServiceAccount in `namespace`: with the mesh certificate, its mesh identity. */
    public readonly prometheusServiceAccountName: string = PROMETHEUS_SERVICE_ACCOUNT;
    /** Prometheus's mesh certificate files, when it has one: ServiceMonitors scrape mesh workloads with them. */
    public readonly scrapeCertificateFiles?: ScrapeCertificateFiles;

    constructor(name: string, args: MonitoringArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:monitoring:Monitoring", name, {}, opts);
        const child = { parent: this };
        const labels = recommendedLabels({ name: "monitoring", component: "monitoring", env: args.env });
        this.namespace = pulumi.output(args.namespace);

        const fromStore = args.grafanaAdminFromStore;
        const adminSecret = fromStore
            ? platformExternalSecret("grafana-admin-external", {
                namespace: args.namespace, secretName: GRAFANA_ADMIN_SECRET, labels, store: fromStore.store,
                data: [GRAFANA_ADMIN_KEYS.user, GRAFANA_ADMIN_KEYS.password].map((key) => ({ secretKey: key, remoteKey: fromStore.remoteKey, property: key })),
            }, child)
            : new k8s.core.v1.Secret("grafana-admin", {
                metadata: { name: GRAFANA_ADMIN_SECRET, namespace: args.namespace, labels },
                type: "Opaque",
                stringData: {
                    [GRAFANA_ADMIN_KEYS.user]: GRAFANA_ADMIN_USER,
                    [GRAFANA_ADMIN_KEYS.password]: pulumi.secret(new random.RandomPassword("grafana-admin", { length: 32, special: false }, child).result),
                },
            }, { ...child, additionalSecretOutputs: ["data", "stringData"] });
        // Read from the object, so the chart waits for it.
        const adminSecretName: pulumi.Output<string> = adminSecret.metadata.apply((m) => m.name ?? GRAFANA_ADMIN_SECRET);

        const alertmanagerConfig = createAlertmanagerConfigSecret({
            namespace: args.namespace,
            labels,
            criticalWebhookUrl: args.alertWebhookUrl,
            criticalWebhookUrlFromStore: args.alertWebhookUrlFromStore,
        }, child);

        const es = args.elasticsearch;
        const datasourceSecret = es
            ? new k8s.core.v1.Secret("grafana-datasources", {
                metadata: { name: GRAFANA_DATASOURCE_SECRET, namespace: args.namespace, labels },
                type: "Opaque",
                stringData: {
                    [DATASOURCE_ENV.elasticsearchPassword]: pulumi.secret(es.password),
                },
            }, { ...child, additionalSecretOutputs: ["data", "stringData"] })
            : undefined;

        this.crdChart = installChart("kube-prometheus-stack", {
            source: args.chart,
            namespace: args.namespace,
            values: monitoringValues({
                settings: args.settings,
                namespace: args.namespace,
                dashboardNamespaces: args.dashboardNamespaces,
                nodeExporterNamespace: args.nodeExporterNamespace,
                grafanaAdminSecretName: adminSecretName,
                alertmanagerConfigSecretName: alertmanagerConfig.metadata.name,
                datasourceSecretName: datasourceSecret?.metadata.name,
                datasources: {
                    jaegerQueryUrl: args.jaegerQueryUrl,
                    elasticsearch: es && {
                        url: es.url,
                        username: es.username,
                        indexPattern: es.indexPattern,
                        messageField: es.messageField ?? "log",
                        caSecret: es.caSecret,
                    },
                },
                retainVolumes: args.protectStatefulData,
                meshCertificatesRevision: args.meshCertificates?.revision,
                rightSizing: args.rightSizing,
            }),
            userValues: args.chartValues,
        }, {
            ...child,
            transforms: args.protectStatefulData ? [protectStatefulObjects()] : [],
        });

        if (args.istioNamespace) {
            createIstioMonitors({ namespace: args.namespace, istioNamespace: args.istioNamespace, envoyNamespaces: args.envoyNamespaces ?? {}, labels },
                { ...child, dependsOn: [this.crdChart] });
        }

        this.prometheusUrl = this.namespace.apply((ns) => serviceUrl(PROMETHEUS_SERVICE, ns));
        this.alertmanagerUrl = this.namespace.apply((ns) => serviceUrl(ALERTMANAGER_SERVICE, ns));
        this.grafanaUrl = this.namespace.apply((ns) => serviceUrl(GRAFANA_SERVICE, ns));
        this.grafanaAdminSecretName = adminSecretName;
        this.scrapeCertificateFiles = args.meshCertificates ? { ...SCRAPE_CERTIFICATE_FILES } : undefined;
        this.registerOutputs({
            namespace: this.namespace,
            prometheusUrl: this.prometheusUrl,
            alertmanagerUrl: this.alertmanagerUrl,
            grafanaUrl: this.grafanaUrl,
            grafanaAdminSecretName: this.grafanaAdminSecretName,
        });
    }
}
