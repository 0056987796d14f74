// The autoscaler of one autoscaled track: an HPA on cpu and memory (read from metrics.k8s.io), or,
// for a service with autoscaling.scaleOn "requestRate", a KEDA ScaledObject on the mesh's request rate.
// Either is named like the Deployment, and the Deployment (or a progressive service's Rollout)
// leaves its replica count to it, so a service moves between the two without its Deployment being replaced.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { createScaledObject } from "./requestScaling";
import { ResolvedMicroservice } from "./resolve";
import { TrackObjectMeta } from "../shared/objectMeta";

/** What an autoscaler scales: the track's Deployment, or a progressive service's Rollout. */
export interface ScaleTarget {
    apiVersion: string;
    kind: string;
    /** The target's output name, so that the autoscaler waits for it. */
    name: pulumi.Input<string>;
}

export function createAutoscaler(
    resourceName: string, meta: TrackObjectMeta, scaleTargetRef: ScaleTarget, service: ResolvedMicroservice, opts: pulumi.CustomResourceOptions,
): pulumi.CustomResource {
    const { autoscaling } = service;
    if (autoscaling.scaleOn === "requestRate" && autoscaling.requestRate) {
        // resolveMicroservice refuses requestRate without the integration.
        return createScaledObject(resourceName, meta, scaleTargetRef, { ...autoscaling, requestRate: autoscaling.requestRate }, service.requestScaling!, opts);
    }
    return new k8s.autoscaling.v2.HorizontalPodAutoscaler(resourceName, {
        metadata: meta,
        spec: {
            scaleTargetRef,
            minReplicas: autoscaling.minReplicas,
            maxReplicas: autoscaling.maxReplicas,
            metrics: [
                { type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: autoscaling.targetCpuUtilizationPercent } } },
                { type: "Resource", resource: { name: "memory", target: { type: "Utilization", averageUtilization: autoscaling.targetMemoryUtilizationPercent } } },
            ],
        },
    }, opts);
}
