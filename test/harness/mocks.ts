// What the providers would answer under `pulumi up`, simulated for in-process tests: every
// resource echoes its inputs, @pulumi/random produces real random values, and a @pulumi/tls
// PrivateKey is a real key pair in the provider's PEM formats. RandomPassword's bcrypt hash is real
// but of bcrypt's minimum cost (about 1 ms instead of the provider's 70 ms): tests check that it
// matches the password, not how slow it is to crack.
import * as pulumi from "@pulumi/pulumi";
import { generateKeyPairSync, randomBytes } from "crypto";
import { bcryptHash, MIN_COST } from "./bcrypt";

export class PlatformMocks implements pulumi.runtime.Mocks {
    /** Every secret value a mocked provider produced; none may appear in plaintext anywhere. */
    readonly generatedSecrets: string[] = [];

    newResource(args: pulumi.runtime.MockResourceArgs): { id: string | undefined; state: Record<string, any> } {
        const state: Record<string, any> = { ...args.inputs };
        if (args.type === "random:index/randomPassword:RandomPassword") {
            const length = Number(args.inputs.length ?? 16);
            state.result = randomBytes(length).toString("base64url").slice(0, length);
            // A real hash of `result`, like the provider's (both are secret outputs there).
            state.bcryptHash = bcryptHash(state.result, MIN_COST);
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
