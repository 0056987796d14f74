// Tenancy's settings contract (platform:tenancy): the Pod Security level of tenant namespaces, the
// quota and container defaults every team namespace gets, and the teams.
import { z } from "zod";
import { atLeast, bytes, cpu, dnsLabel, EVERY_PASS, EVERY_PASS_ARRAY, isRecord, repositoryUrl } from "@reference-platform/consumer/shared/fields";
import { quantityValue } from "@reference-platform/grammar";
import { computeResourcesSchema } from "@reference-platform/consumer/shared/resources";

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

/** A team's name becomes its namespace: it may not be one Kubernetes itself uses. */
export const teamName = dnsLabel.superRefine((name, ctx) => {
    if (name === "default" || name.startsWith("kube-")) {
        ctx.addIssue({ code: "custom", message: `"${name}" is reserved by Kubernetes (default, kube-*); choose another team name` });
    }
});

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

export const teamSettingsSchema = z.strictObject({
    /** DNS-1123 label; becomes the namespace name. */
    name: teamName,
    /** Identity-provider group bound to the team's Role. */
    group: z.string().min(1),
    costCenter: z.string().min(1),
    /** Argo CD AppProject sourceRepos: URLs or globs (a bare "*" only in dev: infra/config/load.ts). */
    sourceRepos: z.array(repositoryUrl(/./, "must not be empty")),
});

export const tenancySettingsSchema = z.strictObject({
    /** Pod Security Admission level enforced on tenant namespaces. */
    podSecurityLevel: z.enum(POD_SECURITY_LEVELS),
    quota: teamQuotaSchema,
    /** Defaults the LimitRange gives containers that declare nothing. */
    containerDefaults: computeResourcesSchema,
    teams: z.array(teamSettingsSchema).min(1).superRefine(uniqueTeams, EVERY_PASS_ARRAY),
});

export type TeamQuota = z.output<typeof teamQuotaSchema>;
export type TeamSettings = z.output<typeof teamSettingsSchema>;
export type TenancySettings = z.output<typeof tenancySettingsSchema>;
