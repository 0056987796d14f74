// The sample shop: who calls whom. frontend -> catalog, frontend -> orders -> payments.
export interface ShopServiceDefinition {
    name: string;
    component: string;
    /** Services this one calls (podinfo forwards /echo to each backend URL). */
    calls: string[];
    public: boolean;
    /** Settings that must stay secret (generated with @pulumi/random). */
    secretKeys: string[];
}

export const SHOP_SERVICES: ShopServiceDefinition[] = [
    { name: "frontend", component: "frontend", calls: ["catalog", "orders"], public: true, secretKeys: [] },
    { name: "catalog", component: "backend", calls: [], public: false, secretKeys: [] },
    { name: "orders", component: "backend", calls: ["payments"], public: false, secretKeys: [] },
    { name: "payments", component: "backend", calls: [], public: false, secretKeys: ["PAYMENTS_PROVIDER_API_KEY"] },
];

/** The accepted keys of platform:shop.services. */
export const SHOP_SERVICE_NAMES = SHOP_SERVICES.map((s) => s.name) as [string, ...string[]];

/** Inverts `calls`: for each service, the services allowed to call it. */
export function callersOf(service: string, services: ShopServiceDefinition[] = SHOP_SERVICES): string[] {
    return services.filter((s) => s.calls.includes(service)).map((s) => s.name);
}
