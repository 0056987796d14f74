import * as pulumi from "@pulumi/pulumi";

// Both are RunErrors: under `pulumi up` the engine reports the message as one line, without a
// stack trace (it would only point into this package).

/** What a platform stack's outputs cannot give a consumer, named with the stack. */
export class PlatformReferenceError extends pulumi.RunError {
    constructor(readonly stack: string, problem: string) {
        super(`platform stack "${stack}": ${problem}`);
        this.name = "PlatformReferenceError";
    }
}

/** A consumer's request the package does not accept, naming the key and what is accepted. */
export class ServiceRequestError extends pulumi.RunError {
    constructor(problem: string) {
        super(`service request: ${problem}`);
        this.name = "ServiceRequestError";
    }
}
