// Tenancy's settings contract (platform:tenancy): the Pod Security level of tenant namespaces, the
// quota and container defaults every team namespace gets, and the teams.
import { z } from "zod";
import { atLeast, bytes, cpu, dnsLabel, EVERY_PASS, EVERY_PASS_ARRAY, isRecord, repositoryUrl, serviceName } from "@reference-platform/consumer/shared/fields";
import { quantityValue } from "@reference-platform/grammar";
import { computeResourcesSchema } from "@reference-platform/consumer/shared/resources";
import { acceptRef, callRef, crossTeamReferences } from "./crossTeamCalls";

type Ctx = z.core.$RefinementCtx;

export const POD_SECURITY_LEVELS = ["privileged", "baseline", "restricted"] as const;
export type PodSecurityLevel = (typeof POD_SECURITY_LEVELS)[number];

/** A ResourceQuota's requestsX <= limitsX. */
function quotaRequestsWithinLimits(quota: unknown, ctx: Ctx): void {
    if (!isRecord(quota)) return;
    for (const resource of ["Cpu", "Memory"]) {
        const [request, limit] = [quantityValue(quota[`requests${resource}`]), quantityValue(quota[`limits${resource}`])];
        if (request !== undefined && limit !== undefined && request > limit) {
            ctx.addIssue({ code: "custom", path: [`requests${resource}`], message: `exceeds limits${resource} ${JSON.stringify(quota[`limits${resource}`])}` });
        }
    }
}

function uniqueTeams(teams: unknown, ctx: Ctx): void {
    if (!Array.isArray(teams)) return;
    const names = teams.map((team) => (isRecord(team) ? team.name : undefined));
    names.forEach((name, i) => {
        if (typeof name === "string" && names.indexOf(name) !== i) ctx.addIssue({ code: "custom", path: [i, "name"], message: `team "${name}" is listed twice` });
    });
}

/**
 * What a team may be called and deploy from depends on what surrounds it: the composition root
 * passes the namespaces the platform uses and whether the environment tolerates a team deploying
 * from any repository. Every rule about a team is checked here, against those facts.
 */
export interface TeamRules {
    /** The namespaces the platform itself uses, and where they are listed (named in the message). */
    platformNamespaces: { names: readonly string[]; listedIn: string };
    /** The environment's name, as the message says it. */
    environment: string;
    /** Whether a bare "*" may stand in a team's sourceRepos (a laptop's dev cluster). */
    anyRepository: boolean;
}

/** A team's name becomes its namespace: it may not be one Kubernetes or the platform itself uses. */
function teamName(rules: TeamRules) {
    const { names, listedIn } = rules.platformNamespaces;
    return dnsLabel.superRefine((name, ctx) => {
        if (name === "default" || name.startsWith("kube-")) {
            ctx.addIssue({ code: "custom", message: `"${name}" is reserved by Kubernetes (default, kube-*); choose another team name` });
        } else if (names.includes(name)) {
            ctx.addIssue({ code: "custom", message: `"${name}" is a namespace the platform uses (${listedIn}: ${names.join(", ")}); choose another team name` });
        }
    });
}

/** A team's Argo CD source repositories: URLs or globs; a bare "*" only where the rules allow it. */
function sourceRepository(rules: TeamRules) {
    return repositoryUrl(/./, "must not be empty").superRefine((repo, ctx) => {
        if (repo === "*" && !rules.anyRepository) {
            ctx.addIssue({
                code: "custom",
                message: `a bare "*" lets the team deploy from any repository; not allowed in ${rules.environment}: ` +
                    `list the team's repositories (globs such as "https://github.com/org/*" are accepted)`,
            });
        }
    });
}

export const teamQuotaSchema = z.strictObject({
    requestsCpu: cpu,
    requestsMemory: bytes,
    limitsCpu: cpu,
    limitsMemory: bytes,
    pods: atLeast(1),
    /** PersistentVolumeClaims in the namespace, and the storage they may request in total. */
    persistentVolumeClaims: atLeast(0),
    requestsStorage: bytes,
}).superRefine(quotaRequestsWithinLimits, EVERY_PASS);

export function teamSettingsSchema(rules: TeamRules) {
    return z.strictObject({
        /** DNS-1123 label; becomes the namespace name. */
        name: teamName(rules),
        /** Identity-provider group bound to the team's Role. */
        group: z.string().min(1),
        costCenter: z.string().min(1),
        /** Argo CD AppProject sourceRepos: URLs or globs (a bare "*" only where TeamRules allow it). */
        sourceRepos: z.array(sourceRepository(rules)),
        /**
         * Calls between teams, per service of this team: the other teams' services it calls
         * ("<team>/<service>") and the other teams' callers it accepts ("<team>/<service>" or "<team>").
         * Only a call both sides declare is allowed (./crossTeamCalls).
         */
        services: z.record(serviceName, z.strictObject({
            calls: z.array(callRef).optional(),
            accepts: z.array(acceptRef).optional(),
        })).optional(),
    });
}

export function tenancySettingsSchema(rules: TeamRules) {
    return z.strictObject({
        /** Pod Security Admission level enforced on tenant namespaces. */
        podSecurityLevel: z.enum(POD_SECURITY_LEVELS),
        quota: teamQuotaSchema,
        /** Defaults the LimitRange gives containers that declare nothing. */
        containerDefaults: computeResourcesSchema,
        teams: z.array(teamSettingsSchema(rules)).min(1).superRefine(uniqueTeams, EVERY_PASS_ARRAY)
            .superRefine(crossTeamReferences, EVERY_PASS_ARRAY),
    });
}

export type TeamQuota = z.output<typeof teamQuotaSchema>;
export type TeamSettings = z.output<ReturnType<typeof teamSettingsSchema>>;
export type TenancySettings = z.output<ReturnType<typeof tenancySettingsSchema>>;
