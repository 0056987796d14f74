// Static object names. The chart's fullnameOverride pins them, so in-cluster URLs can be computed
// without waiting for the chart, and a release rename never changes a Service name.

/** kube-prometheus-stack's fullnameOverride: prefixes its Services and the Prometheus/Alertmanager objects. */
export const STACK_FULLNAME = "monitoring";
export const GRAFANA_FULLNAME = `${STACK_FULLNAME}-grafana`;
export const KUBE_STATE_METRICS_FULLNAME = "kube-state-metrics";
export const NODE_EXPORTER_FULLNAME = "node-exporter";

export const PROMETHEUS_SERVICE = { name: `${STACK_FULLNAME}-prometheus`, port: 9090 };
/** The chart's Prometheus ServiceAccount (prometheus.serviceAccount.create, no name): its mesh identity scrapes. */
export const PROMETHEUS_SERVICE_ACCOUNT = `${STACK_FULLNAME}-prometheus`;
export const ALERTMANAGER_SERVICE = { name: `${STACK_FULLNAME}-alertmanager`, port: 9093 };
export const GRAFANA_SERVICE = { name: GRAFANA_FULLNAME, port: 80 };

export const GRAFANA_ADMIN_SECRET = "grafana-admin-credentials";
export const GRAFANA_ADMIN_USER = "admin";
/** The keys the grafana chart reads from admin.existingSecret by default (admin.userKey/passwordKey). */
export const GRAFANA_ADMIN_KEYS = { user: "admin-user", password: "admin-password" } as const;

export const GRAFANA_DATASOURCE_SECRET = "grafana-datasource-credentials";
export const ALERTMANAGER_CONFIG_SECRET = "alertmanager-platform-config";
/** The key the Prometheus operator reads from an Alertmanager's configSecret. */
export const ALERTMANAGER_CONFIG_KEY = "alertmanager.yaml";

/**
 * Grafana datasource uids: the cross-links between metrics, traces and logs refer to these. The
 * Prometheus one is the uid kube-prometheus-stack gives its default datasource.
 */
export const DATASOURCE_UID = { prometheus: "prometheus", jaeger: "jaeger", elasticsearch: "elasticsearch" } as const;

/** Log field that carries the trace id, both in Elasticsearch documents and in exemplars. */
export const TRACE_ID_FIELD = "trace_id";

export function serviceUrl(service: { name: string; port: number }, namespace: string): string {
    const port = service.port === 80 ? "" : `:${service.port}`;
    return `http://${service.name}.${namespace}.svc${port}`;
}
