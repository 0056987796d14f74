// The edge keys of the stack config: trusted token issuers, gateway rate limits, the Kiali console
// and a public service's JWT and claim rules. Wired into schema.ts; kept apart so it stays local.
import { createPublicKey, JsonWebKey } from "crypto";
import { z } from "zod";
import { KIALI_AUTH_STRATEGIES, RATE_LIMIT_UNITS } from "./types";

/** Why a JWKS document cannot be used, or undefined when every key in it parses. */
export function jwksProblem(text: string): string | undefined {
    let doc: unknown;
    try {
        doc = JSON.parse(text);
    } catch (e) {
        return `is not JSON (${(e as Error).message})`;
    }
    const keys = (doc as { keys?: unknown })?.keys;
    if (!Array.isArray(keys) || keys.length === 0) return 'must be a JWKS: { "keys": [ <JWK>, ... ] } with at least one key';
    for (const [i, key] of keys.entries()) {
        try {
            createPublicKey({ key: key as JsonWebKey, format: "jwk" });
        } catch (e) {
            return `keys[${i}] is not a public key (${(e as Error).message})`;
        }
        if ((key as JsonWebKey).d !== undefined) return `keys[${i}] holds private key material ("d"); publish only public keys`;
    }
    return undefined;
}

function isHttpUrl(value: string): boolean {
    try {
        const url = new URL(value);
        return (url.protocol === "https:" || url.protocol === "http:") && url.hostname !== "";
    } catch {
        return false;
    }
}

const httpUrl = z.string({ message: "must be an http(s) URL" })
    .refine(isHttpUrl, { message: "must be an http(s) URL, e.g. https://login.example.com/realms/shop" });
const headerName = z.string().regex(/^[A-Za-z0-9][-_A-Za-z0-9]*$/, { message: "must be an HTTP header name, e.g. x-jwt-sub" });
const claimName = z.string().regex(/^[A-Za-z0-9_:/.-]+$/, { message: "must be a claim name such as roles, sub or scope" });
const count = () => z.number({ message: "must be a number" }).int({ message: "must be a whole number" }).min(1, { message: "must be at least 1" });

const issuerSchema = z.strictObject({
    issuer: httpUrl,
    jwksUri: httpUrl.optional(),
    jwks: z.string().superRefine((text, ctx) => {
        const problem = jwksProblem(text);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
    }).optional(),
    audiences: z.array(z.string().min(1)).min(1).optional(),
    forwardOriginalToken: z.boolean().optional(),
    outputClaimToHeaders: z.array(z.strictObject({ header: headerName, claim: claimName })).optional(),
}).superRefine((i, ctx) => {
    if ((i.jwksUri === undefined) === (i.jwks === undefined)) {
        ctx.addIssue({ code: "custom", path: ["jwksUri"], message: "set exactly one of jwksUri (where the keys are published) and jwks (the keys inline)" });
    }
});

export const edgeAuthSchema = z.strictObject({
    localIssuer: z.boolean(),
    issuers: z.array(issuerSchema),
}).superRefine((a, ctx) => {
    if (!Array.isArray(a.issuers)) return;
    const names = a.issuers.map((i) => i?.issuer);
    names.forEach((name, i) => {
        if (names.indexOf(name) !== i) ctx.addIssue({ code: "custom", path: ["issuers", i, "issuer"], message: `issuer "${name}" is listed twice` });
    });
});

export const tokenBucketSchema = z.strictObject({
    requestsPerUnit: count(),
    unit: z.enum(RATE_LIMIT_UNITS),
    burst: count(),
}).superRefine((b, ctx) => {
    // A bucket smaller than one refill would cap every unit at `burst` requests.
    if (typeof b.burst === "number" && typeof b.requestsPerUnit === "number" && b.burst < b.requestsPerUnit) {
        ctx.addIssue({ code: "custom", path: ["burst"], message: `must be at least requestsPerUnit (${b.requestsPerUnit}): it is the bucket's size` });
    }
});

export const rateLimitSchema = z.strictObject({
    enabled: z.boolean(),
    default: tokenBucketSchema,
    hosts: z.record(z.string().min(1), tokenBucketSchema).optional(),
});

export const kialiSchema = (resources: z.ZodType) => z.strictObject({
    enabled: z.boolean(),
    auth: z.enum(KIALI_AUTH_STRATEGIES),
    viewOnly: z.boolean(),
    replicas: count(),
    resources,
});

export const edgeRouteSchema = z.strictObject({
    requireJwt: z.boolean().optional(),
    claims: z.record(claimName, z.array(z.string().min(1)).min(1, { message: "must list at least one accepted value" })).optional(),
}).superRefine((e, ctx) => {
    if (e.requireJwt === false && e.claims !== undefined) {
        ctx.addIssue({ code: "custom", path: ["claims"], message: "claims are read from a token: drop them or set requireJwt true" });
    }
});

interface EdgeCheckInput {
    mesh?: {
        enabled?: boolean;
        gatewayHosts?: string[];
        edgeAuth?: { localIssuer?: boolean; issuers?: unknown[] };
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
        const hosts = p.mesh?.gatewayHosts ?? [];
        for (const host of Object.keys(p.mesh?.rateLimit?.hosts ?? {})) {
            if (Array.isArray(hosts) && !hosts.includes(host)) {
                ctx.addIssue({ code: "custom", path: ["mesh", "rateLimit", "hosts", host], message: `is not a gateway host; accepted: ${hosts.join(", ")}` });
            }
        }
    };
}
