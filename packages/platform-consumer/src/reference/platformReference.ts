// The consumers' side of the contract: a platform stack's outputs, read through a StackReference,
// checked against the contract, resolved before the consumer registers anything.
//
//   const platform = new PlatformReference("platform", { stack: "acme/platform/prod" });
//   const deployed = platform.resolve().then((stack) => {
//       const settings = serviceSettings(stack, { team: "data" });   // throws before any resource
//       return new Microservice("reports", { ...settings, ... });
//   });
import * as pulumi from "@pulumi/pulumi";
import { CONTRACT_AREAS } from "../contract/schema";
import { PlatformReferenceError } from "./errors";
import { PlatformStack } from "./platformStack";
import { readContract } from "./readContract";

export interface PlatformReferenceArgs {
    /** Fully qualified platform stack, e.g. "acme/platform/prod" ("organization/platform/dev" on a local backend). */
    stack: string;
    /**
     * This program's environment, which the platform stack's name must end in (".../platform/dev"
     * for "dev"); default: this program's stack name. A team stack that reads another environment's
     * platform (dev reading prod) fails unless `allowOtherEnvironment` says it means to.
     */
    environment?: string;
    /** Read a platform stack of another environment on purpose. */
    allowOtherEnvironment?: boolean;
}

export class PlatformReference {
    public readonly stackReference: pulumi.StackReference;
    /** The platform's contract version (the program fails when it is older than this package's). */
    public readonly contractVersion: pulumi.Output<number>;
    private readonly resolved: Promise<PlatformStack>;

    constructor(name: string, args: PlatformReferenceArgs, opts?: pulumi.CustomResourceOptions) {
        if (!/^[^/\s]+\/[^/\s]+\/[^/\s]+$/.test(args.stack)) {
            throw new PlatformReferenceError(args.stack, "is not a fully qualified stack name <organization>/<project>/<stack>");
        }
        const environment = args.environment ?? pulumi.getStack();
        const platformEnvironment = args.stack.split("/")[2];
        if (platformEnvironment !== environment && args.allowOtherEnvironment !== true) {
            throw new PlatformReferenceError(args.stack, `is the platform of environment "${platformEnvironment}", and this program deploys ` +
                `environment "${environment}": a team stack reads its own environment's platform; to read another on purpose, ` +
                "set allowOtherEnvironment: true");
        }
        this.stackReference = new pulumi.StackReference(name, { name: args.stack }, opts);
        this.resolved = this.read(args.stack);
        // Callers that only export outputs must not turn a failed read into an unhandled rejection
        // of this promise as well as theirs: the failure surfaces through resolve() and the outputs.
        this.resolved.catch(() => undefined);
        this.contractVersion = pulumi.output(this.resolved.then((p) => p.contract.contractVersion));
    }

    /** The stack's validated contract. Register resources after it resolves: a failure comes first. */
    resolve(): Promise<PlatformStack> {
        return this.resolved;
    }

    private async read(stack: string): Promise<PlatformStack> {
        const outputs: Record<string, unknown> = {};
        for (const key of ["contractVersion", ...CONTRACT_AREAS]) {
            const details = await this.stackReference.getOutputDetails(key);
            if (details.secretValue !== undefined) {
                throw new PlatformReferenceError(stack, `output "${key}" is a secret; the contract has no secret outputs`);
            }
            if (details.value !== undefined) outputs[key] = details.value;
        }
        return new PlatformStack(stack, readContract(stack, outputs));
    }
}
