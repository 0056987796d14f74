// How requests split between a service's tracks: the header overrides first, then the weights.
// Every route gets the same timeout, retries and (when drilling) injected faults.
import type { IVirtualService } from "@kubernetes-models/istio/networking.istio.io/v1/VirtualService" with { "resolution-mode": "import" };
import { FaultInjectionSettings } from "../settings";
import { TrafficSettings } from "../args";
import { CANARY_HEADER, PREVIEW_HEADER } from "../delivery/headers";
import { ResolvedDelivery } from "../delivery/strategy";
import { ROLLOUT_ROUTE, ROLLOUT_SUBSETS } from "../delivery/progressive";
import { TrackName } from "../delivery/tracks";

export type HttpRoute = NonNullable<NonNullable<IVirtualService["spec"]>["http"]>[number];

export interface RoutePlan {
    name: string;
    header?: { name: string; value: string };
    targets: { subset: TrackName; weight: number }[];
}

/** Which tracks each route sends to, and with what weight (they sum to 100 per route). */
export function routePlan(delivery: ResolvedDelivery): RoutePlan[] {
    switch (delivery.strategy) {
        case "rolling":
            return [{ name: "stable", targets: [{ subset: "stable", weight: 100 }] }];
        case "canary":
            return [
                { name: "canary-forced", header: CANARY_HEADER, targets: [{ subset: "canary", weight: 100 }] },
                { name: "canary-split", targets: [{ subset: "stable", weight: 100 - delivery.weight }, { subset: "canary", weight: delivery.weight }] },
            ];
        case "blueGreen":
            return [
                { name: "preview", header: PREVIEW_HEADER, targets: [{ subset: delivery.inactive, weight: 100 }] },
                { name: "active", targets: [{ subset: delivery.active, weight: 100 }] },
            ];
        case "progressive":
            // At rest, where Argo Rollouts leaves it after each promotion or rollback; it moves the weights in between.
            return [
                { name: "canary-forced", header: CANARY_HEADER, targets: [{ subset: ROLLOUT_SUBSETS.canary, weight: 100 }] },
                { name: ROLLOUT_ROUTE, targets: [{ subset: ROLLOUT_SUBSETS.stable, weight: 100 }, { subset: ROLLOUT_SUBSETS.canary, weight: 0 }] },
            ];
    }
}

function fault(faults: FaultInjectionSettings | undefined): HttpRoute["fault"] {
    if (!faults || (!faults.delay && !faults.abort)) return undefined;
    return {
        ...(faults.delay ? { delay: { percentage: { value: faults.delay.percent }, fixedDelay: faults.delay.fixedDelay } } : {}),
        ...(faults.abort ? { abort: { percentage: { value: faults.abort.percent }, httpStatus: faults.abort.httpStatus } } : {}),
    };
}

export function httpRoutes(
    plan: RoutePlan[], host: string, port: number, traffic: TrafficSettings, faults?: FaultInjectionSettings,
): HttpRoute[] {
    const injected = fault(faults);
    return plan.map((r) => ({
        name: r.name,
        ...(r.header ? { match: [{ headers: { [r.header.name]: { exact: r.header.value } } }] } : {}),
        route: r.targets.map((t) => ({ destination: { host, port: { number: port }, subset: t.subset }, weight: t.weight })),
        timeout: traffic.timeout,
        retries: { ...traffic.retries },
        ...(injected ? { fault: injected } : {}),
    }));
}
