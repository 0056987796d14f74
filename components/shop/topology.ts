// The sample shop: who calls whom. frontend -> catalog, frontend -> orders -> payments.
// At the edge: the frontend is public on every path; the orders and payments APIs are public
// under /api/orders and /api/payments, need a token, and payments needs the payment-processor role.
import type { ExternalDependency } from "@reference-platform/consumer/microservice";
import type { EdgeArgs } from "@reference-platform/consumer/microservice/settings";
import type { ServiceSecret } from "@reference-platform/consumer/microservice";

export interface ShopServiceDefinition {
    name: string;
    component: string;
    /** Services this one calls (podinfo forwards /echo to each backend URL). */
    calls: string[];
    public: boolean;
    /** Secrets read from the platform's store, as files (the dev store generates them unless seeded). */
    secrets: ServiceSecret[];
    /** A public service's routes and token rules at the gateway (stack config can tighten them). */
    edge?: EdgeArgs;
    /** Hosts outside the cluster it calls. */
    external?: ExternalDependency[];
}

export const SHOP_SERVICES: ShopServiceDefinition[] = [
    { name: "frontend", component: "frontend", calls: ["catalog", "orders"], public: true, secrets: [] },
    { name: "catalog", component: "backend", calls: [], public: false, secrets: [] },
    {
        name: "orders", component: "backend", calls: ["payments"], public: true, secrets: [],
        edge: { paths: ["/api/orders"], requireJwt: true },
    },
    {
        name: "payments", component: "backend", calls: [], public: true,
        // The payment provider's API key, from the store, as /var/run/secrets/app/provider-api-key.
        secrets: [{ name: "provider-api-key", remoteKey: "shop-payments", property: "provider-api-key" }],
        // The payment provider's API, the one host outside the cluster the shop calls.
        external: [{ host: "api.stripe.com", port: 443, protocol: "TLS" }],
        edge: { paths: ["/api/payments"], requireJwt: true, claims: { roles: ["payment-processor"] } },
    },
];

/** The accepted keys of platform:shop.services. */
export const SHOP_SERVICE_NAMES = SHOP_SERVICES.map((s) => s.name) as [string, ...string[]];

/** Inverts `calls`: for each service, the services allowed to call it. */
export function callersOf(service: string, services: ShopServiceDefinition[] = SHOP_SERVICES): string[] {
    return services.filter((s) => s.calls.includes(service)).map((s) => s.name);
}

/** The services the ingress gateway routes to. */
export const PUBLIC_SHOP_SERVICES = SHOP_SERVICES.filter((s) => s.public).map((s) => s.name);

/** Public services whose routes need a token unless the stack config says otherwise. */
export const JWT_SHOP_SERVICES = SHOP_SERVICES.filter((s) => s.edge?.requireJwt || s.edge?.claims).map((s) => s.name);
