// Rate limits at the edge: Envoy's local rate limit filter on the ingress gateway, one token
// bucket per public host. Istio 1.29 and 1.30 have no first-class API for it, so it goes in
// through an EnvoyFilter (Istio's documented way, "Enabling Rate Limits using Envoy"): one patch
// adds the filter to the gateway's HTTP chain without a bucket of its own (it limits nothing by
// itself), and one patch per host and gateway port gives that virtual host its bucket. The bucket
// lives in each gateway pod: with N replicas a host admits up to N times the configured rate.
import type { IEnvoyFilter } from "@kubernetes-models/istio/networking.istio.io/v1alpha3/EnvoyFilter";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { RateLimitUnit, TokenBucketSettings } from "./settings";
import { GATEWAY_SELECTOR } from "../names";

export const EDGE_RATE_LIMIT_FILTER = "edge-local-rate-limit";
export const LOCAL_RATE_LIMIT_FILTER = "envoy.filters.http.local_ratelimit";
const LOCAL_RATE_LIMIT_TYPE = "type.googleapis.com/envoy.extensions.filters.http.local_ratelimit.v3.LocalRateLimit";
const STAT_PREFIX = "edge_local_rate_limit";
/** Marks responses the limiter refused, next to the x-ratelimit-* headers. */
export const RATE_LIMITED_HEADER = "x-local-rate-limit";

const UNIT_SECONDS: Record<RateLimitUnit, number> = { second: 1, minute: 60, hour: 3600 };

type ConfigPatch = NonNullable<NonNullable<IEnvoyFilter["spec"]>["configPatches"]>[number];

const always = (feature: string) => ({
    runtime_key: `${STAT_PREFIX}_${feature}`,
    default_value: { numerator: 100, denominator: "HUNDRED" },
});

/** The per-virtual-host filter config: the bucket, always on, 429 with the draft-03 x-ratelimit headers. */
export function bucketConfig(bucket: TokenBucketSettings): Record<string, unknown> {
    return {
        "@type": LOCAL_RATE_LIMIT_TYPE,
        stat_prefix: STAT_PREFIX,
        token_bucket: {
            max_tokens: bucket.burst,
            tokens_per_fill: bucket.requestsPerUnit,
            fill_interval: `${UNIT_SECONDS[bucket.unit]}s`,
        },
        filter_enabled: always("enabled"),
        filter_enforced: always("enforced"),
        enable_x_ratelimit_headers: "DRAFT_VERSION_03",
        response_headers_to_add: [{ append_action: "OVERWRITE_IF_EXISTS_OR_ADD", header: { key: RATE_LIMITED_HEADER, value: "true" } }],
    };
}

/** The gateway names a server's virtual host "<host>:<port>". */
export const gatewayVirtualHost = (host: string, port: number) => `${host}:${port}`;

export function rateLimitFilterSpec(buckets: Record<string, TokenBucketSettings>, ports: number[]): NonNullable<IEnvoyFilter["spec"]> {
    const insertFilter: ConfigPatch = {
        applyTo: "HTTP_FILTER",
        match: {
            context: "GATEWAY",
            listener: { filterChain: { filter: { name: "envoy.filters.network.http_connection_manager", subFilter: { name: "envoy.filters.http.router" } } } },
        },
        // Last before the router: the authentication, authorization and telemetry filters run first,
        // so refused requests still show up in the gateway's metrics as 429s.
        patch: { operation: "INSERT_BEFORE", value: { name: LOCAL_RATE_LIMIT_FILTER, typed_config: { "@type": LOCAL_RATE_LIMIT_TYPE, stat_prefix: STAT_PREFIX } } },
    };
    const perHost: ConfigPatch[] = Object.entries(buckets).flatMap(([host, bucket]) => ports.map((port) => ({
        applyTo: "VIRTUAL_HOST" as const,
        match: { context: "GATEWAY" as const, routeConfiguration: { portNumber: port, vhost: { name: gatewayVirtualHost(host, port) } } },
        patch: { operation: "MERGE" as const, value: { typed_per_filter_config: { [LOCAL_RATE_LIMIT_FILTER]: bucketConfig(bucket) } } },
    })));
    return { workloadSelector: { labels: { ...GATEWAY_SELECTOR } }, configPatches: [insertFilter, ...perHost] };
}

export interface EdgeRateLimitArgs {
    /** The ingress gateway's namespace. */
    namespace: pulumi.Input<string>;
    /** Public host -> its bucket. */
    buckets: Record<string, TokenBucketSettings>;
    /** The shared Gateway's server ports (HTTPS, and HTTP that redirects). */
    ports: number[];
    labels: Record<string, string>;
}

/** `opts.dependsOn` must include the base chart (CRD) and istiod (validation webhook). */
export function createEdgeRateLimit(name: string, args: EdgeRateLimitArgs, opts: pulumi.CustomResourceOptions): k8s.apiextensions.CustomResource {
    return new k8s.apiextensions.CustomResource(name, {
        apiVersion: "networking.istio.io/v1alpha3",
        kind: "EnvoyFilter",
        metadata: { name: EDGE_RATE_LIMIT_FILTER, namespace: args.namespace, labels: args.labels },
        spec: rateLimitFilterSpec(args.buckets, args.ports),
    }, opts);
}
