// Scaling on traffic: a KEDA ScaledObject in place of a track's HPA, on the requests per second its
// pods receive as the mesh counts them (istio_requests_total, reported by the receiving sidecar).
// KEDA creates and owns the HPA (`keda-hpa-<name>`) and serves it the rate through the external
// metrics API as an AverageValue: replicas = ceil(rate / targetPerPod), within min..max.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { afterCrd } from "../shared/crdDependency";
import { TrackObjectMeta } from "../shared/objectMeta";
import { RequestRateScaling } from "./settings";

export const KEDA_API_VERSION = "keda.sh/v1alpha1";

/** Istio's standard request counter, from every sidecar: labelled reporter, destination_workload and the like. */
export const MESH_REQUESTS_METRIC = "istio_requests_total";

/**
 * The rate's window. The mesh's Envoys are scraped every 30s, and a rate needs two samples; four
 * smooth a single slow scrape without making the service slow to react.
 */
export const REQUEST_RATE_WINDOW = "2m";

/**
 * Failed reads of Prometheus in a row after which KEDA stops trusting the rate and holds the
 * service at its maxReplicas: shrinking a service blind during an outage of its metrics is the
 * worse failure, and the capacity proof already counts the maximum.
 */
export const FALLBACK_FAILURE_THRESHOLD = 3;

export interface RequestScalingIntegration {
    /** The Prometheus that scrapes the mesh's Envoys, as KEDA's operator dials it (http://host:port). */
    prometheusAddress: pulumi.Input<string>;
    /** What installs the ScaledObject CRD (the platform's keda chart); absent when another stack did. */
    crdDependency?: pulumi.Resource;
}

/** The requests per second a workload's pods receive, summed over its pods. */
export function workloadRequestRate(namespace: string, workload: string): string {
    const matchers = `reporter="destination", destination_workload_namespace="${namespace}", destination_workload="${workload}"`;
    return `sum(rate(${MESH_REQUESTS_METRIC}{${matchers}}[${REQUEST_RATE_WINDOW}]))`;
}

/** A track's ScaledObject, named and labelled like its Deployment. */
export function createScaledObject(
    resourceName: string,
    meta: TrackObjectMeta,
    scaleTargetRef: { apiVersion: string; kind: string; name: pulumi.Input<string> },
    scaling: { minReplicas: number; maxReplicas: number; requestRate: RequestRateScaling },
    integration: RequestScalingIntegration,
    opts: pulumi.CustomResourceOptions,
): k8s.apiextensions.CustomResource {
    return new k8s.apiextensions.CustomResource(resourceName, {
        apiVersion: KEDA_API_VERSION,
        kind: "ScaledObject",
        metadata: meta,
        spec: {
            scaleTargetRef,
            minReplicaCount: scaling.minReplicas,
            maxReplicaCount: scaling.maxReplicas,
            fallback: { failureThreshold: FALLBACK_FAILURE_THRESHOLD, replicas: scaling.maxReplicas },
            triggers: [{
                type: "prometheus",
                metricType: "AverageValue",
                metadata: {
                    serverAddress: integration.prometheusAddress,
                    query: pulumi.output(meta.namespace).apply((namespace) => workloadRequestRate(namespace, meta.name)),
                    threshold: String(scaling.requestRate.targetPerPod),
                },
            }],
        },
    }, afterCrd(opts, integration.crdDependency));
}
