// Exactly the jaeger 4.11.1 chart value keys this component sets (checked against the chart's
// values.yaml and templates; `jaeger.strategy` is read by the Deployment template though
// values.yaml leaves it out), so a misspelt key fails to compile.
import * as k8s from "@pulumi/kubernetes";
import { JaegerConfig } from "./collectorConfig";
import { ComputeResources } from "@reference-platform/consumer/shared/resources";
import { RestrictedContainerSecurityContext, RestrictedPodSecurityContext } from "@reference-platform/consumer/shared/securityContext";

export interface DeploymentStrategy {
    type: "RollingUpdate" | "Recreate";
    rollingUpdate?: { maxUnavailable: number; maxSurge: number };
}

export interface JaegerValues {
    jaeger: {
        replicas: number;
        /** Only with Elasticsearch; the chart's own is Recreate. */
        strategy?: DeploymentStrategy;
        resources: ComputeResources;
        podSecurityContext: RestrictedPodSecurityContext;
        securityContext: RestrictedContainerSecurityContext;
        /** Jaeger never calls the Kubernetes API. */
        serviceAccount: { automountServiceAccountToken: false };
        /** The Elasticsearch credentials and CA, only when storing there. */
        extraVolumes?: k8s.types.input.core.v1.Volume[];
        extraVolumeMounts?: k8s.types.input.core.v1.VolumeMount[];
    };
    /** Jaeger's own configuration; the chart mounts it and passes --config. */
    userconfig: JaegerConfig;
    // esIndexCleaner, esRollover, esLookback and spark stay off (the chart's default): Elasticsearch
    // maintenance is the logging component's ILM policy.
}
