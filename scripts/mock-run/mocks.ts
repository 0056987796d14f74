// What the providers would answer under `pulumi up`, simulated for in-process runs: every
// resource echoes its inputs, @pulumi/random produces real random values, and a @pulumi/tls
// PrivateKey is a real key pair in the provider's PEM formats. RandomPassword's `bcryptHash` is a
// cheap stand-in (a SHA-256 digest, see mockPasswordHash) unless real bcrypt hashes are asked for,
// as the one test that checks what Argo CD receives does: bcrypt costs about 70 ms a password.
import * as pulumi from "@pulumi/pulumi";
import { hashSync } from "bcryptjs";
import { createHash, generateKeyPairSync, randomBytes } from "crypto";

/** The random provider's bcrypt cost (Go's bcrypt.DefaultCost). */
export const PROVIDER_BCRYPT_COST = 10;

const MOCK_HASH_PREFIX = "mock-password-hash:sha256:";

/** The mock's stand-in for a password's bcrypt hash: deterministic, cheap, and not bcrypt-shaped. */
export function mockPasswordHash(password: string): string {
    return MOCK_HASH_PREFIX + createHash("sha256").update(password).digest("hex");
}

/** A bcrypt hash as the provider emits it ($2a$, cost 10, fresh salt). */
function providerBcryptHash(password: string): string {
    // bcryptjs writes $2b$; for passwords under 255 bytes $2a$ hashes the same, and is the provider's prefix.
    return hashSync(password, PROVIDER_BCRYPT_COST).replace(/^\$2b\$/, "$2a$");
}

export interface PlatformMocksOptions {
    /** RandomPassword's bcryptHash is a real bcrypt hash (slow) instead of mockPasswordHash. */
    bcryptHashes?: boolean;
}

export class PlatformMocks implements pulumi.runtime.Mocks {
    /** Every secret value a mocked provider produced; none may appear in plaintext anywhere. */
    readonly generatedSecrets: string[] = [];

    constructor(private readonly options: PlatformMocksOptions = {}) {}

    newResource(args: pulumi.runtime.MockResourceArgs): { id: string | undefined; state: Record<string, any> } {
        const state: Record<string, any> = { ...args.inputs };
        if (args.type === "random:index/randomPassword:RandomPassword") {
            const length = Number(args.inputs.length ?? 16);
            state.result = randomBytes(length).toString("base64url").slice(0, length);
            // Both are secret outputs of the provider.
            state.bcryptHash = this.options.bcryptHashes ? providerBcryptHash(state.result) : mockPasswordHash(state.result);
            this.generatedSecrets.push(state.result, state.bcryptHash);
        }
        if (args.type === "tls:index/privateKey:PrivateKey") {
            const curve = { P224: "P-224", P256: "P-256", P384: "P-384", P521: "P-521" }[String(args.inputs.ecdsaCurve ?? "P224")];
            const pair = args.inputs.algorithm === "ECDSA"
                ? generateKeyPairSync("ec", { namedCurve: curve! })
                : generateKeyPairSync("rsa", { modulusLength: Number(args.inputs.rsaBits ?? 2048) });
            state.privateKeyPemPkcs8 = pair.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
            state.privateKeyPem = pair.privateKey.export({ type: args.inputs.algorithm === "ECDSA" ? "sec1" : "pkcs1", format: "pem" }).toString();
            state.publicKeyPem = pair.publicKey.export({ type: "spki", format: "pem" }).toString();
            // The provider marks both private encodings secret; the PEM bodies must never appear in plaintext.
            this.generatedSecrets.push(state.privateKeyPemPkcs8, state.privateKeyPem);
        }
        return { id: args.custom ? `${args.name}-id` : undefined, state };
    }

    call(args: pulumi.runtime.MockCallArgs): Record<string, any> {
        return args.inputs;
    }
}
