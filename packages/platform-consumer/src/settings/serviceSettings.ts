// What a service needs from the platform, derived from the stack's contract rather than set by
// hand: its namespace, the profile's workload defaults, and how it joins the mesh, monitoring and
// tracing. The fields match the Microservice component's arguments of the same names.
import { z } from "zod";
import { PlatformContract, PodSecurityLevel } from "../contract/schema";
import { PlatformReferenceError, ServiceRequestError } from "../reference/errors";
import { PlatformStack } from "../reference/platformStack";
import { formatIssues } from "../shared/issues";
import type { NamespaceLimits } from "../microservice/args";

export type { NamespaceLimits };

/** Per add-on: true = required (fails when the stack lacks it), false = not used, unset = used when the stack has it. */
export interface ServiceUses {
    mesh?: boolean;
    monitoring?: boolean;
    tracing?: boolean;
}

export interface ServiceRequest {
    /** The tenant team that owns the service; its namespace is the team's platform namespace. */
    team: string;
    uses?: ServiceUses;
}

export interface WorkloadDefaults {
    replicas: number;
    resources: { requests: { cpu: string; memory: string }; limits: { cpu?: string; memory: string } };
    autoscaling: PlatformContract["workloads"]["autoscaling"];
    disruptionBudget: PlatformContract["workloads"]["disruptionBudget"];
    rollingUpdate: PlatformContract["workloads"]["rollingUpdate"];
}

export interface ServiceMeshSettings {
    gatewayRef: string;
    /** Public hosts the service serves through the gateway: the consumer's own, none by default. */
    gatewayHosts: string[];
    ingressGatewayPrincipal: string;
    trustDomain: string;
}

export interface ServiceMtlsScrape {
    /** Prometheus's mesh certificate files, as its container sees them. */
    certificateFiles: { ca: string; cert: string; key: string };
    prometheus: { namespace: string; serviceAccount: string };
}

export interface ServiceMonitoringSettings {
    /** Present exactly when the mesh enforces STRICT mTLS: plain-http scrapes would be refused there. */
    mtlsScrape?: ServiceMtlsScrape;
}

export interface ScrapeSettings {
    scheme: "http" | "https";
    /** The SPIFFE identity Prometheus scrapes as (https only): the one principal admitted on the metrics port. */
    identity: string | null;
}

export interface ServiceSettings {
    stack: string;
    team: string;
    namespace: string;
    /** Pod Security level the team's namespace enforces (the Microservice's pods meet restricted). */
    podSecurityLevel: PodSecurityLevel;
    defaults: WorkloadDefaults;
    /** The team namespace's LimitRange defaults and ResourceQuota: what its pods must fit. */
    namespaceLimits: NamespaceLimits;
    /** Every tenant team's namespace, by team: where a service's `calls` and `accepts` (calls between teams) point. */
    teamNamespaces: Record<string, string>;
    /** Namespaces the service's NetworkPolicy admits; "" (matches no namespace) when that add-on is off. */
    platformNamespaces: { ingressGateway: string; monitoring: string };
    mesh?: ServiceMeshSettings;
    monitoring?: ServiceMonitoringSettings;
    tracing?: { otlpGrpcEndpoint: string };
    /** How Prometheus scrapes the service; null without monitoring. */
    scrape: ScrapeSettings | null;
}

const requestSchema = z.strictObject({
    team: z.string().min(1),
    uses: z.strictObject({ mesh: z.boolean(), monitoring: z.boolean(), tracing: z.boolean() }).partial().optional(),
});

