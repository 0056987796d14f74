// `edge-rate-limit`: every public route (a VirtualService bound to a Gateway) is rate limited
// at its Gateway: an EnvoyFilter on the gateway pods adds Envoy's local rate limit filter, and
// gives each of the route's hosts, on every port its Gateway serves them, a token bucket.
import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { configSpec, readConfig, WithExemptions } from "../lib/config";
import { gatewayFinder, publicRoutes, selectsGatewayPods } from "../lib/gatewayRoutes";
import { reporterFor } from "../lib/report";
import { byNamespace, ofKind, refOf } from "../lib/stackResources";

export const LOCAL_RATE_LIMIT_FILTER = "envoy.filters.http.local_ratelimit";

const config = configSpec("edge-rate-limit", ["rateLimitFilter", "tokenBucket"], {});

const patchesOf = (filter: PolicyResource): any[] => filter.props.spec?.configPatches ?? [];

function insertsFilter(filter: PolicyResource): boolean {
    return patchesOf(filter).some((p) => p.applyTo === "HTTP_FILTER" && p.patch?.value?.name === LOCAL_RATE_LIMIT_FILTER);
}

/** The virtual host names ("<host>:<port>") given a usable token bucket. */
function limitedVirtualHosts(filter: PolicyResource): Set<string> {
    const names = new Set<string>();
    for (const p of patchesOf(filter)) {
        if (p.applyTo !== "VIRTUAL_HOST") continue;
        const bucket = p.patch?.value?.typed_per_filter_config?.[LOCAL_RATE_LIMIT_FILTER]?.token_bucket;
        const name = p.match?.routeConfiguration?.vhost?.name;
        if (name && Number(bucket?.max_tokens) >= 1 && Number(bucket?.tokens_per_fill) >= 1 && bucket?.fill_interval) names.add(name);
    }
    return names;
}

/** The ports a Gateway serves a host on (443 when the Gateway is not in the stack). */
function portsFor(gateway: PolicyResource | undefined, host: string): number[] {
    if (!gateway) return [443];
    return (gateway.props.spec?.servers ?? [])
        .filter((s: any) => (s.hosts ?? []).some((h: string) => h === host || h === "*" || h.endsWith(`/${host}`) || h === `*/${host}`))
        .map((s: any) => Number(s.port?.number));
}

export const edgeRateLimit: StackValidationPolicy = {
    name: "edge-rate-limit",
    description: "Every public route has a local rate limit at its gateway: a token bucket for each of its hosts on each gateway port.",
    enforcementLevel: "advisory",
    severity: "medium",
    configSchema: config.schema,
    validateStack: (args, report) => {
        const { exemptions } = readConfig<WithExemptions>(args, config);
        const filters = byNamespace(ofKind(args.resources, ["networking.istio.io"], "EnvoyFilter"));
        const findGateway = gatewayFinder(args.resources);
        for (const route of publicRoutes(args.resources)) {
            const say = reporterFor(report, refOf(route.resource), exemptions, route.resource.urn);
            const gateway = findGateway(route.gateway);
            const onGateway = (filters.get(route.gateway.namespace) ?? [])
                .filter((f) => selectsGatewayPods(f.props.spec?.workloadSelector?.labels, gateway));
            const where = `gateway ${route.gateway.namespace}/${route.gateway.name}`;
            if (!onGateway.some(insertsFilter)) {
                say("rateLimitFilter", `is public but no EnvoyFilter in ${route.gateway.namespace} adds ${LOCAL_RATE_LIMIT_FILTER} to the ${where} pods`);
                continue;
            }
            const limited = new Set(onGateway.flatMap((f) => [...limitedVirtualHosts(f)]));
            const missing = route.hosts.flatMap((host) => portsFor(gateway, host).map((port) => `${host}:${port}`)).filter((vhost) => !limited.has(vhost));
            if (missing.length > 0) say("tokenBucket", `is public but has no token bucket at the ${where} for ${missing.join(", ")}`);
        }
    },
};
