// What the providers would answer under `pulumi up`, simulated for in-process tests: every
// resource echoes its inputs, and @pulumi/random produces real random values.
import * as pulumi from "@pulumi/pulumi";
import { randomBytes } from "crypto";

export class PlatformMocks implements pulumi.runtime.Mocks {
    /** Every secret value a mocked provider produced; none may appear in plaintext anywhere. */
    readonly generatedSecrets: string[] = [];

    newResource(args: pulumi.runtime.MockResourceArgs): { id: string | undefined; state: Record<string, any> } {
        const state: Record<string, any> = { ...args.inputs };
        if (args.type === "random:index/randomPassword:RandomPassword") {
            const length = Number(args.inputs.length ?? 16);
            state.result = randomBytes(length).toString("base64url").slice(0, length);
            state.bcryptHash = `$2a$10$${randomBytes(40).toString("base64url").slice(0, 53)}`;
            this.generatedSecrets.push(state.result);
        }
        return { id: args.custom ? `${args.name}-id` : undefined, state };
    }

    call(args: pulumi.runtime.MockCallArgs): Record<string, any> {
        return args.inputs;
    }
}
