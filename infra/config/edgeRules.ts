// Edge rules across areas of the profile: edge settings only on public shop services, a trusted
// issuer for every route that needs a token, rate limits only for the gateway's hosts.
import { z } from "zod";

interface EdgeCheckInput {
    mesh?: {
        enabled?: boolean;
        gatewayHosts?: string[];
        edgeAuth?: { localIssuer?: boolean; issuers?: Array<{ forwardOriginalToken?: unknown } | undefined> };
        rateLimit?: { hosts?: Record<string, unknown> };
    };
    shop?: { enabled?: boolean; services?: Record<string, { edge?: { requireJwt?: boolean; claims?: Record<string, string[]> } } | undefined> };
}

/**
 * Rules across areas: edge rules only on public services, a trusted issuer for every route that
 * needs a token, rate limits only for the gateway's hosts.
 */
export function checkEdge(publicServices: readonly string[], defaultJwtServices: readonly string[]) {
    return (p: EdgeCheckInput, ctx: z.core.$RefinementCtx): void => {
        const services = p.shop?.services ?? {};
        for (const [name, settings] of Object.entries(services)) {
            const edge = settings?.edge;
            if (!edge || publicServices.includes(name)) continue;
            for (const key of ["requireJwt", "claims"] as const) {
                if (edge[key] !== undefined) {
                    ctx.addIssue({
                        code: "custom", path: ["shop", "services", name, "edge", key],
                        message: `"${name}" is not public, so the gateway never routes to it; public services: ${publicServices.join(", ")}`,
                    });
                }
            }
        }
        const needsToken = p.mesh?.enabled && p.shop?.enabled && publicServices.some((name) => {
            const edge = services[name]?.edge;
            return edge?.requireJwt ?? (edge?.claims !== undefined || defaultJwtServices.includes(name));
        });
        const auth = p.mesh?.edgeAuth;
        if (needsToken && auth && Array.isArray(auth.issuers) && auth.issuers.length === 0 && auth.localIssuer === false) {
            ctx.addIssue({
                code: "custom", path: ["mesh", "edgeAuth", "issuers"],
                message: "a shop route requires a token but no issuer is trusted: add an issuer or set localIssuer true (dev)",
            });
        }
        // The service's own sidecar checks the token again, so the gateway must pass it on.
        if (needsToken && auth && Array.isArray(auth.issuers)) {
            auth.issuers.forEach((issuer, i) => {
                if (issuer?.forwardOriginalToken === false) {
                    ctx.addIssue({
                        code: "custom", path: ["mesh", "edgeAuth", "issuers", i, "forwardOriginalToken"],
                        message: "a shop route requires a token, which the service's workload validates again: the gateway must forward it (true or unset)",
                    });
                }
            });
        }
        const hosts = p.mesh?.gatewayHosts ?? [];
        for (const host of Object.keys(p.mesh?.rateLimit?.hosts ?? {})) {
            if (Array.isArray(hosts) && !hosts.includes(host)) {
                ctx.addIssue({ code: "custom", path: ["mesh", "rateLimit", "hosts", host], message: `is not a gateway host; accepted: ${hosts.join(", ")}` });
            }
        }
    };
}
