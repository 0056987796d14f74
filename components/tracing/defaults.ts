// The chart values: Jaeger v2 all-in-one (collector + query; no agent) sized by the profile,
// restricted pods, and, with Elasticsearch storage, the credentials and CA mounted from Secrets.
import * as path from "path";
import { TracingSettings } from "../../infra/config/types";
import { ES_CA_FILE, ES_PASSWORD_FILE, ElasticsearchStore, jaegerConfig } from "./collectorConfig";
import { RELEASE } from "./names";
import { DeploymentStrategy, JaegerValues } from "./values";

/** The jaeger image's user (the chart's own default). */
const JAEGER_UID = 10001;

export interface ElasticsearchMounts extends ElasticsearchStore {
    /** basic-auth Secret in the tracing namespace (key `password` is mounted as a file). */
    credentialsSecret: string;
    /** Secret in the tracing namespace with the Elasticsearch HTTP CA under `ca.crt`. */
    caSecret: string;
}

export function jaegerValues(settings: TracingSettings, elasticsearch?: ElasticsearchMounts): JaegerValues {
    // In memory every replica holds its own traces and a rollout loses them: replace in one go.
    // With Elasticsearch the pods are stateless and can roll.
    const strategy: DeploymentStrategy = elasticsearch
        ? { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } }
        : { type: "Recreate" };
    const es = elasticsearch;
    return {
        fullnameOverride: RELEASE,
        jaeger: {
            replicas: settings.replicas,
            strategy,
            resources: settings.resources,
            podSecurityContext: {
                runAsNonRoot: true, runAsUser: JAEGER_UID, runAsGroup: JAEGER_UID, fsGroup: JAEGER_UID,
                seccompProfile: { type: "RuntimeDefault" },
            },
            securityContext: {
                allowPrivilegeEscalation: false,
                readOnlyRootFilesystem: true,
                runAsNonRoot: true,
                capabilities: { drop: ["ALL"] },
                seccompProfile: { type: "RuntimeDefault" },
            },
            serviceAccount: { automountServiceAccountToken: false },
            extraVolumes: es
                ? [
                    { name: "elasticsearch-credentials", secret: { secretName: es.credentialsSecret, items: [{ key: "password", path: path.posix.basename(ES_PASSWORD_FILE) }] } },
                    { name: "elasticsearch-ca", secret: { secretName: es.caSecret, items: [{ key: "ca.crt", path: path.posix.basename(ES_CA_FILE) }] } },
                ]
                : [],
            extraVolumeMounts: es
                ? [
                    { name: "elasticsearch-credentials", mountPath: path.posix.dirname(ES_PASSWORD_FILE), readOnly: true },
                    { name: "elasticsearch-ca", mountPath: path.posix.dirname(ES_CA_FILE), readOnly: true },
                ]
                : [],
        },
        userconfig: jaegerConfig(es && { url: es.url, username: es.username, indexReplicas: es.indexReplicas }),
        esIndexCleaner: { enabled: false },
        esRollover: { enabled: false },
        esLookback: { enabled: false },
        spark: { enabled: false },
    };
}
