// A service's delivery settings, completed: which strategy, the rollout pace of each Deployment,
// and the strategy's own knobs (canary weight and image, blue-green colours and images, the
// automated canary's steps and thresholds). The settings were checked against
// deliverySettingsSchema (../settings) before they get here.
import { DELIVERY_COLORS, DeliveryColor, DeliverySettings, ProgressiveDelivery, RollingUpdate } from "../settings";

export type { RollingUpdate };

export type ResolvedDelivery =
    | { strategy: "rolling"; rollingUpdate: RollingUpdate }
    | { strategy: "canary"; rollingUpdate: RollingUpdate; weight: number; canaryImage: string; canaryReplicas: number }
    | {
        strategy: "blueGreen"; rollingUpdate: RollingUpdate;
        active: DeliveryColor; inactive: DeliveryColor; images: Record<DeliveryColor, string>;
    }
    | { strategy: "progressive"; rollingUpdate: RollingUpdate; progressive: ResolvedProgressive };

/** Failed readings that roll a canary back when `failedChecks` is unset. */
export const DEFAULT_FAILED_CHECKS = 2;

export type ResolvedProgressive = Required<ProgressiveDelivery>;

/** `delivery` with its defaults: the service image, one canary replica, `rollingUpdate` under delivery.rolling. */
export function resolveDelivery(delivery: DeliverySettings | undefined, image: string, rollingUpdate: RollingUpdate): ResolvedDelivery {
    const settings: DeliverySettings = delivery ?? { strategy: "rolling" };
    const rollout = { ...rollingUpdate, ...settings.rolling };
    switch (settings.strategy) {
        case "rolling":
            return { strategy: "rolling", rollingUpdate: rollout };
        case "canary":
            return {
                strategy: "canary", rollingUpdate: rollout, weight: settings.canary?.weight ?? 0,
                canaryImage: settings.canary?.image ?? image, canaryReplicas: settings.canary?.replicas ?? 1,
            };
        case "blueGreen": {
            const active = settings.blueGreen?.active ?? DELIVERY_COLORS[0];
            const images = { blue: settings.blueGreen?.images?.blue ?? image, green: settings.blueGreen?.images?.green ?? image };
            return { strategy: "blueGreen", rollingUpdate: rollout, active, inactive: active === "blue" ? "green" : "blue", images };
        }
        case "progressive":
            // deliverySettingsSchema requires the block with this strategy.
            return {
                strategy: "progressive", rollingUpdate: rollout,
                progressive: { ...settings.progressive!, failedChecks: settings.progressive!.failedChecks ?? DEFAULT_FAILED_CHECKS },
            };
    }
}
