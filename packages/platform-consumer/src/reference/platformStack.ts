// One platform stack's contract, resolved and validated: lookups that fail synchronously, so a
// consumer's program stops before it registers anything.
import { PlatformContract } from "../contract/schema";
import { PlatformReferenceError } from "./errors";

export const ADD_ONS = ["mesh", "monitoring", "tracing", "logging", "gitops", "kiali"] as const;
export type AddOn = (typeof ADD_ONS)[number];

/** The field whose presence says an add-on runs in the stack (a disabled area's fields are null). */
const ADD_ON_PRESENT: Record<AddOn, (c: PlatformContract) => boolean> = {
    mesh: (c) => c.mesh.revision !== null,
    monitoring: (c) => c.monitoring.prometheusUrl !== null,
    tracing: (c) => c.tracing.otlpGrpcEndpoint !== null,
    logging: (c) => c.logging.elasticsearchUrl !== null,
    gitops: (c) => c.gitops.serverUrl !== null,
    kiali: (c) => c.mesh.kialiUrl !== null,
};

export class PlatformStack {
    private readonly teamNamespaces: ReadonlyMap<string, string>;

    constructor(readonly stack: string, readonly contract: PlatformContract) {
        this.teamNamespaces = new Map(Object.entries(contract.namespaces.teams));
    }

    /** The tenant teams, sorted. */
    get teams(): string[] {
        return [...this.teamNamespaces.keys()].sort();
    }

    /** The add-ons that run in this stack. */
    get addOns(): AddOn[] {
        return ADD_ONS.filter((a) => ADD_ON_PRESENT[a](this.contract));
    }

    has(addOn: AddOn): boolean {
        return ADD_ON_PRESENT[addOn](this.contract);
    }

    /** Fails, naming what the stack does have, when the add-on is off there. */
    requireAddOn(addOn: AddOn, neededFor?: string): void {
        if (this.has(addOn)) return;
        const has = this.addOns;
        throw new PlatformReferenceError(this.stack, `${addOn} is disabled in that stack` +
            (neededFor ? ` (${neededFor} needs it)` : "") + `; it has: ${has.length > 0 ? has.join(", ") : "no add-ons"}`);
    }

    /** The namespace of a tenant team; fails naming the teams the platform has. */
    teamNamespace(team: string): string {
        const namespace = this.teamNamespaces.get(team);
        if (namespace === undefined) {
            throw new PlatformReferenceError(this.stack, `has no tenant team ${JSON.stringify(team)}; its teams: ${this.teams.join(", ") || "none"}`);
        }
        return namespace;
    }

    /** The Argo CD AppProject a team's Applications must use; fails when GitOps is off or the team unknown. */
    appProject(team: string): string {
        this.requireAddOn("gitops", `the AppProject of team "${team}"`);
        this.teamNamespace(team);
        const projects = this.contract.gitops.appProjects ?? {};
        if (!Object.hasOwn(projects, team)) {
            throw new PlatformReferenceError(this.stack, `has no Argo CD AppProject for team "${team}"; projects: ${Object.keys(projects).sort().join(", ")}`);
        }
        return projects[team];
    }
}
