// dev's own token issuer, so a developer can mint a token and try a protected route. The signing
// key is a @pulumi/tls PrivateKey: generated once and kept (encrypted) in the stack's state, so it
// stays the same across `pulumi up` runs and changes only when the resource is replaced. Its
// private half lives only in a secret output and a Kubernetes Secret; the public half is
// published to the gateway as an inline JWKS.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import * as tls from "@pulumi/tls";
import { calculateJwkThumbprint, exportJWK, importSPKI } from "jose";

/** Not resolvable: the gateway gets the keys inline and never fetches them. */
export const LOCAL_ISSUER_URL = "https://local-issuer.platform.invalid";
export const LOCAL_ISSUER_AUDIENCE = "platform-edge";
/** ES256: ECDSA P-256 with SHA-256, which Envoy's jwt_authn verifies. */
export const LOCAL_ISSUER_ALGORITHM = "ES256";
export const LOCAL_ISSUER_SECRET = "edge-local-issuer";
/** The Secret's keys. */
export const LOCAL_ISSUER_KEYS = { privateKey: "private-key.pem", issuer: "issuer", audience: "audience" } as const;

/** A JWKS with the one public key, its `kid` the key's RFC 7638 thumbprint. */
export async function publicJwks(publicKeyPem: string): Promise<string> {
    const key = await importSPKI(publicKeyPem, LOCAL_ISSUER_ALGORITHM, { extractable: true });
    const jwk = await exportJWK(key);
    const kid = await calculateJwkThumbprint(jwk);
    return JSON.stringify({ keys: [{ ...jwk, kid, alg: LOCAL_ISSUER_ALGORITHM, use: "sig" }] });
}

export interface LocalIssuerArgs {
    /** Where the private key's Secret lives: the mesh's root namespace, which no team can read. */
    namespace: pulumi.Input<string>;
    labels: Record<string, string>;
}

export class LocalIssuer extends pulumi.ComponentResource {
    public readonly issuer: pulumi.Output<string>;
    public readonly audience: pulumi.Output<string>;
    /** The public key as a JWKS document, as the gateway's RequestAuthentication gets it. */
    public readonly jwks: pulumi.Output<string>;
    /** PKCS#8 PEM; a secret output. */
    public readonly privateKeyPem: pulumi.Output<string>;
    public readonly secretName: pulumi.Output<string>;

    constructor(name: string, args: LocalIssuerArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:mesh:LocalIssuer", name, {}, opts);
        const key = new tls.PrivateKey(`${name}-signing-key`, { algorithm: "ECDSA", ecdsaCurve: "P256" }, { parent: this });
        this.privateKeyPem = pulumi.secret(key.privateKeyPemPkcs8);
        this.jwks = key.publicKeyPem.apply(publicJwks);
        this.issuer = pulumi.output(LOCAL_ISSUER_URL);
        this.audience = pulumi.output(LOCAL_ISSUER_AUDIENCE);
        const secret = new k8s.core.v1.Secret(`${name}-key`, {
            metadata: { name: LOCAL_ISSUER_SECRET, namespace: args.namespace, labels: args.labels },
            type: "Opaque",
            stringData: {
                [LOCAL_ISSUER_KEYS.privateKey]: this.privateKeyPem,
                [LOCAL_ISSUER_KEYS.issuer]: LOCAL_ISSUER_URL,
                [LOCAL_ISSUER_KEYS.audience]: LOCAL_ISSUER_AUDIENCE,
            },
        }, { parent: this, additionalSecretOutputs: ["data", "stringData"] });
        this.secretName = secret.metadata.name;
        this.registerOutputs({ issuer: this.issuer, audience: this.audience, jwks: this.jwks, privateKeyPem: this.privateKeyPem, secretName: this.secretName });
    }
}
