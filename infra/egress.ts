// Every external host the platform's own services declare (the shop's topology, or the stack's
// platform:shop.services.<name>.external in its place), as the mesh's egress gateway routes them.
// A team program's own Microservices are not seen here (README, Controlled egress).
import { ExternalRoute } from "../components/mesh";
import { SHOP_SERVICES } from "../components/shop";
import { PlatformConfig } from "./config";

/** The shop services' declared hosts, in the shop team's namespace; none when the shop is off. */
export function externalRoutes(config: Pick<PlatformConfig, "shop">): ExternalRoute[] {
    if (!config.shop.enabled) return [];
    return SHOP_SERVICES.flatMap((service) => {
        const deps = config.shop.services[service.name]?.external ?? service.external ?? [];
        return deps.map((dep) => ({ namespace: config.shop.team, service: service.name, ...dep }));
    });
}