/** The settings for one service of `request.team` on `platform`; throws before anything is registered. */
export function serviceSettings(platform: PlatformStack, request: ServiceRequest): ServiceSettings {
    const parsed = requestSchema.safeParse(request);
    if (!parsed.success) throw new ServiceRequestError(formatIssues("", requestSchema, parsed.error.issues, request).join("; "));
    const { team, uses = {} } = parsed.data;
    const c = platform.contract;
    const namespace = platform.teamNamespace(team);
    const used = (addOn: keyof ServiceUses): boolean => {
        if (uses[addOn] === true) platform.requireAddOn(addOn, `uses.${addOn}: true`);
        return uses[addOn] ?? platform.has(addOn);
    };
    const mesh = used("mesh");
    const monitoring = used("monitoring");
    const tracing = used("tracing");
    const strict = platform.has("mesh") && c.mesh.mtlsMode === "STRICT";

    let mtlsScrape: ServiceMtlsScrape | undefined;
    if (monitoring && strict) {
        if (!mesh) {
            throw new PlatformReferenceError(platform.stack, "its mesh enforces STRICT mTLS, so Prometheus can only scrape " +
                "a service that joins the mesh; with uses.mesh: false set uses.monitoring: false too");
        }
        const scrape = c.monitoring.mtlsScrape;
        if (scrape === null) {
            throw new PlatformReferenceError(platform.stack, "its mesh enforces STRICT mTLS but monitoring.mtlsScrape is null: " +
                "it exports no scrape identity, and a plain-http scrape would be refused");
        }
        mtlsScrape = {
            certificateFiles: { ca: scrape.caFile, cert: scrape.certFile, key: scrape.keyFile },
            prometheus: { namespace: scrape.prometheusNamespace, serviceAccount: scrape.prometheusServiceAccount },
        };
    }

    const trustDomain = c.mesh.trustDomain ?? "cluster.local";
    return {
        stack: platform.stack,
        team,
        namespace,
        podSecurityLevel: c.namespaces.teamPodSecurityLevel,
        defaults: workloadDefaults(c.workloads),
        namespaceLimits: namespaceLimits(namespace, c.namespaces.teamLimits),
        teamNamespaces: { ...c.namespaces.teams },
        platformNamespaces: { ingressGateway: c.namespaces.ingressGateway ?? "", monitoring: c.namespaces.monitoring ?? "" },
        mesh: mesh
            ? {
                gatewayRef: present(platform, "mesh", "gatewayRef", c.mesh.gatewayRef),
                gatewayHosts: [],
                ingressGatewayPrincipal: present(platform, "mesh", "gatewayPrincipal", c.mesh.gatewayPrincipal),
                trustDomain,
            }
            : undefined,
        monitoring: monitoring ? (mtlsScrape ? { mtlsScrape } : {}) : undefined,
        tracing: tracing ? { otlpGrpcEndpoint: present(platform, "tracing", "otlpGrpcEndpoint", c.tracing.otlpGrpcEndpoint) } : undefined,
        scrape: monitoring
            ? {
                scheme: mtlsScrape ? "https" : "http",
                identity: mtlsScrape ? `${trustDomain}/ns/${mtlsScrape.prometheus.namespace}/sa/${mtlsScrape.prometheus.serviceAccount}` : null,
            }
            : null,
    };
}

/** Resources as the contract writes them (a null CPU limit: none) in the form the Microservice takes (cpu absent). */
function computeResources(r: PlatformContract["workloads"]["resources"]): WorkloadDefaults["resources"] {
    const { cpu, memory } = r.limits;
    return { requests: { ...r.requests }, limits: cpu === null ? { memory } : { cpu, memory } };
}

function namespaceLimits(namespace: string, limits: PlatformContract["namespaces"]["teamLimits"]): NamespaceLimits {
    return { namespace, containerDefaults: computeResources(limits.containerDefaults), quota: { ...limits.quota } };
}

function workloadDefaults(w: PlatformContract["workloads"]): WorkloadDefaults {
    return {
        replicas: w.replicas,
        resources: computeResources(w.resources),
        autoscaling: { ...w.autoscaling },
        disruptionBudget: { ...w.disruptionBudget },
        rollingUpdate: { ...w.rollingUpdate },
    };
}

/** A field of a running add-on; null there means the stack's outputs contradict themselves. */
function present<T>(platform: PlatformStack, area: string, field: string, value: T | null): T {
    if (value === null) throw new PlatformReferenceError(platform.stack, `${area}.${field} is null although ${area} runs in that stack`);
    return value;
}
