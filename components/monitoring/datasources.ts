// Grafana datasources beyond the chart's default Prometheus one, cross-linked so a dashboard leads
// from a metric's exemplar to its trace, from a span to its logs, and from a log line back to the trace.
import { DATASOURCE_UID, TRACE_ID_FIELD } from "./names";
import { ExemplarTraceIdDestination, GrafanaDatasource } from "./chartValueTypes";

/** Environment variables of the Grafana container that it expands in its provisioning files. */
export const DATASOURCE_ENV = {
    elasticsearchPassword: "ELASTICSEARCH_PASSWORD",
    elasticsearchCaCert: "ELASTICSEARCH_CA_CERT",
} as const;

export interface DatasourceEndpoints {
    /** Jaeger query base URL; only when tracing is enabled. */
    jaegerQueryUrl?: string;
    /** Only when logging is enabled. */
    elasticsearch?: {
        url: string;
        username: string;
        indexPattern: string;
        messageField: string;
        /** Secret (in Grafana's namespace) with the CA of the HTTP certificate. */
        caSecret?: { name: string; key: string };
    };
}

// Grafana expands $NAME and ${NAME} from its environment in provisioning files; "$$" is a literal "$".
const env = (name: string) => `\${${name}}`;
const grafanaMacro = (macro: string) => `$\${${macro}}`;

export function additionalDatasources(endpoints: DatasourceEndpoints): GrafanaDatasource[] {
    const sources: GrafanaDatasource[] = [];
    if (endpoints.jaegerQueryUrl) {
        sources.push({
            name: "Jaeger",
            type: "jaeger",
            uid: DATASOURCE_UID.jaeger,
            access: "proxy",
            url: endpoints.jaegerQueryUrl,
            editable: false,
            jsonData: endpoints.elasticsearch
                ? {
                    tracesToLogsV2: {
                        datasourceUid: DATASOURCE_UID.elasticsearch,
                        spanStartTimeShift: "-5m",
                        spanEndTimeShift: "5m",
                        filterByTraceID: true,
                        filterBySpanID: false,
                        customQuery: true,
                        query: `${TRACE_ID_FIELD}:"${grafanaMacro("__trace.traceId")}"`,
                    },
                }
                : {},
        });
    }
    if (endpoints.elasticsearch) {
        const es = endpoints.elasticsearch;
        sources.push({
            name: "Elasticsearch",
            type: "elasticsearch",
            uid: DATASOURCE_UID.elasticsearch,
            access: "proxy",
            url: es.url,
            editable: false,
            basicAuth: true,
            basicAuthUser: es.username,
            jsonData: {
                index: es.indexPattern,
                timeField: "@timestamp",
                logMessageField: es.messageField,
                // ECK serves a self-signed certificate; without its CA, verification is skipped.
                ...(es.caSecret ? { tlsAuthWithCACert: true } : { tlsSkipVerify: true }),
                ...(endpoints.jaegerQueryUrl
                    ? { dataLinks: [{ field: TRACE_ID_FIELD, url: grafanaMacro("__value.raw"), datasourceUid: DATASOURCE_UID.jaeger }] }
                    : {}),
            },
            secureJsonData: {
                basicAuthPassword: env(DATASOURCE_ENV.elasticsearchPassword),
                ...(es.caSecret ? { tlsCACert: env(DATASOURCE_ENV.elasticsearchCaCert) } : {}),
            },
        });
    }
    return sources;
}

/** Prometheus exemplars carrying a trace id link to the Jaeger datasource. */
export function exemplarDestination(jaegerQueryUrl?: string): ExemplarTraceIdDestination | undefined {
    return jaegerQueryUrl
        ? { datasourceUid: DATASOURCE_UID.jaeger, traceIdLabelName: TRACE_ID_FIELD, urlDisplayLabel: "View trace" }
        : undefined;
}

/** Grafana env entries read from Secrets other than its own credentials Secret (chart key envValueFrom). */
export function datasourceEnvValueFrom(endpoints: DatasourceEndpoints): Record<string, { secretKeyRef: { name: string; key: string } }> {
    const ca = endpoints.elasticsearch?.caSecret;
    return ca ? { [DATASOURCE_ENV.elasticsearchCaCert]: { secretKeyRef: { name: ca.name, key: ca.key } } } : {};
}
