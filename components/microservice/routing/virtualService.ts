// The routes of a service: one VirtualService for callers inside the mesh and, for a public
// service, one bound to the ingress Gateway (which serves HTTPS only and redirects HTTP).
import type { IVirtualService } from "@kubernetes-models/istio/networking.istio.io/v1/VirtualService";
import { HttpRoute } from "./httpRoutes";

export type VirtualServiceSpec = NonNullable<IVirtualService["spec"]>;

export function meshVirtualServiceSpec(host: string, routes: HttpRoute[]): VirtualServiceSpec {
    // No `gateways`: the rule applies to sidecars ("mesh") only.
    return { hosts: [host], http: routes };
}

export function gatewayVirtualServiceSpec(gatewayRef: string, publicHosts: string[], routes: HttpRoute[]): VirtualServiceSpec {
    return { hosts: [...publicHosts], gateways: [gatewayRef], http: routes };
}
