// How the mesh talks to a service: one subset per delivery track (by the `version` label), or the
// stable and canary subsets Argo Rollouts points at its ReplicaSets (progressive); mutual TLS with
// mesh certificates, a bounded connection pool and ejection of failing pods.
import type { IDestinationRule } from "@kubernetes-models/istio/networking.istio.io/v1/DestinationRule" with { "resolution-mode": "import" };
import { TrafficSettings } from "../args";
import { ResolvedDelivery } from "../delivery/strategy";
import { ROLLOUT_SUBSETS } from "../delivery/progressive";
import { Track, TRACK_LABEL } from "../delivery/tracks";

export type DestinationRuleSpec = NonNullable<IDestinationRule["spec"]>;

/**
 * The subsets routes name. A progressive service's carry no labels of the program's: Argo Rollouts
 * adds each ReplicaSet's pod-template hash, as its pods share one template and one `version` label.
 */
export function routeSubsets(delivery: ResolvedDelivery, tracks: Track[]): { name: string; labels?: Record<string, string> }[] {
    if (delivery.strategy === "progressive") return [{ name: ROLLOUT_SUBSETS.stable }, { name: ROLLOUT_SUBSETS.canary }];
    return tracks.map((t) => ({ name: t.name, labels: { [TRACK_LABEL]: t.name } }));
}

/** `exportTo` unset: the mesh's default (the rule's own namespace). */
export function destinationRuleSpec(host: string, subsets: ReturnType<typeof routeSubsets>, traffic: TrafficSettings, exportTo?: string[]): DestinationRuleSpec {
    const pool = traffic.connectionPool;
    return {
        host,
        ...(exportTo ? { exportTo: [...exportTo] } : {}),
        trafficPolicy: {
            tls: { mode: "ISTIO_MUTUAL" },
            connectionPool: {
                tcp: { maxConnections: pool.maxConnections },
                http: {
                    http1MaxPendingRequests: pool.http1MaxPendingRequests,
                    http2MaxRequests: pool.http2MaxRequests,
                    maxRequestsPerConnection: pool.maxRequestsPerConnection,
                },
            },
            outlierDetection: { ...traffic.outlierDetection },
        },
        subsets: subsets.map((subset) => ({ ...subset })),
    };
}
