// Logging (EFK): the ECK operator, an Elasticsearch cluster and Kibana created as ECK resources,
// dedicated Elasticsearch users, index retention, and Fluent Bit shipping every container's log.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { ChartSource } from "../shared/helmChart";
import { LoggingSettings } from "./settings";
import { ChartValues, installChart } from "../shared/helmChart";
import { recommendedLabels } from "@reference-platform/consumer/shared/labels";
import { createCaDistribution } from "./caDistribution";
import { eckOperatorValues, fluentBitValues } from "./chartValues";
import { elasticsearchSpec, indexReplicas } from "./elasticsearch";
import { kibanaSpec } from "./kibana";
import {
    ELASTICSEARCH_CA_SECRET, ELASTICSEARCH_CREDENTIALS_SECRET, ELASTICSEARCH_NAME, ELASTIC_USER_SECRET, KIBANA_NAME,
    FLUENT_BIT_RELEASE, LOG_INDEX_PATTERN, elasticsearchUrl, kibanaUrl,
} from "./names";
import { createRetention } from "./retention";
import { createFileRealmUsers, createRolesSecret, ElasticsearchCredentials, ElasticsearchUser } from "./users";

export { ELASTICSEARCH_CA_SECRET, ELASTICSEARCH_CREDENTIALS_SECRET, LOG_INDEX_PATTERN, elasticsearchUrl, kibanaUrl } from "./names";
export { ElasticsearchCredentials } from "./users";

/** The users other components may ask for; `retention` stays internal. */
export type ElasticsearchClient = Exclude<ElasticsearchUser, "retention">;

export interface LoggingArgs {
    env: string;
    settings: LoggingSettings;
    /** Elasticsearch and Kibana (restricted), from the Tenancy component. */
    namespace: pulumi.Input<string>;
    /** The ECK operator's namespace (restricted). */
    operatorNamespace: pulumi.Input<string>;
    /** Fluent Bit's namespace (privileged: hostPath /var/log, root). */
    fluentBitNamespace: pulumi.Input<string>;
    operatorChart: ChartSource;
    fluentBitChart: ChartSource;
    /** platform:chartValues.eckOperator, merged over the defaults. */
    operatorChartValues?: ChartValues;
    /** platform:chartValues.fluentBit, merged over the defaults. */
    fluentBitChartValues?: ChartValues;
    /** protect + retainOnDelete the Elasticsearch resource and keep its volume claims (prod). */
    protectStatefulData: boolean;
    /** Other clients' namespaces (e.g. { tracing: "tracing" }) that get the HTTP CA as Secret `elasticsearch-ca`. */
    caConsumerNamespaces?: Record<string, pulumi.Input<string>>;
}

export class Logging extends pulumi.ComponentResource {
    public readonly namespace: pulumi.Output<string>;
    /** HTTPS, with a certificate from ECK's self-signed CA (Secret `elasticsearch-ca` in consumer namespaces). */
    public readonly elasticsearchUrl: pulumi.Output<string>;
    public readonly kibanaUrl: pulumi.Output<string>;
    /** Secret in `namespace` with the `elastic` superuser's password (key `elastic`): the Kibana login. */
    public readonly credentialsSecretName: pulumi.Output<string>;
    /** Installs the Elastic CRDs: every Elasticsearch/Kibana-kind resource depends on it. */
    public readonly operatorChart: k8s.helm.v4.Chart;
    public readonly fluentBitChart: k8s.helm.v4.Chart;
    public readonly elasticsearch: k8s.apiextensions.CustomResource;
    public readonly kibana: k8s.apiextensions.CustomResource;
    /** Index pattern of the container logs Fluent Bit writes. */
    public readonly logIndexPattern: string = LOG_INDEX_PATTERN;
    /** Replicas per index the cluster can hold (0 on one node); for clients that create indices. */
    public readonly indexReplicas: number;
    /** Name of the CA Secret copied into Fluent Bit's and each `caConsumerNamespaces` namespace. */
    public readonly caSecretName: string = ELASTICSEARCH_CA_SECRET;
    private readonly credentials: Record<ElasticsearchClient, ElasticsearchCredentials>;

