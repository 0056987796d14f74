// The Deployments a strategy runs. Each track is one Deployment whose name depends only on the
// strategy, never on a weight or the active colour, so shifting traffic never replaces pods.
import { ResolvedDelivery } from "./strategy";

export type TrackName = "stable" | "canary" | "blue" | "green";

export interface Track {
    /** Also the pods' `version` label and the DestinationRule subset name. */
    name: TrackName;
    /** Appended to the Pulumi and Kubernetes names: the stable track keeps the service's own name. */
    suffix: "" | "-canary" | "-blue" | "-green";
    image: string;
    /** Fixed replica count, used when the track is not autoscaled. */
    replicas: number;
    autoscaled: boolean;
    disruptionBudget: boolean;
}

/** What the tracks follow from: a resolved service's delivery, image, size and budget. */
export interface TrackSource {
    delivery: ResolvedDelivery;
    image: string;
    replicas: number;
    autoscaling: { enabled: boolean };
    disruptionBudget: { enabled: boolean };
}

/** The label that tells tracks apart (Istio's conventional `version` label). */
export const TRACK_LABEL = "version";

export function deliveryTracks(service: TrackSource): Track[] {
    const delivery = service.delivery;
    const full = {
        replicas: service.replicas,
        autoscaled: service.autoscaling.enabled,
        disruptionBudget: service.disruptionBudget.enabled,
    };
    switch (delivery.strategy) {
        // A progressive service's one Deployment holds the template its Rollout runs (./progressive).
        case "rolling":
        case "progressive":
            return [{ name: "stable", suffix: "", image: service.image, ...full }];
        case "canary":
            return [
                { name: "stable", suffix: "", image: service.image, ...full },
                // A canary is a small, fixed sample: no autoscaler, no disruption budget.
                { name: "canary", suffix: "-canary", image: delivery.canaryImage, replicas: delivery.canaryReplicas, autoscaled: false, disruptionBudget: false },
            ];
        case "blueGreen":
            // Both colours stay at full size, so switching and rolling back are instant.
            return [
                { name: "blue", suffix: "-blue", image: delivery.images.blue, ...full },
                { name: "green", suffix: "-green", image: delivery.images.green, ...full },
            ];
    }
}
