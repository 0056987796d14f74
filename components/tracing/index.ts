// Tracing with Jaeger v2: the `jaeger` chart's all-in-one Deployment (OpenTelemetry-based collector
// and query UI; no agent), traces kept in memory (dev) or in the logging component's Elasticsearch,
// and stable Services for the OTLP collector endpoints and the query UI.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { ChartSource } from "../shared/helmChart";
import { TracingSettings } from "./settings";
import { ChartValues, installChart } from "../shared/helmChart";
import { recommendedLabels } from "@reference-platform/consumer/shared/labels";
import { jaegerValues } from "./chartValues";
import {
    COLLECTOR_SERVICE, ELASTICSEARCH_CREDENTIALS_SECRET, JAEGER_POD_SELECTOR, otlpGrpcEndpoint, otlpHttpEndpoint, PORTS,
    QUERY_SERVICE, queryUrl, RELEASE,
} from "./names";

/** The endpoints as plain strings, for components wired before or beside this one. */
export { otlpGrpcEndpoint, otlpHttpEndpoint, queryUrl } from "./names";

/** The logging component's Elasticsearch, as Jaeger reaches it. */
export interface TracingElasticsearch {
    /** e.g. https://elasticsearch-es-http.logging.svc:9200 */
    url: string;
    /** The dedicated `jaeger` user. */
    username: string;
    /** A secret; it only ever lands in a Secret of the tracing namespace. */
    password: pulumi.Input<string>;
    /** Secret in the tracing namespace holding the Elasticsearch HTTP CA under `ca.crt`. */
    caSecretName: string;
    /** Replicas per Jaeger index (0 on a single-node cluster). */
    indexReplicas: number;
}

export interface TracingArgs {
    env: string;
    settings: TracingSettings;
    /** The tracing namespace (restricted), from the Tenancy component. */
    namespace: pulumi.Input<string>;
    chart: ChartSource;
    /** platform:chartValues.jaeger, merged over the defaults. */
    chartValues?: ChartValues;
    /** Required when settings.storage is "elasticsearch". */
    elasticsearch?: TracingElasticsearch;
}

export class Tracing extends pulumi.ComponentResource {
    public readonly namespace: pulumi.Output<string>;
    /** host:port of the OTLP gRPC collector, e.g. jaeger-collector.tracing.svc.cluster.local:4317. */
    public readonly otlpGrpcEndpoint: pulumi.Output<string>;
    /** http://host:4318 of the OTLP HTTP collector. */
    public readonly otlpHttpEndpoint: pulumi.Output<string>;
    /** The Jaeger UI and query API (http://...:16686); Grafana's Jaeger datasource points here. */
    public readonly queryUrl: pulumi.Output<string>;
    public readonly chart: k8s.helm.v4.Chart;

    constructor(name: string, args: TracingArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:tracing:Tracing", name, {}, opts);
        const child = { parent: this };
        const es = args.settings.storage === "elasticsearch" ? args.elasticsearch : undefined;
        if (args.settings.storage === "elasticsearch" && !es) {
            throw new Error('tracing: storage "elasticsearch" needs the logging component\'s Elasticsearch endpoint');
        }
        this.namespace = pulumi.output(args.namespace);
        const labels = (component: string) =>
            recommendedLabels({ name: "jaeger", instance: RELEASE, component, partOf: "tracing", env: args.env });

        const credentials = es
            ? new k8s.core.v1.Secret("jaeger-elasticsearch-credentials", {
                metadata: { name: ELASTICSEARCH_CREDENTIALS_SECRET, namespace: args.namespace, labels: labels("storage") },
                type: "kubernetes.io/basic-auth",
                stringData: { username: es.username, password: pulumi.secret(es.password) },
            }, { ...child, additionalSecretOutputs: ["data", "stringData"] })
            : undefined;

        this.chart = installChart(RELEASE, {
            source: args.chart,
            namespace: args.namespace,
            values: jaegerValues(args.settings, es && {
                url: es.url,
                username: es.username,
                indexReplicas: es.indexReplicas,
                credentialsSecret: ELASTICSEARCH_CREDENTIALS_SECRET,
                caSecret: es.caSecretName,
            }),
            userValues: args.chartValues,
        }, { ...child, dependsOn: credentials ? [credentials] : [] });

        // The chart's own Service also lists the deprecated agent's ports; these expose only what is used.
        const service = (resourceName: string, serviceName: string, component: string, ports: k8s.types.input.core.v1.ServicePort[]) =>
            new k8s.core.v1.Service(resourceName, {
                metadata: { name: serviceName, namespace: args.namespace, labels: labels(component) },
                spec: { type: "ClusterIP", selector: { ...JAEGER_POD_SELECTOR }, ports },
            }, child);
        service("jaeger-collector", COLLECTOR_SERVICE, "collector", [
            { name: "grpc-otlp", port: PORTS.otlpGrpc, targetPort: PORTS.otlpGrpc, appProtocol: "grpc" },
            { name: "http-otlp", port: PORTS.otlpHttp, targetPort: PORTS.otlpHttp, appProtocol: "http" },
        ]);
        service("jaeger-query", QUERY_SERVICE, "query", [
            { name: "http-query", port: PORTS.queryHttp, targetPort: PORTS.queryHttp, appProtocol: "http" },
            { name: "grpc-query", port: PORTS.queryGrpc, targetPort: PORTS.queryGrpc, appProtocol: "grpc" },
        ]);

        // The chart has no PodDisruptionBudget template: with replicas, one drain at a time.
        if (args.settings.replicas > 1) {
            new k8s.policy.v1.PodDisruptionBudget("jaeger", {
                metadata: { name: RELEASE, namespace: args.namespace, labels: labels("collector") },
                spec: { maxUnavailable: 1, selector: { matchLabels: { ...JAEGER_POD_SELECTOR } } },
            }, { ...child, dependsOn: [this.chart] });
        }

        this.otlpGrpcEndpoint = this.namespace.apply(otlpGrpcEndpoint);
        this.otlpHttpEndpoint = this.namespace.apply(otlpHttpEndpoint);
        this.queryUrl = this.namespace.apply(queryUrl);

        this.registerOutputs({
            namespace: this.namespace,
            otlpGrpcEndpoint: this.otlpGrpcEndpoint,
            otlpHttpEndpoint: this.otlpHttpEndpoint,
            queryUrl: this.queryUrl,
        });
    }
}
