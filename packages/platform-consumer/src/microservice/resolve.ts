// Checks a Microservice's arguments and completes them with the workload defaults, before any
// resource is registered: a bad service definition fails with a message naming the service and
// field. Settings a stack can also set are checked with the schemas in ./settings, so a rule says
// the same thing whichever way the value arrived. The builders take the result, never the raw args.
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { EVERY_PASS, pinnedImage, replicas as replicaCount } from "../shared/fields";
import { formatIssues } from "../shared/issues";
import { isLabelValue, parseImageReference } from "@reference-platform/grammar";
import { ComputeResources, computeResourcesSchema } from "../shared/resources";
import { HttpProbe, MicroserviceArgs, RedMetricNames, TrafficSettings } from "./args";
import { egressGatewayProblems } from "./external";
import { ResolvedDelivery, resolveDelivery } from "./delivery/strategy";
import { deliveryTracks } from "./delivery/tracks";
import { limitRangeProblems, PodBudget, quotaProblems } from "./namespaceLimits";
import { crossTeamDeclarationsNameTeams, probesNameContainerPorts, serviceFields } from "./serviceSchema";
import { DEFAULT_SECRET_MOUNT_PATH, secretsFitService } from "./secrets";
import { ResolvedEdge, resolveEdge } from "./edge/resolve";
import { Objectives, resolveObjectives } from "./observability/objectives";
import { DEFAULT_RED_METRICS } from "./observability/promql";
import { resolveTraffic } from "./routing/traffic";
import {
    DeliverySettings, deliverySettingsSchema, disruptionBudgetSchema, edgeSchema, faultInjectionSchema,
    rollingUpdateSchema, ServiceAutoscalingSettings, serviceAutoscalingSchema, sloSchema,
} from "./settings";

/** The Microservice's arguments, checked and completed: what every builder of its objects reads. */
export interface ResolvedMicroservice extends Omit<MicroserviceArgs,
    "serviceName" | "resources" | "replicas" | "autoscaling" | "disruptionBudget" | "probes" | "callers" | "calls" | "accepts" | "writablePaths" |
    "runAsUser" | "runAsGroup" | "delivery" | "traffic" | "slo" | "alertThresholds" | "redMetrics" | "edge" | "defaults" | "secrets"> {
    name: string;
    public: boolean;
    resources: ComputeResources;
    replicas: number;
    autoscaling: ServiceAutoscalingSettings;
    disruptionBudget: { enabled: boolean; maxUnavailable: number };
    probes: { liveness: HttpProbe; readiness: HttpProbe; startup: HttpProbe };
    callers: string[];
    /** Services of other teams it calls, "<team>/<service>" (empty: none). */
    calls: string[];
    /** Callers of other teams it accepts, "<team>/<service>" or "<team>" (empty: none). */
    accepts: string[];
    writablePaths: string[];
    /** The declared secrets, each with its mount directory. */
    secrets: ResolvedSecret[];
    runAsUser: number;
    runAsGroup: number;
    automountServiceAccountToken: boolean;
    imageVersion: string;
    delivery: ResolvedDelivery;
    traffic: TrafficSettings;
    objectives: Objectives;
    redMetrics: RedMetricNames;
    /** Present for a public service given `edge`. */
    edge?: ResolvedEdge;
}

export interface ResolvedSecret {
    name: string;
    remoteKey: string;
    property?: string;
    mountPath: string;
    env?: string;
}

/** Above the system range and the usual distro users, so it never maps to a real account. */
const DEFAULT_UID = 10001;

/**
 * A program's Microservice mistakes, every one of them, by service. Under `pulumi up` the engine
 * prints it as it is, without a stack trace.
 */
export class MicroserviceError extends pulumi.RunError {
    constructor(readonly problems: Readonly<Record<string, string[]>>) {
        super(Object.entries(problems)
            .map(([service, list]) => `Microservice "${service}" is invalid:\n${list.map((p) => `  - ${p}`).join("\n")}`).join("\n"));
        this.name = "MicroserviceError";
    }
}

/** The arguments' settings after the defaults, in the shape the settings schemas check. */
const settingsSchema = z.object({
    ...serviceFields,
    image: pinnedImage,
    replicas: replicaCount,
    resources: computeResourcesSchema,
    autoscaling: serviceAutoscalingSchema,
    disruptionBudget: disruptionBudgetSchema,
    rollingUpdate: rollingUpdateSchema,
    delivery: deliverySettingsSchema.optional(),
    faultInjection: faultInjectionSchema.optional(),
    slo: sloSchema.optional(),
    edge: edgeSchema.optional(),
}).superRefine(probesNameContainerPorts, EVERY_PASS).superRefine(secretsFitService, EVERY_PASS)
    .superRefine(crossTeamDeclarationsNameTeams, EVERY_PASS);

/** A label-safe version: the tag, or the digest's first 12 hex characters. */
export function imageVersion(image: string): string {
    const parsed = parseImageReference(image);
    if (!parsed.ok) return "";
    return parsed.ref.tag ?? (parsed.ref.digest ?? "").replace(/^[^:]*:/, "").slice(0, 12);
}

