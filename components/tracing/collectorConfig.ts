// Jaeger v2's own configuration (an OpenTelemetry Collector config), handed to the chart as
// `userconfig`: OTLP receivers on all interfaces, the query extension, and one trace store,
// either in memory or in the logging component's Elasticsearch (basic auth from a mounted
// Secret file, TLS verified against the copied ECK CA). Keys checked against Jaeger 2.19.0.
import { PORTS } from "./names";

export const PRIMARY_STORE = "primary_store";
/** Where the pod mounts the password file and the CA (see chartValues.ts). */
export const ES_PASSWORD_FILE = "/etc/jaeger/elasticsearch-credentials/password";
export const ES_CA_FILE = "/etc/jaeger/elasticsearch-ca/ca.crt";
/** Memory store bound for dev: traces beyond it are evicted, oldest first. */
export const MEMORY_MAX_TRACES = 20000;

export interface MemoryBackend {
    memory: { max_traces: number };
}

export interface IndexOptions {
    shards: number;
    replicas: number;
}

export interface ElasticsearchBackend {
    elasticsearch: {
        server_urls: string[];
        auth: { basic: { username: string; password_file: string; reload_interval: string } };
        tls: { insecure: false; ca_file: string };
        indices: { spans: IndexOptions; services: IndexOptions; dependencies: IndexOptions; sampling: IndexOptions };
    };
}

export interface JaegerConfig {
    service: {
        extensions: string[];
        pipelines: { traces: { receivers: string[]; processors: string[]; exporters: string[] } };
        telemetry: {
            resource: Record<string, string>;
            metrics: { level: string; readers: { pull: { exporter: { prometheus: { host: string; port: number } } } }[] };
        };
    };
    extensions: {
        healthcheckv2: { use_v2: true; http: { endpoint: string } };
        jaeger_query: {
            storage: { traces: string };
            http: { endpoint: string };
            grpc: { endpoint: string };
        };
        jaeger_storage: { backends: Record<string, MemoryBackend | ElasticsearchBackend> };
    };
    receivers: { otlp: { protocols: { grpc: { endpoint: string }; http: { endpoint: string } } } };
    processors: { batch: Record<string, never> };
    exporters: { jaeger_storage_exporter: { trace_storage: string } };
}

export interface ElasticsearchStore {
    url: string;
    username: string;
    indexReplicas: number;
}

const listen = (port: number) => `0.0.0.0:${port}`;

export function elasticsearchBackend(es: ElasticsearchStore): ElasticsearchBackend {
    const index = { shards: 1, replicas: es.indexReplicas };
    return {
        elasticsearch: {
            server_urls: [es.url],
            auth: { basic: { username: es.username, password_file: ES_PASSWORD_FILE, reload_interval: "60s" } },
            tls: { insecure: false, ca_file: ES_CA_FILE },
            indices: { spans: index, services: index, dependencies: index, sampling: index },
        },
    };
}

export function jaegerConfig(elasticsearch?: ElasticsearchStore): JaegerConfig {
    const backend = elasticsearch ? elasticsearchBackend(elasticsearch) : { memory: { max_traces: MEMORY_MAX_TRACES } };
    return {
        service: {
            extensions: ["jaeger_storage", "jaeger_query", "healthcheckv2"],
            pipelines: { traces: { receivers: ["otlp"], processors: ["batch"], exporters: ["jaeger_storage_exporter"] } },
            telemetry: {
                resource: { "service.name": "jaeger" },
                metrics: { level: "detailed", readers: [{ pull: { exporter: { prometheus: { host: "0.0.0.0", port: PORTS.metrics } } } }] },
            },
        },
        extensions: {
            healthcheckv2: { use_v2: true, http: { endpoint: listen(PORTS.health) } },
            jaeger_query: {
                storage: { traces: PRIMARY_STORE },
                http: { endpoint: listen(PORTS.queryHttp) },
                grpc: { endpoint: listen(PORTS.queryGrpc) },
            },
            jaeger_storage: { backends: { [PRIMARY_STORE]: backend } },
        },
        receivers: { otlp: { protocols: { grpc: { endpoint: listen(PORTS.otlpGrpc) }, http: { endpoint: listen(PORTS.otlpHttp) } } } },
        processors: { batch: {} },
        exporters: { jaeger_storage_exporter: { trace_storage: PRIMARY_STORE } },
    };
}
