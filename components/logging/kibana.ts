// The Kibana resource's spec: connected to the Elasticsearch resource by ECK (which creates its
// kibana_system credentials), restricted pods, replicas from the profile.
import { ComputeResources } from "@reference-platform/consumer/shared/resources";
import { ELASTICSEARCH_NAME, ELASTIC_STACK_VERSION } from "./names";
import { restrictedContainerSecurityContext, restrictedPodSecurityContext } from "@reference-platform/consumer/shared/securityContext";
import { ELASTIC_UID } from "./names";

/** ECK's Kibana init container (prepares config and plugins). */
export const ECK_KIBANA_INIT_CONTAINER = "elastic-internal-init";

/** ECK's own default for Kibana 9 (2Gi), with a CPU request added. */
export const KIBANA_RESOURCES: ComputeResources = { requests: { cpu: "200m", memory: "2Gi" }, limits: { memory: "2Gi" } };
const INIT_CONTAINER_RESOURCES: ComputeResources = { requests: { cpu: "100m", memory: "50Mi" }, limits: { memory: "50Mi" } };

export function kibanaSpec(replicas: number, labels: Record<string, string>): Record<string, unknown> {
    const runAs = { user: ELASTIC_UID, group: ELASTIC_UID };
    return {
        version: ELASTIC_STACK_VERSION,
        count: replicas,
        elasticsearchRef: { name: ELASTICSEARCH_NAME },
        podTemplate: {
            metadata: { labels },
            spec: {
                securityContext: restrictedPodSecurityContext({ fsGroup: ELASTIC_UID }),
                containers: [{
                    name: "kibana",
                    resources: KIBANA_RESOURCES,
                    securityContext: restrictedContainerSecurityContext(runAs),
                }],
                initContainers: [{
                    name: ECK_KIBANA_INIT_CONTAINER,
                    resources: INIT_CONTAINER_RESOURCES,
                    securityContext: restrictedContainerSecurityContext(runAs),
                }],
            },
        },
    };
}
