// One Deployment per delivery track, each with its own autoscaler (../autoscaling), disruption
// budget and, where the platform runs the VPA recommender, recommendation-only VerticalPodAutoscaler.
// The stable track keeps the service's name, so a rolling service that becomes a canary keeps its pods.
// A progressive service's Deployment holds the pod template of its Rollout (./progressive), which
// runs the pods and is what the autoscaler scales.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { buildPodTemplate } from "../podTemplate";
import { imageVersion, ResolvedMicroservice } from "../resolve";
import { createAutoscaler, ScaleTarget } from "../autoscaling";
import { routingObjectNames } from "../routing/virtualService";
import { createProgressiveRollout, ROLLOUTS_API_VERSION } from "./progressive";
import { createVerticalPodAutoscaler } from "../rightSizing";
import { deliveryTracks, Track, TRACK_LABEL, TrackName } from "./tracks";

export interface WorkloadInputs {
    /** The component's resource name: the stable track's Pulumi name, the prefix of the others. */
    resourceName: string;
    service: ResolvedMicroservice;
    /** Labels every object of the service carries (instance = the service name). */
    labels: Record<string, string>;
    /** Selects every pod of the service, whatever its track. */
    serviceSelector: Record<string, string>;
    serviceAccountName: pulumi.Input<string>;
    configMapName?: pulumi.Input<string>;
    secretName?: pulumi.Input<string>;
}

export type TrackWorkloads = Partial<Record<TrackName, k8s.apps.v1.Deployment>>;

export function trackSelector(serviceSelector: Record<string, string>, track: Track): Record<string, string> {
    return { ...serviceSelector, [TRACK_LABEL]: track.name };
}

export function createTrackWorkloads(inputs: WorkloadInputs, opts: pulumi.CustomResourceOptions): TrackWorkloads {
    const { service } = inputs;
    const deployments: TrackWorkloads = {};
    for (const track of deliveryTracks(service)) {
        const resourceName = `${inputs.resourceName}${track.suffix}`;
        const labels = { ...inputs.labels, "app.kubernetes.io/version": imageVersion(track.image) };
        const meta = { name: `${service.name}${track.suffix}`, namespace: service.namespace, labels };
        const selector = trackSelector(inputs.serviceSelector, track);
        const delivery = service.delivery;
        const deployment = new k8s.apps.v1.Deployment(resourceName, {
            metadata: meta,
            spec: {
                // While autoscaling is on the HPA owns the replica count, and with progressive delivery
                // the Rollout scales this Deployment down as its own pods take over: setting it here would fight them.
                replicas: track.autoscaled || delivery.strategy === "progressive" ? undefined : track.replicas,
                selector: { matchLabels: selector },
                strategy: { type: "RollingUpdate", rollingUpdate: rollingUpdateFor(service.delivery.rollingUpdate) },
                template: buildPodTemplate({
                    service, image: track.image,
                    labels: { ...labels, ...selector, app: service.name },
                    serviceAccountName: inputs.serviceAccountName,
                    configMapName: inputs.configMapName,
                    secretName: inputs.secretName,
                }),
            },
        }, opts);
        deployments[track.name] = deployment;

        let scaleTarget: ScaleTarget = { apiVersion: "apps/v1", kind: "Deployment", name: deployment.metadata.name };
        if (delivery.strategy === "progressive") {
            const names = routingObjectNames(service.name, service.public);
            // resolveMicroservice refuses progressive delivery without the integration and the mesh.
            const rollout = createProgressiveRollout(resourceName, meta, deployment, {
                selector, replicas: track.autoscaled ? undefined : track.replicas, progressive: delivery.progressive,
                routing: {
                    virtualServices: [names.meshVirtualService, ...(names.gatewayVirtualService ? [names.gatewayVirtualService] : [])],
                    destinationRule: names.destinationRule,
                },
            }, service.progressiveDelivery!, opts);
            scaleTarget = { apiVersion: ROLLOUTS_API_VERSION, kind: "Rollout", name: rollout.metadata.name };
        }
        if (track.autoscaled) createAutoscaler(resourceName, meta, scaleTarget, service, opts);
        if (service.rightSizing) {
            createVerticalPodAutoscaler(resourceName, meta, service.rightSizing, opts);
        }
        if (track.disruptionBudget) {
            new k8s.policy.v1.PodDisruptionBudget(resourceName, {
                metadata: meta,
                spec: { maxUnavailable: service.disruptionBudget.maxUnavailable, selector: { matchLabels: selector } },
            }, opts);
        }
    }
    return deployments;
}

/** The API server takes an int-or-string here as a number or a percentage: "1" must be sent as 1. */
export function rollingUpdateFor(rollout: { maxSurge: string | number; maxUnavailable: string | number }) {
    const intOrPercent = (value: string | number) => (typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value);
    return { maxSurge: intOrPercent(rollout.maxSurge), maxUnavailable: intOrPercent(rollout.maxUnavailable) };
}
