// The consumers' side of the contract: a typed, checked view of a platform stack's outputs for
// application teams' Pulumi programs.
//
//   const platform = new PlatformReference("platform", { stack: "organization/platform/dev" });
//   const namespace = platform.teamNamespace("shop");
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { CONTRACT_VERSION, ContractArea, contractSchema, PlatformContract } from "./schema";

export class PlatformReferenceError extends Error {
    constructor(stack: string, problem: string) {
        super(`platform stack "${stack}": ${problem}`);
        this.name = "PlatformReferenceError";
    }
}

export interface PlatformReferenceArgs {
    /** Fully qualified platform stack, e.g. "acme/platform/prod" ("organization/platform/dev" on a local backend). */
    stack: string;
}

type Area<A extends ContractArea> = PlatformContract[A];

export class PlatformReference {
    public readonly stackReference: pulumi.StackReference;
    /** The platform's contract version; fails when it is older than the one this helper reads. */
    public readonly contractVersion: pulumi.Output<number>;
    public readonly namespaces: pulumi.Output<Area<"namespaces">>;
    public readonly mesh: pulumi.Output<Area<"mesh">>;
    public readonly monitoring: pulumi.Output<Area<"monitoring">>;
    public readonly tracing: pulumi.Output<Area<"tracing">>;
    public readonly logging: pulumi.Output<Area<"logging">>;
    public readonly gitops: pulumi.Output<Area<"gitops">>;
    private readonly stack: string;

    constructor(name: string, args: PlatformReferenceArgs, opts?: pulumi.CustomResourceOptions) {
        this.stack = args.stack;
        this.stackReference = new pulumi.StackReference(name, { name: args.stack }, opts);
        this.contractVersion = this.stackReference.requireOutput("contractVersion").apply((v) => this.checkVersion(v));
        this.namespaces = this.area("namespaces");
        this.mesh = this.area("mesh");
        this.monitoring = this.area("monitoring");
        this.tracing = this.area("tracing");
        this.logging = this.area("logging");
        this.gitops = this.area("gitops");
    }

    /** The namespace of a tenant team; fails naming the teams the platform has. */
    teamNamespace(team: string): pulumi.Output<string> {
        return this.namespaces.apply((ns) => {
            const found = ns.teams[team];
            if (!found) throw new PlatformReferenceError(this.stack, `has no tenant team "${team}"; teams: ${Object.keys(ns.teams).sort().join(", ")}`);
            return found;
        });
    }

    /** A field that must be set: fails clearly when the platform stack has that add-on switched off. */
    required<A extends ContractArea, F extends keyof Area<A> & string>(area: A, field: F): pulumi.Output<NonNullable<Area<A>[F]>> {
        const output = this[area] as unknown as pulumi.Output<Area<A>>;
        return output.apply((value) => {
            const v = value[field];
            if (v === null || v === undefined) {
                throw new PlatformReferenceError(this.stack, `${area}.${field} is null: the ${area} add-on is disabled in that stack`);
            }
            return v as NonNullable<Area<A>[F]>;
        });
    }

    private checkVersion(value: unknown): number {
        if (typeof value !== "number" || !Number.isInteger(value)) {
            throw new PlatformReferenceError(this.stack, `contractVersion is ${JSON.stringify(value)}, not a version number`);
        }
        if (value < CONTRACT_VERSION) {
            throw new PlatformReferenceError(this.stack, `exports contract v${value}, older than v${CONTRACT_VERSION} ` +
                "which this helper reads; run `pulumi up` on the platform stack first");
        }
        return value;
    }

    private area<A extends ContractArea>(area: A): pulumi.Output<Area<A>> {
        const schema = contractSchema.shape[area] as unknown as z.ZodObject;
        return pulumi.all([this.contractVersion, this.stackReference.requireOutput(area)]).apply(([, value]) => {
            // Fields a newer contract version added are ignored; missing or mistyped ones fail.
            const known = value && typeof value === "object"
                ? Object.fromEntries(Object.keys(schema.shape).map((k) => [k, (value as Record<string, unknown>)[k]]))
                : value;
            const parsed = schema.safeParse(known);
            if (!parsed.success) {
                const problems = parsed.error.issues.map((i) => `${[area, ...i.path].join(".")}: ${i.message}`);
                throw new PlatformReferenceError(this.stack, `output does not match contract v${CONTRACT_VERSION}: ${problems.join("; ")}`);
            }
            return parsed.data as Area<A>;
        });
    }
}

