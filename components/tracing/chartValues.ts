// The chart values: Jaeger v2 all-in-one (collector + query; no agent) sized by the profile,
// restricted pods, and, with Elasticsearch storage, the credentials and CA mounted from Secrets.
import * as path from "path";
import { TracingSettings } from "./settings";
import { ES_CA_FILE, ES_PASSWORD_FILE, ElasticsearchStore, jaegerConfig } from "./collectorConfig";
import { DeploymentStrategy, JaegerValues } from "./chartValueTypes";
import { restrictedContainerSecurityContext, restrictedPodSecurityContext } from "@reference-platform/consumer/shared/securityContext";

export interface ElasticsearchMounts extends ElasticsearchStore {
    /** basic-auth Secret in the tracing namespace (key `password` is mounted as a file). */
    credentialsSecret: string;
    /** Secret in the tracing namespace with the Elasticsearch HTTP CA under `ca.crt`. */
    caSecret: string;
}

export function jaegerValues(settings: TracingSettings, elasticsearch?: ElasticsearchMounts): JaegerValues {
    // In memory every replica holds its own traces and a rollout loses them: replace in one go.
    // With Elasticsearch the pods are stateless and can roll.
    // With Elasticsearch, roll without losing a replica; in-memory storage keeps the chart's Recreate.
    const rolling: DeploymentStrategy = { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } };
    const es = elasticsearch;
    return {
        jaeger: {
            replicas: settings.replicas,
            ...(es ? { strategy: rolling } : {}),
            resources: settings.resources,
            // The chart already runs it as the image's user 10001 (uid, gid, fsGroup).
            podSecurityContext: restrictedPodSecurityContext(),
            securityContext: restrictedContainerSecurityContext(),
            serviceAccount: { automountServiceAccountToken: false },
            ...(es ? {
                extraVolumes: [
                    { name: "elasticsearch-credentials", secret: { secretName: es.credentialsSecret, items: [{ key: "password", path: path.posix.basename(ES_PASSWORD_FILE) }] } },
                    { name: "elasticsearch-ca", secret: { secretName: es.caSecret, items: [{ key: "ca.crt", path: path.posix.basename(ES_CA_FILE) }] } },
                ],
                extraVolumeMounts: [
                    { name: "elasticsearch-credentials", mountPath: path.posix.dirname(ES_PASSWORD_FILE), readOnly: true },
                    { name: "elasticsearch-ca", mountPath: path.posix.dirname(ES_CA_FILE), readOnly: true },
                ],
            } : {}),
        },
        userconfig: jaegerConfig(es && { url: es.url, username: es.username, indexReplicas: es.indexReplicas }),
    };
}
