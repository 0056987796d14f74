// Signs a token with dev's local edge issuer key (mesh.edgeAuth.localIssuer), for trying the
// protected routes through the gateway. The key comes from `pulumi stack output operators
// --show-secrets --json` or from the cluster Secret `kubectl -n istio-system get secret
// edge-local-issuer -o json`; it is read from stdin and never written anywhere.
import { createPrivateKey } from "crypto";
import { SignJWT } from "jose";
import { LOCAL_ISSUER_ALGORITHM, LOCAL_ISSUER_KEYS } from "../../components/mesh/edge/localIssuer";

export interface IssuerKey {
    issuer: string;
    audience: string;
    privateKeyPem: string;
}

export interface TokenRequest {
    subject: string;
    /** Extra claims, e.g. { roles: ["payment-processor"] }. */
    claims?: Record<string, string | string[]>;
    ttlSeconds?: number;
}

/** The issuer's key from either document; fails naming what it expected. */
export function issuerKeyFrom(json: string): IssuerKey {
    const doc = JSON.parse(json) as Record<string, any>;
    const fromOutput = doc.edgeLocalIssuer ?? (doc.privateKeyPem ? doc : undefined);
    if (fromOutput) {
        const unwrap = (v: any) => (v && typeof v === "object" && "value" in v ? v.value : v);
        return { issuer: unwrap(fromOutput.issuer), audience: unwrap(fromOutput.audience), privateKeyPem: unwrap(fromOutput.privateKeyPem) };
    }
    if (doc.kind === "Secret" && doc.data) {
        const field = (key: string) => Buffer.from(String(doc.data[key] ?? ""), "base64").toString("utf8");
        return { issuer: field(LOCAL_ISSUER_KEYS.issuer), audience: field(LOCAL_ISSUER_KEYS.audience), privateKeyPem: field(LOCAL_ISSUER_KEYS.privateKey) };
    }
    throw new Error("expected `pulumi stack output operators --show-secrets --json` (edgeLocalIssuer) or the edge-local-issuer Secret as JSON on stdin");
}

export async function mintDevToken(key: IssuerKey, request: TokenRequest): Promise<string> {
    if (!key.privateKeyPem) throw new Error("no private key: is mesh.edgeAuth.localIssuer on for this stack?");
    return new SignJWT({ ...request.claims })
        .setProtectedHeader({ alg: LOCAL_ISSUER_ALGORITHM, typ: "JWT" })
        .setIssuer(key.issuer)
        .setAudience(key.audience)
        .setSubject(request.subject)
        .setIssuedAt()
        .setExpirationTime(`${request.ttlSeconds ?? 3600}s`)
        .sign(createPrivateKey(key.privateKeyPem));
}
