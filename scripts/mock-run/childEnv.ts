// Environment variables through which runStack passes options to its child process (runUnderMocks.ts).

/** N synthetic services to add (bench only). */
export const SYNTHETIC_SERVICES_ENV = "PLATFORM_SYNTHETIC_SERVICES";

/** JSON of ChildRunOptions. */
export const RUN_OPTIONS_ENV = "PLATFORM_RUN_OPTIONS";

export interface ChildRunOptions {
    /** A Pulumi project other than the platform (e.g. examples/team-service). */
    projectDir?: string;
    /** The program to run instead of the project's Pulumi.yaml main, relative to the repository root. */
    main?: string;
    /** Outputs every StackReference returns; names listed in secretOutputNames are secret. */
    stackReference?: { outputs: Record<string, unknown>; secretOutputNames: string[] };
    /**
     * Run as `pulumi preview` does for a new stack: providers answer with the inputs only, so every
     * output a provider computes (a generated password, a hash, an id) is unknown.
     */
    preview?: boolean;
    /** RandomPassword hashes are real bcrypt (slow), not the mock's cheap stand-in. */
    bcryptHashes?: boolean;
}
