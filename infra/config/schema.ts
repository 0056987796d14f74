// The shape every merged profile must have. Objects are strict, so a mistyped key in a stack
// file is reported with its path instead of being silently ignored. Field kinds are in ./fields,
// cross-field rules in ./consistency; both run in one pass, so every problem is reported at once.
import { z } from "zod";
import { CHARTS, ChartKey, ISTIO_RELEASES, isIstioRelease } from "../charts";
import { MAX_MINOR_SKEW, MAX_REVISIONS } from "../../components/mesh/revisions";
import { compareVersions, goDurationMilliseconds, minorSkew } from "../../policy/grammar";
import { JWT_SHOP_SERVICES, PUBLIC_SHOP_SERVICES, SHOP_SERVICE_NAMES } from "../../components/shop/topology";
import { DELIVERY_COLORS, DELIVERY_STRATEGIES, POD_SECURITY_LEVELS } from "./types";
import {
    atLeast, bytes, cpu, dnsLabel, duration, EVERY_PASS, EVERY_PASS_ARRAY, host, intOrPercent, number, numberFrom, percent, pinnedImage,
    replicas, repositoryUrl, teamName, wholeRange,
} from "./fields";
import {
    autoscalingRange, chartRepositoriesUseHttps, profileConsistency, quotaRequestsWithinLimits, requestsWithinLimits,
    rolloutCanProgress, uniqueTeams,
} from "./consistency";
import { invalidChartRepositoryReason } from "./references";
import { checkEdge, edgeAuthSchema, edgeRouteSchema, kialiSchema, rateLimitSchema } from "./edgeSchema";

const chartKey = z.enum(Object.keys(CHARTS) as [ChartKey, ...ChartKey[]]);

export const computeResourcesSchema = z.strictObject({
    requests: z.strictObject({ cpu, memory: bytes }),
    limits: z.strictObject({ cpu: cpu.optional(), memory: bytes }),
}).superRefine(requestsWithinLimits, EVERY_PASS);

const workloadsSchema = z.strictObject({
    replicas,
    resources: computeResourcesSchema,
    autoscaling: z.strictObject({
        enabled: z.boolean(),
        minReplicas: replicas,
        maxReplicas: replicas,
        targetCpuUtilizationPercent: wholeRange(1, 100),
        targetMemoryUtilizationPercent: wholeRange(1, 100),
    }).superRefine(autoscalingRange, EVERY_PASS),
    disruptionBudget: z.strictObject({ enabled: z.boolean(), maxUnavailable: atLeast(1) }),
    rollingUpdate: z.strictObject({ maxSurge: intOrPercent(), maxUnavailable: intOrPercent(100) }).superRefine(rolloutCanProgress, EVERY_PASS),
});

const teamSchema = z.strictObject({
    name: teamName,
    group: z.string().min(1),
    costCenter: z.string().min(1),
    /** Argo CD AppProject sourceRepos: URLs or globs; a bare "*" only in dev (load.ts). */
    sourceRepos: z.array(repositoryUrl(/./, "must not be empty")),
});

const tenancySchema = z.strictObject({
    podSecurityLevel: z.enum(POD_SECURITY_LEVELS),
    quota: z.strictObject({
        requestsCpu: cpu,
        requestsMemory: bytes,
        limitsCpu: cpu,
        limitsMemory: bytes,
        pods: atLeast(1),
    }).superRefine(quotaRequestsWithinLimits, EVERY_PASS),
    containerDefaults: computeResourcesSchema,
    teams: z.array(teamSchema).min(1).superRefine(uniqueTeams, EVERY_PASS_ARRAY),
});

const meshRevisionSchema = z.strictObject({
    name: dnsLabel,
    version: z.string().refine(isIstioRelease, {
        message: `must be an Istio release pinned in infra/charts.ts (ISTIO_RELEASES): ${ISTIO_RELEASES.join(", ")}`,
    }),
});

