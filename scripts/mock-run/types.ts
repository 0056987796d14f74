/** One resource as the engine saw its registration. */
export interface RecordedResource {
    type: string;
    name: string;
    urn: string;
    parent?: string;
    custom: boolean;
    dependencies: string[];
    protect: boolean;
    retainOnDelete: boolean;
    provider?: string;
    aliases: number;
    /** Inputs as the provider receives them (secrets unwrapped). */
    inputs: Record<string, any>;
    /** Inputs as sent over the wire: secrets still wrapped in their signature objects. */
    serializedInputs: Record<string, any>;
}

/**
 * A stack output as the SDK serializes it for the engine: plain JSON, with secrets, resource
 * references and unknowns in the SDK's wire form (see wire.ts).
 */
export type ResolvedValue =
    | string | number | boolean | null | undefined
    | ResolvedValue[]
    | { [key: string]: ResolvedValue };

export interface RunResult {
    stack: string;
    resources: RecordedResource[];
    outputs: Record<string, ResolvedValue>;
    /** Secret config values and provider-generated secrets seen during the run. */
    secretValues: string[];
    /** The program's error message, when it failed. */
    error?: string;
    /** Wall time of the program (and synthetic services, and output serialization), in ms. */
    millis: number;
    /** CPU time (user + system) of the same, in ms. */
    cpuMillis: number;
}

/** Extra `platform:*` config for a run: a plain value, or `{ secret: value }`. */
export type StackOverrides = Record<string, unknown | { secret: string }>;
