// What the providers would answer under `pulumi up`, simulated for in-process tests: every
// resource echoes its inputs, and @pulumi/random produces real random values. RandomPassword's
// bcrypt hash is real but of bcrypt's minimum cost (about 1 ms instead of the provider's 70 ms):
// tests check that it matches the password, not how slow it is to crack.
import * as pulumi from "@pulumi/pulumi";
import { randomBytes } from "crypto";
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
        return { id: args.custom ? `${args.name}-id` : undefined, state };
    }

    call(args: pulumi.runtime.MockCallArgs): Record<string, any> {
        return args.inputs;
    }
}
