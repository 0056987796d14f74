// The Microservice's settings contract: the workload defaults it is given, and the per-service
// delivery, SLO and fault-injection settings a stack may set. The platform's stack config composes
// these schemas (platform:workloads, platform:shop.services.<name>), and the Microservice checks its
// own arguments with the same ones, so each rule is written once and says the same thing.
import { z } from "zod";
import {
    atLeast, claimName, EVERY_PASS, intOrPercent, isRecord, isZeroIntOrPercent, number, numberFrom, percent, pinnedImage, replicas, wholeRange,
} from "../shared/fields";
import { computeResourcesSchema } from "../shared/resources";
import { durationMillis } from "./routing/duration";

type Ctx = z.core.$RefinementCtx;

/** Kubernetes rejects a rolling update with maxSurge and maxUnavailable both 0. */
export function rolloutCanProgress(rollout: unknown, ctx: Ctx): void {
    if (isRecord(rollout) && isZeroIntOrPercent(rollout.maxSurge) && isZeroIntOrPercent(rollout.maxUnavailable)) {
        ctx.addIssue({ code: "custom", path: ["maxSurge"], message: "is 0 and so is maxUnavailable: a rollout could never start; set one of them above 0" });
    }
}

function autoscalingRange(autoscaling: unknown, ctx: Ctx): void {
    if (isRecord(autoscaling) && Number.isInteger(autoscaling.minReplicas) && Number.isInteger(autoscaling.maxReplicas) && autoscaling.maxReplicas < autoscaling.minReplicas) {
        ctx.addIssue({ code: "custom", path: ["maxReplicas"], message: `is below minReplicas ${autoscaling.minReplicas}` });
    }
}

export const rollingUpdateSchema = z.strictObject({ maxSurge: intOrPercent(), maxUnavailable: intOrPercent(100) })
    .superRefine(rolloutCanProgress, EVERY_PASS);

const autoscalingFields = {
    enabled: z.boolean(),
    minReplicas: replicas,
    maxReplicas: replicas,
    targetCpuUtilizationPercent: wholeRange(1, 100),
    targetMemoryUtilizationPercent: wholeRange(1, 100),
};

/** The platform's autoscaling defaults (platform:workloads.autoscaling): on cpu and memory. */
export const autoscalingSchema = z.strictObject(autoscalingFields).superRefine(autoscalingRange, EVERY_PASS);

/** What an autoscaled service scales on: cpu and memory (an HPA), or the mesh's request rate (KEDA). */
export const SCALING_SIGNALS = ["resources", "requestRate"] as const;

/** Scaling on traffic: the requests per second each pod should receive, as the mesh counts them. */
export const requestRateScalingSchema = z.strictObject({
    targetPerPod: numberFrom(number().positive({ message: "must be above 0 (requests per second each pod should receive)" })),
});

/**
 * How a service picks its signal. Only the chosen signal's block is read, so a stack can switch
 * back to "resources" without deleting requestRate; a requestRate block with no scaleOn is refused
 * rather than silently ignored.
 */
const scalingSignalFields = {
    scaleOn: z.enum(SCALING_SIGNALS).optional(),
    requestRate: requestRateScalingSchema.optional(),
};

function signalHasItsBlock(autoscaling: unknown, ctx: Ctx): void {
    if (!isRecord(autoscaling)) return;
    if (autoscaling.scaleOn === "requestRate" && autoscaling.requestRate === undefined) {
        ctx.addIssue({ code: "custom", path: ["requestRate"], message: 'is required when scaleOn is "requestRate" (set requestRate.targetPerPod)' });
    }
    if (autoscaling.scaleOn === undefined && autoscaling.requestRate !== undefined) {
        ctx.addIssue({ code: "custom", path: ["scaleOn"], message: 'is not set, so requestRate would be ignored: set scaleOn "requestRate" to scale on it, or "resources"' });
    }
}

/** A stack's choice of signal for one service (platform:shop.services.<name>.autoscaling). */
export const scalingSignalSchema = z.strictObject(scalingSignalFields).superRefine(signalHasItsBlock, EVERY_PASS);

/** One service's autoscaling: the defaults' fields and its signal. */
export const serviceAutoscalingSchema = z.strictObject({ ...autoscalingFields, ...scalingSignalFields })
    .superRefine(autoscalingRange, EVERY_PASS).superRefine(signalHasItsBlock, EVERY_PASS);

