// The ingress gateway's edge settings (platform:mesh.edgeAuth, platform:mesh.rateLimit): trusted
// token issuers and Envoy local rate limits.
import { createPublicKey, JsonWebKey } from "crypto";
import { z } from "zod";
import { claimName, count } from "@reference-platform/consumer/shared/fields";

export const RATE_LIMIT_UNITS = ["second", "minute", "hour"] as const;
export type RateLimitUnit = (typeof RATE_LIMIT_UNITS)[number];

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

/** One trusted token issuer at the edge (an Istio RequestAuthentication jwtRule). */
export const issuerSchema = z.strictObject({
    issuer: httpUrl,
    jwksUri: httpUrl.optional(),
    jwks: z.string().superRefine((text, ctx) => {
        const problem = jwksProblem(text);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
    }).optional(),
    audiences: z.array(z.string().min(1)).min(1).optional(),
    forwardOriginalToken: z.boolean().optional(),
    outputClaimToHeaders: z.array(z.strictObject({ header: headerName, claim: claimName })).optional(),
}).superRefine((issuer, ctx) => {
    if ((issuer.jwksUri === undefined) === (issuer.jwks === undefined)) {
        ctx.addIssue({ code: "custom", path: ["jwksUri"], message: "set exactly one of jwksUri (where the keys are published) and jwks (the keys inline)" });
    }
});

/** JWT validation at the ingress gateway; dev's localIssuer: the program generates a key and trusts tokens it signs. */
export const edgeAuthSchema = z.strictObject({
    localIssuer: z.boolean(),
    issuers: z.array(issuerSchema),
}).superRefine((auth, ctx) => {
    if (!Array.isArray(auth.issuers)) return;
    const names = auth.issuers.map((i) => i?.issuer);
    names.forEach((name, i) => {
        if (names.indexOf(name) !== i) ctx.addIssue({ code: "custom", path: ["issuers", i, "issuer"], message: `issuer "${name}" is listed twice` });
    });
});

/** A token bucket: `requestsPerUnit` tokens refill every unit, at most `burst` are held. */
export const tokenBucketSchema = z.strictObject({
    requestsPerUnit: count(),
    unit: z.enum(RATE_LIMIT_UNITS),
    burst: count(),
}).superRefine((bucket, ctx) => {
    // A bucket smaller than one refill would cap every unit at `burst` requests.
    if (typeof bucket.burst === "number" && typeof bucket.requestsPerUnit === "number" && bucket.burst < bucket.requestsPerUnit) {
        ctx.addIssue({ code: "custom", path: ["burst"], message: `must be at least requestsPerUnit (${bucket.requestsPerUnit}): it is the bucket's size` });
    }
});

/** Envoy local rate limits at the ingress gateway: every public host's bucket unless `hosts` names it. */
export const rateLimitSchema = z.strictObject({
    enabled: z.boolean(),
    default: tokenBucketSchema,
    hosts: z.record(z.string().min(1), tokenBucketSchema).optional(),
});

export type EdgeIssuer = z.output<typeof issuerSchema>;
export type EdgeAuthSettings = z.output<typeof edgeAuthSchema>;
export type TokenBucketSettings = z.output<typeof tokenBucketSchema>;
export type EdgeRateLimitSettings = z.output<typeof rateLimitSchema>;