    constructor(name: string, args: LoggingArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:logging:Logging", name, {}, opts);
        const child = { parent: this };
        const labels = (component: string, appName = "elasticsearch") =>
            recommendedLabels({ name: appName, component, partOf: "logging", env: args.env });
        this.namespace = pulumi.output(args.namespace);
        this.indexReplicas = indexReplicas(args.settings.elasticsearchNodes);

        this.operatorChart = installChart("eck-operator", {
            source: args.operatorChart,
            namespace: args.operatorNamespace,
            values: eckOperatorValues(args.namespace),
            userValues: args.operatorChartValues,
        }, child);

        const users = createFileRealmUsers(args.namespace, labels("users"), this);
        const roles = createRolesSecret(args.namespace, labels("users"), this);
        const { retention, ...clients } = users;
        this.credentials = clients;

        this.elasticsearch = new k8s.apiextensions.CustomResource("elasticsearch", {
            apiVersion: "elasticsearch.k8s.elastic.co/v1",
            kind: "Elasticsearch",
            metadata: { name: ELASTICSEARCH_NAME, namespace: args.namespace, labels: labels("search") },
            spec: elasticsearchSpec({
                settings: args.settings,
                labels: labels("search"),
                retainVolumes: args.protectStatefulData,
                fileRealmSecrets: Object.values(users).map((u) => u.secret.metadata.name),
                rolesSecret: roles.metadata.name,
            }),
        }, {
            ...child,
            dependsOn: [this.operatorChart],
            protect: args.protectStatefulData,
            retainOnDelete: args.protectStatefulData,
        });

        this.kibana = new k8s.apiextensions.CustomResource("kibana", {
            apiVersion: "kibana.k8s.elastic.co/v1",
            kind: "Kibana",
            metadata: { name: KIBANA_NAME, namespace: args.namespace, labels: labels("ui", "kibana") },
            spec: kibanaSpec(args.settings.kibanaReplicas, labels("ui", "kibana")),
        }, { ...child, dependsOn: [this.operatorChart] });

        this.elasticsearchUrl = this.namespace.apply(elasticsearchUrl);
        this.kibanaUrl = this.namespace.apply(kibanaUrl);
        this.credentialsSecretName = pulumi.output(ELASTIC_USER_SECRET);

        createRetention({
            namespace: args.namespace,
            labels: labels("retention"),
            retentionDays: args.settings.retentionDays,
            indexReplicas: this.indexReplicas,
            elasticsearchUrl: this.elasticsearchUrl,
            credentialsSecret: retention.secret.metadata.name,
        }, child);

        createCaDistribution({
            namespace: args.namespace,
            labels: labels("ca-distribution"),
            targetNamespaces: { "fluent-bit": args.fluentBitNamespace, ...args.caConsumerNamespaces },
        }, child);

        const fluentBitCredentials = new k8s.core.v1.Secret("fluent-bit-elasticsearch-credentials", {
            metadata: {
                name: ELASTICSEARCH_CREDENTIALS_SECRET,
                namespace: args.fluentBitNamespace,
                labels: labels("shipper", "fluent-bit"),
            },
            type: "kubernetes.io/basic-auth",
            stringData: { username: clients.fluentBit.username, password: clients.fluentBit.password },
        }, { ...child, additionalSecretOutputs: ["data", "stringData"] });

        this.fluentBitChart = installChart(FLUENT_BIT_RELEASE, {
            source: args.fluentBitChart,
            namespace: args.fluentBitNamespace,
            values: fluentBitValues(args.namespace),
            userValues: args.fluentBitChartValues,
        }, { ...child, dependsOn: [fluentBitCredentials] });

        this.registerOutputs({
            namespace: this.namespace,
            elasticsearchUrl: this.elasticsearchUrl,
            kibanaUrl: this.kibanaUrl,
            credentialsSecretName: this.credentialsSecretName,
        });
    }

    /** A client's Elasticsearch user, for a Secret in the client's own namespace; the password is secret. */
    public credentialsFor(client: ElasticsearchClient): ElasticsearchCredentials {
        return this.credentials[client];
    }
}
