// Index lifecycle. Elasticsearch has no Kubernetes resource for ILM, so a curl task in the logging
// namespace applies it through the REST API, as the least-privileged `retention` user:
//   1. an ILM policy deleting an index N days (the profile's retentionDays) after its creation;
//   2. an index template attaching it to every new Fluent Bit index (k8s-logs-*);
//   3. the policy set on existing log and Jaeger indices (Jaeger manages its own index templates,
//      so its daily indices get the policy from the task's daily run rather than from a template).
// The request bodies are plain data in a ConfigMap; credentials come from Secrets as env vars.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { createCurlTask, CurlTask } from "./curlTask";
import { CA_KEY, ELASTICSEARCH_HTTP_CA_SECRET, LOG_INDEX_PATTERN, LOG_INDEX_PREFIX, RETENTION_POLICY, TRACE_INDEX_PATTERN } from "./names";

export const RETENTION_CONFIGMAP = "elasticsearch-retention";
const BODIES = "/etc/retention";
const CA_DIR = "/etc/elasticsearch-ca";

export function retentionPolicy(retentionDays: number): object {
    return {
        policy: {
            phases: {
                hot: { min_age: "0ms", actions: {} },
                delete: { min_age: `${retentionDays}d`, actions: { delete: {} } },
            },
        },
    };
}

export function logIndexTemplate(replicas: number): object {
    return {
        index_patterns: [LOG_INDEX_PATTERN],
        // Above the built-in templates (priority 100), in case a pattern ever overlaps.
        priority: 200,
        template: {
            settings: {
                "index.lifecycle.name": RETENTION_POLICY,
                "index.number_of_shards": 1,
                "index.number_of_replicas": replicas,
            },
        },
    };
}

const SCRIPT = `
es() {
  printf 'user = "%s:%s"\\n' "$ES_USERNAME" "$ES_PASSWORD" |
    curl --silent --show-error --fail-with-body --config - --cacert ${CA_DIR}/${CA_KEY} \\
      -H 'Content-Type: application/json' "$@"
  echo
}
until es "$ES_URL/_cluster/health?wait_for_status=yellow&timeout=30s" >/dev/null; do
  echo "waiting for Elasticsearch at $ES_URL"; sleep 15
done
es -X PUT "$ES_URL/_ilm/policy/${RETENTION_POLICY}" --data-binary @${BODIES}/policy.json
es -X PUT "$ES_URL/_index_template/${LOG_INDEX_PREFIX}" --data-binary @${BODIES}/log-index-template.json
es -X PUT "$ES_URL/${LOG_INDEX_PATTERN},${TRACE_INDEX_PATTERN}/_settings?allow_no_indices=true&expand_wildcards=open" \\
  --data-binary @${BODIES}/index-settings.json
`;

export interface RetentionArgs {
    namespace: pulumi.Input<string>;
    labels: Record<string, string>;
    retentionDays: number;
    indexReplicas: number;
    elasticsearchUrl: pulumi.Input<string>;
    /** basic-auth Secret (username/password) of the retention user, in the same namespace. */
    credentialsSecret: pulumi.Input<string>;
}

export interface Retention extends CurlTask {
    bodies: k8s.core.v1.ConfigMap;
}

export function createRetention(args: RetentionArgs, opts: pulumi.CustomResourceOptions): Retention {
    const bodies = new k8s.core.v1.ConfigMap("elasticsearch-retention", {
        metadata: { name: RETENTION_CONFIGMAP, namespace: args.namespace, labels: args.labels },
        data: {
            "policy.json": JSON.stringify(retentionPolicy(args.retentionDays)),
            "log-index-template.json": JSON.stringify(logIndexTemplate(args.indexReplicas)),
            "index-settings.json": JSON.stringify({ "index.lifecycle.name": RETENTION_POLICY }),
        },
    }, opts);
    const fromSecret = (name: string, key: string): k8s.types.input.core.v1.EnvVar =>
        ({ name, valueFrom: { secretKeyRef: { name: args.credentialsSecret, key } } });
    const task = createCurlTask("elasticsearch-retention", {
        namespace: args.namespace,
        labels: args.labels,
        script: SCRIPT,
        schedule: "17 1 * * *",
        env: [
            { name: "ES_URL", value: args.elasticsearchUrl },
            fromSecret("ES_USERNAME", "username"),
            fromSecret("ES_PASSWORD", "password"),
        ],
        volumes: [
            { name: "bodies", configMap: { name: bodies.metadata.name } },
            { name: "elasticsearch-ca", secret: { secretName: ELASTICSEARCH_HTTP_CA_SECRET, items: [{ key: CA_KEY, path: CA_KEY }] } },
        ],
        volumeMounts: [
            { name: "bodies", mountPath: BODIES, readOnly: true },
            { name: "elasticsearch-ca", mountPath: CA_DIR, readOnly: true },
        ],
    }, opts);
    return { ...task, bodies };
}
