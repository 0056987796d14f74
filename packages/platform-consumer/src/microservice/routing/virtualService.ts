// The routes of a service: one VirtualService for callers inside the mesh and, for a public
// service, one bound to the ingress Gateway (which serves HTTPS only and redirects HTTP).
import type { IVirtualService } from "@kubernetes-models/istio/networking.istio.io/v1/VirtualService" with { "resolution-mode": "import" };
import { HttpRoute } from "./httpRoutes";

export type VirtualServiceSpec = NonNullable<IVirtualService["spec"]>;

/** The names of a service's routing objects, which Argo Rollouts also names in a progressive service's Rollout. */
export function routingObjectNames(serviceName: string, isPublic: boolean): {
    destinationRule: string; meshVirtualService: string; gatewayVirtualService?: string;
} {
    return {
        destinationRule: serviceName,
        meshVirtualService: serviceName,
        ...(isPublic ? { gatewayVirtualService: `${serviceName}-public` } : {}),
    };
}

export function meshVirtualServiceSpec(host: string, routes: HttpRoute[]): VirtualServiceSpec {
    // No `gateways`: the rule applies to sidecars ("mesh") only.
    return { hosts: [host], http: routes };
}

/**
 * Bound to the ingress Gateway, and exported (`exportTo`) to the gateway's namespace as well as its own. With `paths`, each route only matches under those prefixes (the
 * prefix itself, or below it) and the prefix is rewritten to "/" for the service; without, every path.
 */
export function gatewayVirtualServiceSpec(gatewayRef: string, publicHosts: string[], routes: HttpRoute[], paths?: string[],
    exportTo?: string[]): VirtualServiceSpec {
    return {
        hosts: [...publicHosts], gateways: [gatewayRef], http: paths ? routes.map((r) => underPaths(r, paths)) : routes,
        ...(exportTo ? { exportTo: [...exportTo] } : {}),
    };
}

function underPaths(route: HttpRoute, paths: string[]): HttpRoute {
    const base = route.match ?? [{}];
    const match = paths.flatMap((p) => base.flatMap((m) => [{ ...m, uri: { exact: p } }, { ...m, uri: { prefix: `${p}/` } }]));
    return { ...route, match, rewrite: { uri: "/" } };
}
