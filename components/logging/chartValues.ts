// The component's chart values: a namespace-scoped, restricted ECK operator, and a Fluent Bit
// DaemonSet that tails CRI container logs, adds Kubernetes metadata and ships to Elasticsearch
// over verified TLS with its own user (credentials from a Secret, never in the values).
import * as pulumi from "@pulumi/pulumi";
import {
    CA_KEY, ELASTICSEARCH_CA_SECRET, ELASTICSEARCH_CREDENTIALS_SECRET, ELASTICSEARCH_HTTP_SERVICE, ELASTICSEARCH_PORT,
    LOG_INDEX_PREFIX,
} from "./names";
import { ComputeResources } from "@reference-platform/consumer/shared/resources";
import { RUNTIME_DEFAULT_SECCOMP } from "@reference-platform/consumer/shared/securityContext";
import { EckOperatorValues, FluentBitValues } from "./chartValueTypes";

// The operator's requests are the chart's own (100m, 150Mi); only its memory limit is raised.
const OPERATOR_LIMITS: Pick<ComputeResources, "limits"> = { limits: { memory: "512Mi" } };
export const FLUENT_BIT_RESOURCES: ComputeResources = { requests: { cpu: "50m", memory: "64Mi" }, limits: { memory: "256Mi" } };

export const FLUENT_BIT_CA_DIR = "/fluent-bit/etc/elasticsearch-ca";

export function eckOperatorValues(loggingNamespace: pulumi.Input<string>): EckOperatorValues {
    return {
        managedNamespaces: [loggingNamespace],
        createClusterScopedResources: false,
        webhook: { enabled: false },
        resources: OPERATOR_LIMITS,
        // The chart's pod and container contexts are restricted except for the seccomp profile.
        podSecurityContext: { seccompProfile: RUNTIME_DEFAULT_SECCOMP },
        securityContext: { seccompProfile: RUNTIME_DEFAULT_SECCOMP },
        config: { validateStorageClass: false, setDefaultSecurityContext: "true" },
    };
}

// Fluent Bit classic configuration sections. `${VAR}` is expanded by Fluent Bit from its
// environment at start; Helm's tpl leaves it alone.
const INPUTS = `[INPUT]
    Name tail
    Path /var/log/containers/*.log
    multiline.parser cri
    Tag kube.*
    DB /var/log/fluent-bit-kube.db
    Mem_Buf_Limit 5MB
    Skip_Long_Lines On
`;

export function fluentBitOutputs(elasticsearchHost: string): string {
    return `[OUTPUT]
    Name es
    Match kube.*
    Host ${elasticsearchHost}
    Port ${ELASTICSEARCH_PORT}
    HTTP_User \${ES_USERNAME}
    HTTP_Passwd \${ES_PASSWORD}
    tls On
    tls.verify On
    tls.ca_file ${FLUENT_BIT_CA_DIR}/${CA_KEY}
    Logstash_Format On
    Logstash_Prefix ${LOG_INDEX_PREFIX}
    Suppress_Type_Name On
    Replace_Dots On
    Trace_Error On
    Retry_Limit False
`;
}

/** Fluent Bit's values, shipping to the Elasticsearch in `loggingNamespace`. */
export function fluentBitValues(loggingNamespace: pulumi.Input<string>): FluentBitValues {
    const fromSecret = (name: string, key: string) =>
        ({ name, valueFrom: { secretKeyRef: { name: ELASTICSEARCH_CREDENTIALS_SECRET, key } } });
    return {
        resources: FLUENT_BIT_RESOURCES,
        podSecurityContext: { seccompProfile: RUNTIME_DEFAULT_SECCOMP },
        securityContext: {
            runAsUser: 0,
            allowPrivilegeEscalation: false,
            readOnlyRootFilesystem: true,
            capabilities: { drop: ["ALL"] },
        },
        env: [fromSecret("ES_USERNAME", "username"), fromSecret("ES_PASSWORD", "password")],
        extraVolumes: [{
            name: "elasticsearch-ca",
            secret: { secretName: ELASTICSEARCH_CA_SECRET, items: [{ key: CA_KEY, path: CA_KEY }] },
        }],
        extraVolumeMounts: [{ name: "elasticsearch-ca", mountPath: FLUENT_BIT_CA_DIR, readOnly: true }],
        config: {
            inputs: INPUTS,
            outputs: pulumi.output(loggingNamespace).apply((ns) => fluentBitOutputs(`${ELASTICSEARCH_HTTP_SERVICE}.${ns}.svc`)),
        },
    };
}