/** A service's arguments checked and completed, or every problem with them (field: message). */
export type CheckedMicroservice = { ok: true; service: ResolvedMicroservice } | { ok: false; problems: string[] };

export function checkMicroservice(name: string, args: MicroserviceArgs): CheckedMicroservice {
    const defaults = args.defaults;
    const candidate = {
        name,
        namespace: args.namespace,
        team: args.team,
        environment: args.environment,
        partOf: args.partOf,
        component: args.component,
        image: args.image,
        ports: args.ports,
        command: args.command,
        args: args.args,
        env: args.env,
        secretEnv: args.secretEnv,
        secrets: args.secrets ?? [],
        probes: args.probes,
        public: args.public,
        external: args.external,
        writablePaths: args.writablePaths ?? ["/tmp"],
        runAsUser: args.runAsUser ?? DEFAULT_UID,
        runAsGroup: args.runAsGroup ?? DEFAULT_UID,
        automountServiceAccountToken: args.automountServiceAccountToken ?? false,
        clusterDomain: args.clusterDomain,
        replicas: args.replicas ?? defaults.replicas,
        resources: args.resources ?? defaults.resources,
        autoscaling: { ...defaults.autoscaling, ...args.autoscaling },
        disruptionBudget: { ...defaults.disruptionBudget, ...args.disruptionBudget },
        rollingUpdate: { ...defaults.rollingUpdate, ...args.delivery?.rolling },
        delivery: args.delivery,
        faultInjection: args.faultInjection,
        slo: args.slo,
        callers: args.callers ?? [],
        calls: args.calls ?? [],
        accepts: args.accepts ?? [],
        teamNamespaces: args.teamNamespaces,
        edge: args.edge,
    };
    const checked = settingsSchema.safeParse(candidate);
    const problems = checked.success ? []
        // secretEnv's values are secret whatever their form; an env value that is an Output is never printed either.
        : formatIssues("", settingsSchema, checked.error.issues, candidate, { isSecret: (path) => path[0] === "secretEnv" });

    const traffic = resolveTraffic(args.traffic, problems);
    const objectives = resolveObjectives(args.slo, args.alertThresholds, problems);
    problems.push(...integrationProblems(args, checked.data?.delivery));
    const version = checked.success ? imageVersion(args.image) : "";
    if (!isLabelValue(version)) {
        problems.push(`image: its tag becomes the app.kubernetes.io/version label, whose value is at most 63 characters: use a shorter tag or a digest (got ${JSON.stringify(args.image)})`);
    }
    const teamNamespace = args.namespaceLimits?.namespace;
    if (teamNamespace !== undefined && typeof args.namespace === "string" && args.namespace !== teamNamespace) {
        problems.push(`namespace: is not team "${args.team}"'s namespace "${teamNamespace}" (the platform gives the team only its own namespace); ` +
            `use settings.namespace (got ${JSON.stringify(args.namespace)})`);
    }
    const edge = resolveEdge(checked.data?.edge ?? args.edge, args.public ?? false, problems);
    if (edge?.requireJwt && args.mesh && !args.mesh.gatewayWorkloadSelector) {
        problems.push("mesh.gatewayWorkloadSelector: edge.requireJwt needs the ingress gateway pods' labels");
    }
    if (args.mesh?.egressGateway) problems.push(...egressGatewayProblems(args.external ?? []));
    if (!checked.success || problems.length > 0) return { ok: false, problems };

    const settings = checked.data;
    const { serviceName: _serviceName, defaults: _defaults, alertThresholds: _alertThresholds, edge: _edge, ...rest } = args;
    const service: ResolvedMicroservice = {
        ...rest,
        name,
        public: args.public ?? false,
        resources: settings.resources,
        replicas: settings.replicas,
        autoscaling: settings.autoscaling,
        disruptionBudget: settings.disruptionBudget,
        probes: {
            liveness: { path: "/healthz", periodSeconds: 10, failureThreshold: 3, ...args.probes?.liveness },
            readiness: { path: "/readyz", periodSeconds: 5, failureThreshold: 3, ...args.probes?.readiness },
            // Generous startup window so slow starts are not killed by the liveness probe.
            startup: { path: "/healthz", periodSeconds: 2, failureThreshold: 30, ...args.probes?.startup },
        },
        callers: settings.callers,
        calls: settings.calls,
        accepts: settings.accepts,
        writablePaths: settings.writablePaths,
        secrets: settings.secrets.map((s) => ({ ...s, mountPath: s.mountPath ?? DEFAULT_SECRET_MOUNT_PATH })),
        runAsUser: settings.runAsUser,
        runAsGroup: settings.runAsGroup,
        automountServiceAccountToken: settings.automountServiceAccountToken,
        imageVersion: imageVersion(args.image),
        delivery: resolveDelivery(settings.delivery, args.image, settings.rollingUpdate),
        traffic,
        objectives,
        redMetrics: { ...DEFAULT_RED_METRICS, ...args.redMetrics },
        ...(edge ? { edge } : {}),
    };
    const limits = args.namespaceLimits;
    const budgetProblems = limits ? [...limitRangeProblems(service.resources, limits), ...quotaProblems([podBudget(service)], limits)] : [];
    return budgetProblems.length > 0 ? { ok: false, problems: budgetProblems } : { ok: true, service };
}