/** The default revision and every team's revision must be installed; installed ones at most one minor apart. */
function checkMeshRevisions(m: { revision: string; revisions: { name: string; version: string }[]; teamRevisions?: Record<string, string> },
    ctx: z.core.$RefinementCtx): void {
    if (!Array.isArray(m.revisions)) return;
    const names = m.revisions.map((r) => r?.name);
    const installed = `must be one of the installed revisions (mesh.revisions): ${names.join(", ")}`;
    names.forEach((name, i) => {
        if (names.indexOf(name) !== i) ctx.addIssue({ code: "custom", path: ["revisions", i, "name"], message: `revision "${name}" is listed twice` });
    });
    // A value that already fails its own rule is reported once, by that rule.
    if (dnsLabel.safeParse(m.revision).success && !names.includes(m.revision)) {
        ctx.addIssue({ code: "custom", path: ["revision"], message: installed });
    }
    for (const [team, revision] of Object.entries(m.teamRevisions ?? {})) {
        if (dnsLabel.safeParse(revision).success && !names.includes(revision)) {
            ctx.addIssue({ code: "custom", path: ["teamRevisions", team], message: installed });
        }
    }
    const versions = m.revisions.map((r) => r?.version).filter((v): v is string => typeof v === "string" && isIstioRelease(v));
    for (const a of versions) {
        for (const b of versions) {
            if (compareVersions(a, b) < 0 && minorSkew(a, b) > MAX_MINOR_SKEW) {
                ctx.addIssue({
                    code: "custom", path: ["revisions"],
                    message: `${a} and ${b} are more than one minor version apart; Istio upgrades one minor version at a time`,
                });
            }
        }
    }
}

const meshSchema = z.strictObject({
    enabled: z.boolean(),
    revision: dnsLabel,
    revisions: z.array(meshRevisionSchema)
        .min(1, { message: "must list at least the default revision's control plane" })
        .max(MAX_REVISIONS, { message: `at most ${MAX_REVISIONS} control planes: the current one and one canary` }),
    teamRevisions: z.record(dnsLabel, dnsLabel).optional(),
    mtlsMode: z.enum(["STRICT", "PERMISSIVE"]),
    tracingSamplingPercent: percent,
    accessLogging: z.boolean(),
    istiodReplicas: replicas,
    gatewayReplicas: replicas,
    gatewayTlsSecretName: dnsLabel,
    gatewayHosts: z.array(host).min(1),
    edgeAuth: edgeAuthSchema,
    rateLimit: rateLimitSchema,
    kiali: kialiSchema(computeResourcesSchema),
}).superRefine(checkMeshRevisions, EVERY_PASS);

/** Only tenant teams can be moved to another revision. */
function checkMeshTeams(p: { mesh: { teamRevisions?: Record<string, string> }; tenancy: { teams: { name: string }[] } },
    ctx: z.core.$RefinementCtx): void {
    if (!Array.isArray(p.tenancy?.teams) || !p.mesh) return;
    const teams = p.tenancy.teams.map((t) => t?.name);
    for (const team of Object.keys(p.mesh?.teamRevisions ?? {})) {
        if (!teams.includes(team)) {
            ctx.addIssue({ code: "custom", path: ["mesh", "teamRevisions", team], message: `"${team}" is not a tenant team; accepted: ${teams.join(", ")}` });
        }
    }
}

const monitoringSchema = z.strictObject({
    enabled: z.boolean(),
    prometheusReplicas: replicas,
    retention: duration,
    storageSize: bytes,
    prometheusResources: computeResourcesSchema,
    alertmanagerReplicas: replicas,
    grafanaReplicas: replicas,
});

const tracingSchema = z.strictObject({
    enabled: z.boolean(),
    storage: z.enum(["memory", "elasticsearch"]),
    replicas,
    resources: computeResourcesSchema,
});

const loggingSchema = z.strictObject({
    enabled: z.boolean(),
    elasticsearchNodes: replicas,
    elasticsearchStorageSize: bytes,
    elasticsearchResources: computeResourcesSchema,
    kibanaReplicas: replicas,
    retentionDays: atLeast(1),
});

