// One Deployment per delivery track, each with its own autoscaler and disruption budget. The
// stable track keeps the service's name, so a rolling service that becomes a canary keeps its pods.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { MicroserviceArgs } from "../args";
import { buildPodTemplate } from "../podSpec";
import { imageVersion, MicroserviceSpec } from "../spec";
import { deliveryTracks, Track, TRACK_LABEL, TrackName } from "./tracks";

export interface WorkloadInputs {
    /** The component's resource name: the stable track's Pulumi name, the prefix of the others. */
    resourceName: string;
    args: MicroserviceArgs;
    spec: MicroserviceSpec;
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

export function createTrackWorkloads(i: WorkloadInputs, opts: pulumi.CustomResourceOptions): TrackWorkloads {
    const { spec, args } = i;
    const deployments: TrackWorkloads = {};
    for (const track of deliveryTracks(spec)) {
        const resourceName = `${i.resourceName}${track.suffix}`;
        const labels = { ...i.labels, "app.kubernetes.io/version": imageVersion(track.image) };
        const meta = { name: `${spec.name}${track.suffix}`, namespace: args.namespace, labels };
        const selector = trackSelector(i.serviceSelector, track);
        const deployment = new k8s.apps.v1.Deployment(resourceName, {
            metadata: meta,
            spec: {
                // While autoscaling is on the HPA owns the replica count; setting it here would fight it.
                replicas: track.autoscaled ? undefined : track.replicas,
                selector: { matchLabels: selector },
                strategy: { type: "RollingUpdate", rollingUpdate: rollingUpdateFor(spec.delivery.rollingUpdate) },
                template: buildPodTemplate({
                    args, spec, image: track.image,
                    labels: { ...labels, ...selector, app: spec.name },
                    serviceAccountName: i.serviceAccountName,
                    configMapName: i.configMapName,
                    secretName: i.secretName,
                }),
            },
        }, opts);
        deployments[track.name] = deployment;

        if (track.autoscaled) {
            new k8s.autoscaling.v2.HorizontalPodAutoscaler(resourceName, {
                metadata: meta,
                spec: {
                    scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: deployment.metadata.name },
                    minReplicas: spec.autoscaling.minReplicas,
                    maxReplicas: spec.autoscaling.maxReplicas,
                    metrics: [
                        { type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: spec.autoscaling.targetCpuUtilizationPercent } } },
                        { type: "Resource", resource: { name: "memory", target: { type: "Utilization", averageUtilization: spec.autoscaling.targetMemoryUtilizationPercent } } },
                    ],
                },
            }, opts);
        }
        if (track.disruptionBudget) {
            new k8s.policy.v1.PodDisruptionBudget(resourceName, {
                metadata: meta,
                spec: { maxUnavailable: spec.disruptionBudget.maxUnavailable, selector: { matchLabels: selector } },
            }, opts);
        }
    }
    return deployments;
}

/** The API server takes an int-or-string here as a number or a percentage: "1" must be sent as 1. */
export function rollingUpdateFor(r: { maxSurge: string | number; maxUnavailable: string | number }) {
    const intOrPercent = (v: string | number) => (typeof v === "string" && /^\d+$/.test(v) ? Number(v) : v);
    return { maxSurge: intOrPercent(r.maxSurge), maxUnavailable: intOrPercent(r.maxUnavailable) };
}
