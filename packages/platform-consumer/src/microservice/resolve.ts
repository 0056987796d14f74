// Checks a Microservice's arguments and completes them with the workload defaults, before any
// resource is registered: a bad service definition fails with a message naming the service and
// field. Settings a stack can also set are checked with the schemas in ./settings, so a rule says
// the same thing whichever way the value arrived. The builders take the result, never the raw args.
import { z } from "zod";
import { dnsLabel, pinnedImage, replicas as replicaCount } from "../shared/fields";
import { formatIssues } from "../shared/issues";
import { parseImageReference } from "@reference-platform/grammar";
import { ComputeResources, computeResourcesSchema } from "../shared/resources";
import { HttpProbe, MicroserviceArgs, RedMetricNames, TrafficSettings } from "./args";
import { ResolvedDelivery, resolveDelivery } from "./delivery/strategy";
import { ResolvedEdge, resolveEdge } from "./edge/resolve";
import { Objectives, resolveObjectives } from "./observability/objectives";
import { DEFAULT_RED_METRICS } from "./observability/promql";
import { resolveTraffic } from "./routing/traffic";
import {
    AutoscalingSettings, autoscalingSchema, deliverySettingsSchema, disruptionBudgetSchema, edgeSchema, faultInjectionSchema,
    rollingUpdateSchema, sloSchema,
} from "./settings";

/** The Microservice's arguments, checked and completed: what every builder of its objects reads. */
export interface ResolvedMicroservice extends Omit<MicroserviceArgs,
    "serviceName" | "resources" | "replicas" | "autoscaling" | "disruptionBudget" | "probes" | "callers" | "writablePaths" |
    "runAsUser" | "runAsGroup" | "delivery" | "traffic" | "slo" | "alertThresholds" | "redMetrics" | "edge" | "defaults"> {
    name: string;
    public: boolean;
    resources: ComputeResources;
    replicas: number;
    autoscaling: AutoscalingSettings;
    disruptionBudget: { enabled: boolean; maxUnavailable: number };
    probes: { liveness: HttpProbe; readiness: HttpProbe; startup: HttpProbe };
    callers: string[];
    writablePaths: string[];
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

/** Above the system range and the usual distro users, so it never maps to a real account. */
const DEFAULT_UID = 10001;
const PORT_NAME = /^[a-z0-9]([-a-z0-9]{0,13}[a-z0-9])?$/;

export class MicroserviceError extends Error {
    constructor(service: string, problems: string[]) {
        super(`Microservice "${service}" is invalid:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
        this.name = "MicroserviceError";
    }
}

/** The arguments' settings after the defaults, in the shape the settings schemas check. */
const settingsSchema = z.object({
    name: dnsLabel,
    image: pinnedImage,
    replicas: replicaCount,
    resources: computeResourcesSchema,
    autoscaling: autoscalingSchema,
    disruptionBudget: disruptionBudgetSchema,
    rollingUpdate: rollingUpdateSchema,
    delivery: deliverySettingsSchema.optional(),
    faultInjection: faultInjectionSchema.optional(),
    slo: sloSchema.optional(),
    callers: z.array(dnsLabel),
    edge: edgeSchema.optional(),
});

/** A label-safe version: the tag, or the digest's first 12 hex characters. */
export function imageVersion(image: string): string {
    const parsed = parseImageReference(image);
    if (!parsed.ok) return "";
    return parsed.ref.tag ?? (parsed.ref.digest ?? "").replace(/^[^:]*:/, "").slice(0, 12);
}

export function resolveMicroservice(name: string, args: MicroserviceArgs): ResolvedMicroservice {
    const defaults = args.defaults;
    const candidate = {
        name,
        image: args.image,
        replicas: args.replicas ?? defaults.replicas,
        resources: args.resources ?? defaults.resources,
        autoscaling: { ...defaults.autoscaling, ...args.autoscaling },
        disruptionBudget: { ...defaults.disruptionBudget, ...args.disruptionBudget },
        rollingUpdate: { ...defaults.rollingUpdate, ...args.delivery?.rolling },
        delivery: args.delivery,
        faultInjection: args.faultInjection,
        slo: args.slo,
        callers: args.callers ?? [],
        edge: args.edge,
    };
    const checked = settingsSchema.safeParse(candidate);
    const problems = checked.success ? [] : formatIssues("", settingsSchema, checked.error.issues, candidate);

    if (!Number.isInteger(args.ports.http)) problems.push(`ports.http: a container port number is required`);
    for (const [portName, port] of Object.entries(args.ports)) {
        if (!PORT_NAME.test(portName)) problems.push(`ports.${portName}: port names are lowercase, at most 15 characters`);
        if (!Number.isInteger(port) || port < 1 || port > 65535) problems.push(`ports.${portName}: ${port} is not a port number (1-65535)`);
    }
    const writablePaths = args.writablePaths ?? ["/tmp"];
    for (const p of writablePaths) if (!p.startsWith("/")) problems.push(`writablePaths: "${p}" must be an absolute path`);
    const traffic = resolveTraffic(args.traffic, problems);
    const objectives = resolveObjectives(args.slo, args.alertThresholds, problems);
    if (args.monitoring?.mtlsScrape && !args.mesh) {
        problems.push("monitoring.mtlsScrape: scraping over mesh mTLS needs the mesh (mesh is not set)");
    }
    if (args.mesh && args.public && args.mesh.gatewayHosts.length === 0) {
        problems.push("mesh.gatewayHosts: a public service needs at least one host name");
    }
    const edge = resolveEdge(checked.data?.edge ?? args.edge, args.public ?? false, problems);
    if (edge?.requireJwt && args.mesh && !args.mesh.gatewayWorkloadSelector) {
        problems.push("mesh.gatewayWorkloadSelector: edge.requireJwt needs the ingress gateway pods' labels");
    }
    if (problems.length > 0 || !checked.success) throw new MicroserviceError(name, problems);

    const settings = checked.data;
    const { serviceName: _serviceName, defaults: _defaults, alertThresholds: _alertThresholds, edge: _edge, ...rest } = args;
    return {
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
        writablePaths,
        runAsUser: args.runAsUser ?? DEFAULT_UID,
        runAsGroup: args.runAsGroup ?? DEFAULT_UID,
        automountServiceAccountToken: args.automountServiceAccountToken ?? false,
        imageVersion: imageVersion(args.image),
        delivery: resolveDelivery(settings.delivery, args.image, settings.rollingUpdate),
        traffic,
        objectives,
        redMetrics: { ...DEFAULT_RED_METRICS, ...args.redMetrics },
        ...(edge ? { edge } : {}),
    };
}
