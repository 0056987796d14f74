// A service's delivery settings, validated and completed: which strategy, the rollout pace of each
// Deployment, and the strategy's own knobs (canary weight and image, blue-green colours and images).
import { DELIVERY_COLORS, DeliveryColor, DeliverySettings, WorkloadDefaults } from "../../../infra/config/types";
import { unpinnedImageReason } from "../../../policy/grammar";

export type RollingUpdate = { maxSurge: string; maxUnavailable: string };

export type ResolvedDelivery =
    | { strategy: "rolling"; rollingUpdate: RollingUpdate }
    | { strategy: "canary"; rollingUpdate: RollingUpdate; weight: number; canaryImage: string; canaryReplicas: number }
    | {
        strategy: "blueGreen"; rollingUpdate: RollingUpdate;
        active: DeliveryColor; inactive: DeliveryColor; images: Record<DeliveryColor, string>;
    };

function checkImage(field: string, image: string, problems: string[]): void {
    const reason = unpinnedImageReason(image);
    if (reason) problems.push(`${field}: "${image}" ${reason}`);
}

/** Appends one line per mistake to `problems`; the result is only meaningful when none were added. */
export function resolveDelivery(
    delivery: DeliverySettings | undefined, image: string, defaults: WorkloadDefaults, problems: string[],
): ResolvedDelivery {
    const d: DeliverySettings = delivery ?? { strategy: "rolling" };
    const rollingUpdate = { ...defaults.rollingUpdate, ...d.rolling };
    switch (d.strategy) {
        case "rolling":
            return { strategy: "rolling", rollingUpdate };
        case "canary": {
            const weight = d.canary?.weight;
            if (weight === undefined) {
                problems.push('delivery.canary.weight: required when strategy is "canary" (0-100)');
            } else if (!Number.isInteger(weight) || weight < 0 || weight > 100) {
                problems.push(`delivery.canary.weight: ${weight} must be a whole number from 0 to 100`);
            }
            const canaryImage = d.canary?.image ?? image;
            checkImage("delivery.canary.image", canaryImage, problems);
            const canaryReplicas = d.canary?.replicas ?? 1;
            if (!Number.isInteger(canaryReplicas) || canaryReplicas < 1) {
                problems.push(`delivery.canary.replicas: ${canaryReplicas} must be a whole number of at least 1`);
            }
            return { strategy: "canary", rollingUpdate, weight: weight ?? 0, canaryImage, canaryReplicas };
        }
        case "blueGreen": {
            const active = d.blueGreen?.active as DeliveryColor;
            if (!DELIVERY_COLORS.includes(active)) {
                problems.push(`delivery.blueGreen.active: ${JSON.stringify(active)} must be one of ${DELIVERY_COLORS.join(", ")}`);
            }
            const images = { blue: d.blueGreen?.images?.blue ?? image, green: d.blueGreen?.images?.green ?? image };
            for (const color of DELIVERY_COLORS) checkImage(`delivery.blueGreen.images.${color}`, images[color], problems);
            return { strategy: "blueGreen", rollingUpdate, active, inactive: active === "blue" ? "green" : "blue", images };
        }
        default:
            problems.push(`delivery.strategy: ${JSON.stringify((d as { strategy: unknown }).strategy)} must be one of rolling, canary, blueGreen`);
            return { strategy: "rolling", rollingUpdate };
    }
}
