// Automated canaries (delivery.strategy "progressive"): an Argo Rollout that takes over the pods of
// the service's Deployment (workloadRef; the Deployment stays and is never replaced), moves the
// weight of the service's own VirtualService routes step by step, and an AnalysisTemplate that
// reads the canary pods' success rate and p99 latency from the mesh's metrics at each interval.
// Argo Rollouts only sets the weights of ROLLOUT_ROUTE and adds its pod-template hash to the
// DestinationRule's subsets; every other field of those objects stays the program's.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { afterCrd } from "../../shared/crdDependency";
import { TrackObjectMeta } from "../../shared/objectMeta";
import { durationMillis } from "../routing/duration";
import { ResolvedProgressive } from "./strategy";

export const ROLLOUTS_API_VERSION = "argoproj.io/v1alpha1";

/** The route whose weights Argo Rollouts moves, in the mesh's and the gateway's VirtualService. */
export const ROLLOUT_ROUTE = "primary";

/** The DestinationRule subsets Argo Rollouts points at the stable and the canary ReplicaSet. */
export const ROLLOUT_SUBSETS = { stable: "stable", canary: "canary" } as const;

/** The AnalysisRun argument carrying the canary ReplicaSet's pod-template hash: its pods are `<name>-<hash>-<suffix>`. */
export const CANARY_HASH_ARG = "canary-hash";

/** Istio's standard metrics, from the receiving sidecar of each canary pod. */
export const MESH_METRICS = { requests: "istio_requests_total", durationMilliseconds: "istio_request_duration_milliseconds" } as const;

export interface ProgressiveDeliveryIntegration {
    /** The Prometheus that scrapes the mesh's Envoys, as the Argo Rollouts controller dials it (http://host:port). */
    prometheusAddress: pulumi.Input<string>;
    /** What installs the Rollout and AnalysisTemplate CRDs (the platform's argo-rollouts chart); absent when another stack did. */
    crdDependency?: pulumi.Resource;
}

/** What the Rollout routes: the service's VirtualServices (the gateway's too, for a public service) and DestinationRule. */
export interface RolloutRouting {
    virtualServices: string[];
    destinationRule: string;
}

/** The analysis window in PromQL: the interval, in whole seconds. */
export function analysisWindow(interval: string): string {
    return `${Math.round(durationMillis(interval)! / 1000)}s`;
}

/** Series of the canary pods' received requests: this workload's, from pods of the canary ReplicaSet only. */
function canaryMatchers(namespace: string, name: string): string {
    return `reporter="destination", destination_workload_namespace="${namespace}", destination_workload="${name}", ` +
        `pod=~"${name}-{{args.${CANARY_HASH_ARG}}}-.*"`;
}

/** The canary's share of requests not answered 5xx, 0-1 (no series when it received none). */
export function canarySuccessRateQuery(namespace: string, name: string, window: string): string {
    const requests = (extra: string) => `sum(rate(${MESH_METRICS.requests}{${canaryMatchers(namespace, name)}${extra}}[${window}]))`;
    return `${requests(', response_code!~"5.."')}\n/\n${requests("")}`;
}

/** The canary's p99 latency in milliseconds (NaN or no series when it received nothing). */
export function canaryLatencyP99Query(namespace: string, name: string, window: string): string {
    return `histogram_quantile(0.99, sum by (le) (rate(${MESH_METRICS.durationMilliseconds}_bucket{${canaryMatchers(namespace, name)}}[${window}])))`;
}

/**
 * A reading passes or fails only on data: with no request to the canary both conditions are false,
 * the reading is inconclusive, and the Rollout pauses for a person instead of promoting untested code.
 */
function conditions(holds: string): { successCondition: string; failureCondition: string } {
    const measured = "len(result) > 0 && !isNaN(result[0])";
    return { successCondition: `${measured} && ${holds}`, failureCondition: `${measured} && !(${holds})` };
}

/** The weights of the steps: stepWeight, 2 x stepWeight, ... and maxWeight last. */
export function canaryWeights(progressive: Pick<ResolvedProgressive, "stepWeight" | "maxWeight">): number[] {
    const weights: number[] = [];
    for (let weight = progressive.stepWeight; weight < progressive.maxWeight; weight += progressive.stepWeight) weights.push(weight);
    return [...weights, progressive.maxWeight];
}