/** What the service's pods ask of its namespace in their steady state: every delivery track at its replicas. */
export function podBudget(service: ResolvedMicroservice): PodBudget {
    const pods = deliveryTracks(service).reduce((sum, track) => sum + (track.autoscaled ? service.autoscaling.minReplicas : track.replicas), 0);
    return { service: service.name, pods, resources: service.resources };
}

/** Settings that the mesh, monitoring or delivery mode the service runs with would silently ignore or break. */
function integrationProblems(args: MicroserviceArgs, delivery: DeliverySettings | undefined): string[] {
    const problems: string[] = [];
    if (args.monitoring?.mtlsScrape && !args.mesh) {
        problems.push("monitoring.mtlsScrape: scraping over mesh mTLS needs the mesh (mesh is not set)");
    }
    if (args.mesh && args.public && args.mesh.gatewayHosts.length === 0) {
        problems.push("mesh.gatewayHosts: a public service needs at least one host name");
    }
    if (!args.mesh && delivery?.strategy === "canary" && delivery.canary) {
        problems.push(`delivery.canary.weight: only the mesh splits traffic by weight, and the service does not join one: without it the ` +
            `Service spreads requests over every pod, so the canary's pods take their share of all pods whatever the weight; ` +
            `use strategy "rolling" or "blueGreen" here, or join the mesh (got ${JSON.stringify(delivery.canary.weight)})`);
    }
    const autoscaling = { ...args.defaults.autoscaling, ...args.autoscaling };
    if (args.replicas !== undefined && autoscaling.enabled === true) {
        problems.push(`replicas: autoscaling is on, so the HorizontalPodAutoscaler owns the replica count and this would be ignored; ` +
            `set autoscaling.minReplicas, or autoscaling.enabled: false for a fixed count (got ${JSON.stringify(args.replicas)})`);
    }
    if (autoscaling.scaleOn === "requestRate") problems.push(...requestRateProblems(args, autoscaling.enabled));
    if (delivery?.strategy === "progressive") problems.push(...progressiveProblems(args));
    if ((args.secrets?.length ?? 0) > 0 && !args.secretStore) {
        problems.push("secrets: they are read from the platform's secret store, and secretStore is not set (the platform stack runs no External Secrets Operator)");
    }
    for (const field of ["traffic", "faultInjection"] as const) {
        if (!args.mesh && args[field] !== undefined) {
            problems.push(`${field}: the mesh applies it, and the service does not join one, so it would be ignored; remove it or join the mesh`);
        }
    }
    return problems;
}

/** Why scaling on the request rate cannot work as the service is set up (empty: it can). */
function requestRateProblems(args: MicroserviceArgs, autoscalingEnabled: unknown): string[] {
    const problems: string[] = [];
    const got = '(got scaleOn "requestRate")';
    if (autoscalingEnabled === false) {
        problems.push(`autoscaling.scaleOn: autoscaling is off (autoscaling.enabled false), so nothing would scale on it; set scaleOn "resources" or turn autoscaling on ${got}`);
    }
    if (!args.requestScaling) {
        problems.push(`autoscaling.scaleOn: KEDA scales on the request rate, and requestScaling is not set (the platform stack runs no KEDA: platform:requestScaling.enabled) ${got}`);
    }
    if (!args.mesh) {
        problems.push(`autoscaling.scaleOn: the mesh's sidecars count the requests, and the service does not join one; join the mesh or scale on cpu and memory ${got}`);
    }
    return problems;
}

/** Why an automated canary cannot work as the service is set up (empty: it can). */
function progressiveProblems(args: MicroserviceArgs): string[] {
    const problems: string[] = [];
    const got = '(got strategy "progressive")';
    if (!args.progressiveDelivery) {
        problems.push(`delivery.strategy: Argo Rollouts runs automated canaries, and progressiveDelivery is not set ` +
            `(the platform stack runs no Argo Rollouts: platform:progressiveDelivery.enabled) ${got}`);
    }
    if (!args.mesh) {
        problems.push(`delivery.strategy: the mesh moves the canary's weight and measures it, and the service does not join one; ` +
            `join the mesh or use "rolling" or "blueGreen" ${got}`);
    }
    if (!args.monitoring) {
        problems.push(`delivery.strategy: the canary's analysis reads the mesh's metrics from Prometheus, and monitoring is not set ${got}`);
    }
    return problems;
}

/** The arguments checked and completed; throws a MicroserviceError naming every problem. */
export function resolveMicroservice(name: string, args: MicroserviceArgs): ResolvedMicroservice {
    const checked = checkMicroservice(name, args);
    if (!checked.ok) throw new MicroserviceError({ [name]: checked.problems });
    return checked.service;
}
