// Exactly the chart value keys this component sets, checked against eck-operator 3.5.0's and
// fluent-bit 0.58.1's values.yaml, so a misspelt key fails to compile.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { ComputeResources } from "@reference-platform/consumer/shared/resources";
import type { RUNTIME_DEFAULT_SECCOMP } from "@reference-platform/consumer/shared/securityContext";

type Seccomp = typeof RUNTIME_DEFAULT_SECCOMP;

export interface EckOperatorValues {
    /** The namespaces the operator manages (Roles there, not a cluster-wide ClusterRole). */
    managedNamespaces: pulumi.Input<string>[];
    // A namespace-scoped ("restricted") installation: no ClusterRole reading every Secret, which
    // in turn needs the cluster-scoped webhook and storage-class validation off.
    createClusterScopedResources: false;
    webhook: { enabled: false };
    resources: Pick<ComputeResources, "limits">;
    podSecurityContext: { seccompProfile: Seccomp };
    securityContext: { seccompProfile: Seccomp };
    config: {
        validateStorageClass: false;
        /** "true", not auto-detect: ECK adds the volumes a read-only Kibana root needs only with it. */
        setDefaultSecurityContext: "true";
    };
}

export interface FluentBitValues {
    resources: ComputeResources;
    podSecurityContext: { seccompProfile: Seccomp };
    securityContext: {
        /** Root, to read every container's log file under the hostPath /var/log. */
        runAsUser: 0;
        allowPrivilegeEscalation: false;
        readOnlyRootFilesystem: true;
        capabilities: { drop: ["ALL"] };
    };
    env: k8s.types.input.core.v1.EnvVar[];
    extraVolumes: k8s.types.input.core.v1.Volume[];
    extraVolumeMounts: k8s.types.input.core.v1.VolumeMount[];
    config: {
        inputs: string;
        // filters: the chart's default (the kubernetes filter, merging JSON logs) is what we want.
        outputs: pulumi.Input<string>;
    };
}