export const disruptionBudgetSchema = z.strictObject({ enabled: z.boolean(), maxUnavailable: atLeast(1) });

/** Defaults applied to every Microservice unless the service overrides them (platform:workloads). */
export const workloadDefaultsSchema = z.strictObject({
    replicas,
    resources: computeResourcesSchema,
    autoscaling: autoscalingSchema,
    disruptionBudget: disruptionBudgetSchema,
    rollingUpdate: rollingUpdateSchema,
});

export const DELIVERY_STRATEGIES = ["rolling", "canary", "blueGreen", "progressive"] as const;
export const DELIVERY_COLORS = ["blue", "green"] as const;

/** A canary's analysis runs at least this often apart: the mesh's Envoys are scraped every 30s, and a rate needs two samples. */
export const MIN_ANALYSIS_INTERVAL_MS = 60_000;

const analysisInterval = z.string().refine((v) => (durationMillis(v) ?? 0) >= MIN_ANALYSIS_INTERVAL_MS, {
    message: 'must be a duration of at least 1m such as "1m", "90s" or "2m" (the mesh is scraped every 30s; a rate needs two samples)',
});

function stepWithinMaximum(progressive: unknown, ctx: Ctx): void {
    if (isRecord(progressive) && Number.isInteger(progressive.stepWeight) && Number.isInteger(progressive.maxWeight)
        && progressive.stepWeight > progressive.maxWeight) {
        ctx.addIssue({ code: "custom", path: ["stepWeight"], message: `is above maxWeight ${progressive.maxWeight}: the first step would pass the maximum` });
    }
}

/**
 * progressive: Argo Rollouts moves the weight by itself. Each interval it reads the canary pods'
 * success rate and p99 latency from the mesh's metrics; it adds stepWeight while they hold, up to
 * maxWeight, then promotes; after failedChecks failed readings it rolls back.
 */
export const progressiveDeliverySchema = z.strictObject({
    /** Percent of requests added to the canary at each step (1-100). */
    stepWeight: wholeRange(1, 100),
    /** The canary's last weight before promotion (1-100). */
    maxWeight: wholeRange(1, 100),
    /** How long each step lasts, and how often the analysis reads the metrics. */
    interval: analysisInterval,
    /** Lowest share of the canary's requests, in percent (0-100), that must not answer 5xx. */
    successRate: percent,
    /** Highest p99 latency of the canary's requests, as the mesh measures it: "500ms", "1s". */
    latencyP99: z.string().refine((v) => (durationMillis(v) ?? 0) > 0, { message: 'must be a duration above zero such as "500ms" or "1s"' }),
    /** Failed readings (of either metric) after which the canary is rolled back; default 2. */
    failedChecks: atLeast(1).optional(),
}).superRefine(stepWithinMaximum, EVERY_PASS);

/**
 * How a service's new versions reach users. Only the block of the chosen strategy is read, so a
 * stack can switch strategy without deleting the other blocks. Moving `canary.weight` or
 * `blueGreen.active` never renames (and so never replaces) a Deployment.
 */
export const deliverySettingsSchema = z.strictObject({
    strategy: z.enum(DELIVERY_STRATEGIES),
    /** rolling (and each track's own rollout): overrides the workload defaults' rollingUpdate. */
    rolling: z.strictObject({ maxSurge: intOrPercent().optional(), maxUnavailable: intOrPercent(100).optional() })
        .superRefine(rolloutCanProgress, EVERY_PASS).optional(),
    /** canary: percent of requests (0-100) sent to the `<name>-canary` Deployment, and what it runs. */
    canary: z.strictObject({
        weight: wholeRange(0, 100),
        image: pinnedImage.optional(),
        replicas: replicas.optional(),
    }).optional(),
    /** blueGreen: the colour serving users; each colour's image (default: the service image). */
    blueGreen: z.strictObject({
        active: z.enum(DELIVERY_COLORS),
        images: z.strictObject({ blue: pinnedImage.optional(), green: pinnedImage.optional() }).optional(),
    }).optional(),
    /** progressive: automated canary steps and the analysis that promotes or rolls back (Argo Rollouts). */
    progressive: progressiveDeliverySchema.optional(),
}).superRefine((delivery, ctx) => {
    // Only the chosen strategy's block is read; it must be there.
    if (delivery.strategy === "canary" && !delivery.canary) {
        ctx.addIssue({ code: "custom", path: ["canary"], message: 'is required when strategy is "canary" (set canary.weight, 0-100)' });
    }
    if (delivery.strategy === "blueGreen" && !delivery.blueGreen) {
        ctx.addIssue({ code: "custom", path: ["blueGreen"], message: 'is required when strategy is "blueGreen" (set blueGreen.active: blue or green)' });
    }
    if (delivery.strategy === "progressive" && !delivery.progressive) {
        ctx.addIssue({
            code: "custom", path: ["progressive"],
            message: 'is required when strategy is "progressive" (set stepWeight, maxWeight, interval, successRate and latencyP99)',
        });
    }
}, EVERY_PASS);

