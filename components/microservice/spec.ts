// Validates a Microservice's arguments and fills in the profile defaults, before any resource
// is registered: a bad service definition fails with a message naming the service and field.
import { AutoscalingSettings, ComputeResources } from "../../infra/config/types";
import { isDnsLabel, isQuantity, parseImageReference, parseQuantity, unpinnedImageReason } from "../../policy/grammar";
import { HttpProbe, MicroserviceArgs, RedMetricNames, TrafficSettings } from "./args";
import { ResolvedDelivery, resolveDelivery } from "./delivery/strategy";
import { Objectives, resolveObjectives } from "./observability/objectives";
import { DEFAULT_RED_METRICS } from "./observability/promql";
import { checkFaultInjection, resolveTraffic } from "./routing/traffic";
import { ResolvedEdge, resolveEdge } from "./edge/spec";

export interface MicroserviceSpec {
    name: string;
    resources: ComputeResources;
    replicas: number;
    autoscaling: AutoscalingSettings;
    disruptionBudget: { enabled: boolean; maxUnavailable: number };
    probes: { liveness: HttpProbe; readiness: HttpProbe; startup: HttpProbe };
    callers: string[];
    writablePaths: string[];
    runAsUser: number;
    runAsGroup: number;
    image: string;
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

function checkResources(r: ComputeResources, problems: string[]): void {
    const quantities: [string, string | undefined][] = [
        ["resources.requests.cpu", r.requests.cpu], ["resources.requests.memory", r.requests.memory],
        ["resources.limits.cpu", r.limits.cpu], ["resources.limits.memory", r.limits.memory],
    ];
    const malformed = quantities.filter(([, v]) => v !== undefined && !isQuantity(v));
    for (const [field, value] of malformed) problems.push(`${field}: "${value}" is not a Kubernetes quantity (e.g. "250m", "512Mi")`);
    if (malformed.length > 0) return;
    const negative = quantities.filter(([, v]) => v !== undefined && parseQuantity(v) < 0);
    for (const [field, value] of negative) problems.push(`${field}: ${value} is negative; a resource amount is at least 0`);
    if (negative.length > 0) return;
    if (r.limits.cpu && parseQuantity(r.requests.cpu) > parseQuantity(r.limits.cpu)) {
        problems.push(`resources.requests.cpu ${r.requests.cpu} exceeds resources.limits.cpu ${r.limits.cpu}`);
    }
    if (parseQuantity(r.requests.memory) > parseQuantity(r.limits.memory)) {
        problems.push(`resources.requests.memory ${r.requests.memory} exceeds resources.limits.memory ${r.limits.memory}`);
    }
}

/** A label-safe version: the tag, or the digest's first 12 hex characters. */
export function imageVersion(image: string): string {
    const parsed = parseImageReference(image);
    if (!parsed.ok) return "";
    return parsed.ref.tag ?? (parsed.ref.digest ?? "").replace(/^[^:]*:/, "").slice(0, 12);
}

export function resolveMicroserviceSpec(name: string, args: MicroserviceArgs): MicroserviceSpec {
    const problems: string[] = [];
    const d = args.defaults;
    if (!isDnsLabel(name)) problems.push(`name: "${name}" must be a DNS-1123 label (lowercase, digits, '-')`);
    const unpinned = unpinnedImageReason(args.image);
    if (unpinned) problems.push(`image: "${args.image}" ${unpinned}`);
    if (!Number.isInteger(args.ports.http)) problems.push(`ports.http: a container port number is required`);
    for (const [portName, port] of Object.entries(args.ports)) {
        if (!PORT_NAME.test(portName)) problems.push(`ports.${portName}: port names are lowercase, at most 15 characters`);
        if (!Number.isInteger(port) || port < 1 || port > 65535) problems.push(`ports.${portName}: ${port} is not a port number (1-65535)`);
    }
    const replicas = args.replicas ?? d.replicas;
    if (!Number.isInteger(replicas) || replicas < 1) problems.push(`replicas: ${replicas} must be a whole number of at least 1`);
    const resources = args.resources ?? d.resources;
    checkResources(resources, problems);
    const autoscaling = { ...d.autoscaling, ...args.autoscaling };
    if (autoscaling.enabled && autoscaling.maxReplicas < autoscaling.minReplicas) {
        problems.push(`autoscaling.maxReplicas ${autoscaling.maxReplicas} is below minReplicas ${autoscaling.minReplicas}`);
    }
    const callers = args.callers ?? [];
    for (const caller of callers) if (!isDnsLabel(caller)) problems.push(`callers: "${caller}" is not a service name`);
    const writablePaths = args.writablePaths ?? ["/tmp"];
    for (const p of writablePaths) if (!p.startsWith("/")) problems.push(`writablePaths: "${p}" must be an absolute path`);
    const delivery = resolveDelivery(args.delivery, args.image, d, problems);
    const traffic = resolveTraffic(args.traffic, problems);
    checkFaultInjection(args.faultInjection, problems);
    const objectives = resolveObjectives(args.slo, args.alertThresholds, problems);
    if (args.monitoring?.mtlsScrape && !args.mesh) {
        problems.push("monitoring.mtlsScrape: scraping over mesh mTLS needs the mesh (mesh is not set)");
    }
    if (args.mesh && args.public && args.mesh.gatewayHosts.length === 0) {
        problems.push("mesh.gatewayHosts: a public service needs at least one host name");
    }
    const edge = resolveEdge(args.edge, args.public ?? false, problems);
    if (edge?.requireJwt && args.mesh && !args.mesh.gatewayWorkloadSelector) {
        problems.push("mesh.gatewayWorkloadSelector: edge.requireJwt needs the ingress gateway pods' labels");
    }
    if (problems.length > 0) throw new MicroserviceError(name, problems);

    return {
        name,
        resources,
        replicas,
        autoscaling,
        disruptionBudget: { ...d.disruptionBudget, ...args.disruptionBudget },
        probes: {
            liveness: { path: "/healthz", periodSeconds: 10, failureThreshold: 3, ...args.probes?.liveness },
            readiness: { path: "/readyz", periodSeconds: 5, failureThreshold: 3, ...args.probes?.readiness },
            // Generous startup window so slow starts are not killed by the liveness probe.
            startup: { path: "/healthz", periodSeconds: 2, failureThreshold: 30, ...args.probes?.startup },
        },
        callers,
        writablePaths,
        runAsUser: args.runAsUser ?? DEFAULT_UID,
        runAsGroup: args.runAsGroup ?? DEFAULT_UID,
        image: args.image,
        imageVersion: imageVersion(args.image),
        delivery,
        traffic,
        objectives,
        redMetrics: { ...DEFAULT_RED_METRICS, ...args.redMetrics },
        ...(edge ? { edge } : {}),
    };
}
