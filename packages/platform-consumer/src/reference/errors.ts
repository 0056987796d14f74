/** What a platform stack's outputs cannot give a consumer, named with the stack. */
export class PlatformReferenceError extends Error {
    constructor(readonly stack: string, problem: string) {
        super(`platform stack "${stack}": ${problem}`);
        this.name = "PlatformReferenceError";
    }
}