const gitopsSchema = z.strictObject({
    enabled: z.boolean(),
    highAvailability: z.boolean(),
    rootApp: z.strictObject({
        repoURL: repositoryUrl(/^(https:\/\/|ssh:\/\/|git@)/, "must be an https://, ssh:// or git@ URL"),
        path: z.string().min(1),
        targetRevision: z.string().min(1),
    }),
    syncPolicy: z.strictObject({ automated: z.boolean(), prune: z.boolean(), selfHeal: z.boolean() }),
});

/** A Go duration (what Istio takes), not negative. */
const meshDuration = z.string().refine((v) => (goDurationMilliseconds(v) ?? -1) >= 0, {
    message: 'must be a duration such as "500ms", "5s", "1m" or "1h30m" (units h, m, s, ms, us, ns)',
});

const deliverySchema = z.strictObject({
    strategy: z.enum(DELIVERY_STRATEGIES),
    rolling: z.strictObject({ maxSurge: intOrPercent().optional(), maxUnavailable: intOrPercent(100).optional() })
        .superRefine(rolloutCanProgress, EVERY_PASS).optional(),
    canary: z.strictObject({
        weight: wholeRange(0, 100),
        image: pinnedImage.optional(),
        replicas: replicas.optional(),
    }).optional(),
    blueGreen: z.strictObject({
        active: z.enum(DELIVERY_COLORS),
        images: z.strictObject({ blue: pinnedImage.optional(), green: pinnedImage.optional() }).optional(),
    }).optional(),
}).superRefine((d, ctx) => {
    // Only the chosen strategy's block is read; it must be there.
    if (d.strategy === "canary" && !d.canary) {
        ctx.addIssue({ code: "custom", path: ["canary"], message: 'is required when strategy is "canary" (set canary.weight, 0-100)' });
    }
    if (d.strategy === "blueGreen" && !d.blueGreen) {
        ctx.addIssue({ code: "custom", path: ["blueGreen"], message: 'is required when strategy is "blueGreen" (set blueGreen.active: blue or green)' });
    }
}, EVERY_PASS);

const shopServiceSchema = z.strictObject({
    delivery: deliverySchema.optional(),
    slo: numberFrom(number().min(50, { message: "must be a percentage from 50 to below 100, e.g. 99.9" })
        .lt(100, { message: "must be a percentage from 50 to below 100, e.g. 99.9" })).optional(),
    faultInjection: z.strictObject({
        delay: z.strictObject({ percent, fixedDelay: meshDuration }).optional(),
        abort: z.strictObject({ percent, httpStatus: wholeRange(200, 599, "must be an HTTP status 200-599, e.g. 503") }).optional(),
    }).optional(),
    edge: edgeRouteSchema.optional(),
});

const shopSchema = z.strictObject({
    enabled: z.boolean(),
    team: dnsLabel,
    image: pinnedImage,
    services: z.partialRecord(z.enum(SHOP_SERVICE_NAMES), shopServiceSchema),
});

export const profileSchema = z.strictObject({
    workloads: workloadsSchema,
    tenancy: tenancySchema,
    mesh: meshSchema,
    monitoring: monitoringSchema,
    tracing: tracingSchema,
    logging: loggingSchema,
    gitops: gitopsSchema,
    shop: shopSchema,
    protectStatefulData: z.boolean(),
    /** Checked with httpChartRepositories, below. */
    chartRepositories: z.partialRecord(chartKey, z.string()),
    /** Chart key -> why its mirror may use plain http (no TLS on an air-gapped network, ...). */
    httpChartRepositories: z.partialRecord(chartKey, z.string().min(10, { message: "must give the reason http is acceptable" })).optional(),
    chartValues: z.partialRecord(chartKey, z.record(z.string(), z.unknown())),
})
    .superRefine(checkMeshTeams, EVERY_PASS)
    .superRefine(profileConsistency, EVERY_PASS)
    .superRefine((p, ctx) => chartRepositoriesUseHttps(p, ctx, invalidChartRepositoryReason), EVERY_PASS)
    .superRefine(checkEdge(PUBLIC_SHOP_SERVICES, JWT_SHOP_SERVICES), EVERY_PASS);

export const providerSchema = z.strictObject({
    context: z.string().min(1).optional(),
    renderYamlToDirectory: z.string().min(1).optional(),
});