/** An Envoy duration: "500ms", "5s", "1m". */
export const meshDuration = z.string().refine((v) => durationMillis(v) !== undefined, { message: 'must be a duration such as "500ms", "5s" or "1m"' });

/** Faults the mesh injects into a service's requests, for resilience drills. Off unless set. */
export const faultInjectionSchema = z.strictObject({
    delay: z.strictObject({ percent, fixedDelay: meshDuration }).optional(),
    abort: z.strictObject({ percent, httpStatus: wholeRange(200, 599, "must be an HTTP status 200-599, e.g. 503") }).optional(),
});

const SLO_RANGE = "must be a percentage from 50 to below 100, e.g. 99.9";
/** Availability SLO in percent (e.g. 99.9): drives the burn-rate alerts. */
export const sloSchema = numberFrom(number().min(50, { message: SLO_RANGE }).lt(100, { message: SLO_RANGE }));

const edgeRouteFields = {
    /** A valid token from a trusted issuer is required on the service's public routes. */
    requireJwt: z.boolean().optional(),
    /** Claim -> accepted values (any one); implies requireJwt. */
    claims: z.record(claimName, z.array(z.string().min(1)).min(1, { message: "must list at least one accepted value" })).optional(),
};

function claimsNeedToken(edge: unknown, ctx: Ctx): void {
    if (isRecord(edge) && edge.requireJwt === false && edge.claims !== undefined) {
        ctx.addIssue({ code: "custom", path: ["claims"], message: "claims are read from a token: drop them or set requireJwt true" });
    }
}

/** A public service's edge controls a stack may set (platform:shop.services.<name>.edge). */
export const edgeRouteSchema = z.strictObject(edgeRouteFields).superRefine(claimsNeedToken, EVERY_PASS);

const PATH_PREFIX = /^\/[A-Za-z0-9._~\-/]*[A-Za-z0-9._~-]$/;

/** A public service's edge controls: the route settings plus the path prefixes served at the gateway. */
export const edgeSchema = z.strictObject({
    /** Path prefixes served at the gateway, rewritten to "/" for the service; unset: every path. */
    paths: z.array(z.string().regex(PATH_PREFIX, { message: "must be a path prefix such as /api/orders (leading '/', no trailing '/', no wildcards)" }))
        .min(1, { message: "list at least one path prefix, or leave it unset for every path" }).optional(),
    ...edgeRouteFields,
}).superRefine(claimsNeedToken, EVERY_PASS);

export type RollingUpdate = z.output<typeof rollingUpdateSchema>;
export type AutoscalingSettings = z.output<typeof autoscalingSchema>;
export type ServiceAutoscalingSettings = z.output<typeof serviceAutoscalingSchema>;
export type RequestRateScaling = z.output<typeof requestRateScalingSchema>;
export type WorkloadDefaults = z.output<typeof workloadDefaultsSchema>;
export type DeliverySettings = z.output<typeof deliverySettingsSchema>;
export type DeliveryStrategy = DeliverySettings["strategy"];
export type DeliveryColor = (typeof DELIVERY_COLORS)[number];
export type ProgressiveDelivery = z.output<typeof progressiveDeliverySchema>;
export type FaultInjectionSettings = z.output<typeof faultInjectionSchema>;
export type EdgeRouteSettings = z.output<typeof edgeRouteSchema>;
/** Edge controls of a public service; unset paths mean every path of the gateway's hosts. */
export type EdgeArgs = z.output<typeof edgeSchema>;

/** A service's hosts outside the cluster (Microservice `external`), for settings that declare them. */
export { externalDependenciesSchema } from "./external";
