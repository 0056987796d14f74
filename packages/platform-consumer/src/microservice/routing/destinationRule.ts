// How the mesh talks to a service: one subset per delivery track (by the `version` label),
// mutual TLS with mesh certificates, a bounded connection pool and ejection of failing pods.
import type { IDestinationRule } from "@kubernetes-models/istio/networking.istio.io/v1/DestinationRule" with { "resolution-mode": "import" };
import { TrafficSettings } from "../args";
import { Track, TRACK_LABEL } from "../delivery/tracks";

export type DestinationRuleSpec = NonNullable<IDestinationRule["spec"]>;

/** `exportTo` unset: the mesh's default (the rule's own namespace). */
export function destinationRuleSpec(host: string, tracks: Track[], traffic: TrafficSettings, exportTo?: string[]): DestinationRuleSpec {
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
        subsets: tracks.map((t) => ({ name: t.name, labels: { [TRACK_LABEL]: t.name } })),
    };
}
