// The Elasticsearch resource's spec: one node set sized by the profile, no mmap (so no privileged
// sysctl init container for vm.max_map_count), restricted pods, and the file-realm users.
import * as pulumi from "@pulumi/pulumi";
import { ComputeResources } from "@reference-platform/consumer/shared/resources";
import { LoggingSettings } from "./settings";
import { ELASTIC_STACK_VERSION, NODE_SET_NAME } from "./names";
import { restrictedContainerSecurityContext, restrictedPodSecurityContext } from "@reference-platform/consumer/shared/securityContext";
import { ELASTIC_UID } from "./names";

/** The init containers ECK 3.5 adds to every Elasticsearch pod; a template entry of the same name is merged into each. */
export const ECK_ELASTICSEARCH_INIT_CONTAINERS = ["elastic-internal-init-filesystem", "elastic-internal-suspend"];
/** ECK mounts this claim as the data path; the name must stay. */
export const DATA_VOLUME_CLAIM = "elasticsearch-data";

const INIT_CONTAINER_RESOURCES: ComputeResources = { requests: { cpu: "100m", memory: "50Mi" }, limits: { memory: "50Mi" } };

export interface ElasticsearchSpecInput {
    settings: LoggingSettings;
    labels: Record<string, string>;
    /** Keep the data volumes when the Elasticsearch resource is deleted (prod). */
    retainVolumes: boolean;
    fileRealmSecrets: pulumi.Input<string>[];
    rolesSecret: pulumi.Input<string>;
}

export function elasticsearchSpec(inputs: ElasticsearchSpecInput): Record<string, unknown> {
    const s = inputs.settings;
    return {
        version: ELASTIC_STACK_VERSION,
        volumeClaimDeletePolicy: inputs.retainVolumes ? "DeleteOnScaledownOnly" : "DeleteOnScaledownAndClusterDeletion",
        auth: {
            fileRealm: inputs.fileRealmSecrets.map((secretName) => ({ secretName })),
            roles: [{ secretName: inputs.rolesSecret }],
        },
        nodeSets: [{
            name: NODE_SET_NAME,
            count: s.elasticsearchNodes,
            config: { "node.store.allow_mmap": false },
            podTemplate: {
                metadata: { labels: inputs.labels },
                spec: {
                    securityContext: restrictedPodSecurityContext({ fsGroup: ELASTIC_UID }),
                    containers: [{
                        name: "elasticsearch",
                        resources: s.elasticsearchResources,
                        securityContext: restrictedContainerSecurityContext(),
                    }],
                    initContainers: ECK_ELASTICSEARCH_INIT_CONTAINERS.map((name) => ({
                        name,
                        resources: INIT_CONTAINER_RESOURCES,
                        securityContext: restrictedContainerSecurityContext(),
                    })),
                },
            },
            volumeClaimTemplates: [{
                metadata: { name: DATA_VOLUME_CLAIM },
                spec: {
                    accessModes: ["ReadWriteOnce"],
                    resources: { requests: { storage: s.elasticsearchStorageSize } },
                },
            }],
        }],
    };
}

/** Replicas per index: none on a single node, where a replica could never be allocated. */
export function indexReplicas(nodes: number): number {
    return nodes > 1 ? 1 : 0;
}
