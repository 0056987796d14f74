// Restricted Pod Security contexts for the pods ECK creates and for the component's own Jobs.
// ECK only fills in a security context where the pod template leaves it empty, so these replace
// its defaults whole: each one keeps what ECK would set and adds what the restricted level needs.
import * as k8s from "@pulumi/kubernetes";

type PodSecurityContext = k8s.types.input.core.v1.PodSecurityContext;
type SecurityContext = k8s.types.input.core.v1.SecurityContext;

/** The Elasticsearch and Kibana images run as uid 1000; fsGroup makes the data volume theirs. */
export const ELASTIC_UID = 1000;

export function restrictedPodSecurityContext(fsGroup?: number): PodSecurityContext {
    return {
        runAsNonRoot: true,
        ...(fsGroup === undefined ? {} : { fsGroup }),
        seccompProfile: { type: "RuntimeDefault" },
    };
}

export function restrictedContainerSecurityContext(runAs?: { user: number; group: number }): SecurityContext {
    return {
        privileged: false,
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        runAsNonRoot: true,
        ...(runAs ? { runAsUser: runAs.user, runAsGroup: runAs.group } : {}),
        capabilities: { drop: ["ALL"] },
        seccompProfile: { type: "RuntimeDefault" },
    };
}
