// Static names: ECK derives Service and Secret names from the Elasticsearch and Kibana names, so
// fixing those fixes every in-cluster URL other components are given as plain strings.

/** Elastic Stack version of Elasticsearch and Kibana (supported by ECK 3.5 and by Jaeger 2.19's ES client). */
export const ELASTIC_STACK_VERSION = "9.4.3";

export const ELASTICSEARCH_NAME = "elasticsearch";
export const KIBANA_NAME = "kibana";
export const NODE_SET_NAME = "default";

/** ECK's HTTP Service: `<name>-es-http`; its certificate covers `<svc>.<ns>` and `<svc>.<ns>.svc` only. */
export const ELASTICSEARCH_HTTP_SERVICE = `${ELASTICSEARCH_NAME}-es-http`;
export const ELASTICSEARCH_PORT = 9200;
export const KIBANA_HTTP_SERVICE = `${KIBANA_NAME}-kb-http`;
export const KIBANA_PORT = 5601;

/** ECK-generated: the `elastic` superuser's password under the key `elastic` (the Kibana login). */
export const ELASTIC_USER_SECRET = `${ELASTICSEARCH_NAME}-es-elastic-user`;
export const ELASTIC_USER_KEY = "elastic";
/** ECK-generated: the CA (`ca.crt`) of the self-signed HTTP certificate; holds no private key. */
export const ELASTICSEARCH_HTTP_CA_SECRET = `${ELASTICSEARCH_NAME}-es-http-certs-public`;

/** The copy of the HTTP CA each consumer namespace gets (Fluent Bit, Jaeger), key `ca.crt`. */
export const ELASTICSEARCH_CA_SECRET = "elasticsearch-ca";
export const CA_KEY = "ca.crt";
/** The basic-auth Secret a consumer keeps its own Elasticsearch user in, in its own namespace. */
export const ELASTICSEARCH_CREDENTIALS_SECRET = "elasticsearch-credentials";

/** Fluent Bit's Logstash_Prefix: daily indices `k8s-logs-YYYY.MM.DD` (clear of the built-in `logs-*-*` data streams). */
export const LOG_INDEX_PREFIX = "k8s-logs";
export const LOG_INDEX_PATTERN = `${LOG_INDEX_PREFIX}-*`;
/** Jaeger's default index names: jaeger-span-*, jaeger-service-*, jaeger-dependencies-*, jaeger-sampling-*. */
export const TRACE_INDEX_PATTERN = "jaeger-*";
/** The ILM policy that deletes log and trace indices after the profile's retention. */
export const RETENTION_POLICY = "platform-retention";

/** The fluent-bit release: the chart names its DaemonSet, ServiceAccount and ConfigMap after it. */
export const FLUENT_BIT_RELEASE = "fluent-bit";
export const ECK_OPERATOR_FULLNAME = "elastic-operator";

export function elasticsearchUrl(namespace: string): string {
    return `https://${ELASTICSEARCH_HTTP_SERVICE}.${namespace}.svc:${ELASTICSEARCH_PORT}`;
}

export function kibanaUrl(namespace: string): string {
    return `https://${KIBANA_HTTP_SERVICE}.${namespace}.svc:${KIBANA_PORT}`;
}

/** The Elasticsearch and Kibana images run as uid 1000; fsGroup makes the data volume theirs. */
export const ELASTIC_UID = 1000;