export function analysisTemplateSpec(namespace: string, name: string, progressive: ResolvedProgressive, prometheusAddress: string) {
    const window = analysisWindow(progressive.interval);
    const reading = (metric: string, query: string, holds: string) => ({
        name: metric,
        interval: progressive.interval,
        // Argo counts failed readings over the whole analysis; the next one over the limit fails it.
        failureLimit: progressive.failedChecks - 1,
        ...conditions(holds),
        provider: { prometheus: { address: prometheusAddress, query } },
    });
    return {
        args: [{ name: CANARY_HASH_ARG }],
        metrics: [
            // As a ratio, without the binary fraction's tail (99.9 / 100 is 0.9990000000000001).
            reading("success-rate", canarySuccessRateQuery(namespace, name, window), `result[0] >= ${Number((progressive.successRate / 100).toPrecision(12))}`),
            reading("latency-p99", canaryLatencyP99Query(namespace, name, window), `result[0] <= ${durationMillis(progressive.latencyP99)}`),
        ],
    };
}

export function rolloutSpec(args: {
    deploymentName: string; selector: Record<string, string>; replicas: number | undefined; analysisTemplate: string;
    progressive: ResolvedProgressive; routing: RolloutRouting;
}) {
    const steps = canaryWeights(args.progressive).flatMap((weight) => [{ setWeight: weight }, { pause: { duration: args.progressive.interval } }]);
    return {
        // Unset while an autoscaler owns the count: it scales the Rollout.
        ...(args.replicas !== undefined ? { replicas: args.replicas } : {}),
        selector: { matchLabels: args.selector },
        // The Deployment keeps the pod template; its pods give way to the Rollout's as these become available.
        workloadRef: { apiVersion: "apps/v1", kind: "Deployment", name: args.deploymentName, scaleDown: "progressively" },
        strategy: {
            canary: {
                trafficRouting: {
                    istio: {
                        virtualServices: args.routing.virtualServices.map((name) => ({ name, routes: [ROLLOUT_ROUTE] })),
                        destinationRule: {
                            name: args.routing.destinationRule, stableSubsetName: ROLLOUT_SUBSETS.stable, canarySubsetName: ROLLOUT_SUBSETS.canary,
                        },
                    },
                },
                analysis: {
                    templates: [{ templateName: args.analysisTemplate }],
                    args: [{ name: CANARY_HASH_ARG, valueFrom: { podTemplateHashValue: "Latest" } }],
                },
                steps,
            },
        },
    };
}

/** The service's Rollout and AnalysisTemplate, named like its Deployment; the Rollout is what autoscalers scale. */
export function createProgressiveRollout(
    resourceName: string,
    meta: TrackObjectMeta,
    deployment: k8s.apps.v1.Deployment,
    settings: { selector: Record<string, string>; replicas: number | undefined; progressive: ResolvedProgressive; routing: RolloutRouting },
    integration: ProgressiveDeliveryIntegration,
    opts: pulumi.CustomResourceOptions,
): k8s.apiextensions.CustomResource {
    const crd = afterCrd(opts, integration.crdDependency);
    const template = new k8s.apiextensions.CustomResource(resourceName, {
        apiVersion: ROLLOUTS_API_VERSION,
        kind: "AnalysisTemplate",
        metadata: meta,
        spec: pulumi.all([meta.namespace, integration.prometheusAddress]).apply(([namespace, address]) =>
            analysisTemplateSpec(namespace, meta.name, settings.progressive, address)),
    }, crd);
    return new k8s.apiextensions.CustomResource(resourceName, {
        apiVersion: ROLLOUTS_API_VERSION,
        kind: "Rollout",
        metadata: meta,
        spec: pulumi.all([deployment.metadata.name, template.metadata.name]).apply(([deploymentName, analysisTemplate]) =>
            rolloutSpec({ ...settings, deploymentName, analysisTemplate })),
    }, crd);
}
