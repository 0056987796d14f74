// The fields of a Microservice's arguments that name things on the cluster or describe its
// container: the values the API server would reject, and the combinations within one service that
// could never run (a probe on a port the container does not have, root under runAsNonRoot). The
// settings a stack can also set (resources, delivery, SLO ...) are ./settings' schemas.
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { acceptRef, callRef, crossTeamReferenceProblem } from "../shared/crossTeamCalls";
import { dnsLabel, envVarName, isRecord, labelValue, portName, serviceName, wholeRange } from "../shared/fields";
import { externalDependenciesSchema } from "./external";
import { serviceSecretsSchema } from "./secrets";
import { writablePathsSchema } from "./writablePaths";

type Ctx = z.core.$RefinementCtx;

/** A value the program computes: a plain string, or an Output that resolves to one. */
const stringInput = z.union([z.string(), z.custom<pulumi.Output<string>>((v) => pulumi.Output.isInstance(v))], {
    message: "must be a string (or an Output of one)",
});

/** Kubernetes' own default: the container runs without one. */
const seconds = (min: number) => wholeRange(min, 86_400, `must be a whole number of seconds, ${min}-86400`);

const probeSchema = z.strictObject({
    path: z.string().regex(/^\/\S*$/, { message: 'must be an absolute URL path such as "/healthz"' }),
    /** Named container port; defaults to "http". */
    port: portName.optional(),
    initialDelaySeconds: seconds(0).optional(),
    periodSeconds: seconds(1).optional(),
    timeoutSeconds: seconds(1).optional(),
    failureThreshold: wholeRange(1, 1_000, "must be a whole number, 1-1000").optional(),
});

const PORTS_MESSAGE = "must map port names to container port numbers, with http required: { http: 8080, metrics: 9090 }";

/** Only services of the same namespace: a caller elsewhere is never admitted by the namespace's policies. */
const caller = z.string({ message: "must be a service name" }).superRefine((name, ctx) => {
    // "frontend.shop" (a Service's DNS name) or "shop/frontend" (namespace/name).
    const [service, namespace] = name.includes("/") ? name.split("/").reverse() : name.split(".");
    if (namespace !== undefined) {
        ctx.addIssue({
            code: "custom",
            message: `names a service in namespace "${namespace}": callers are services of this service's own namespace ` +
                `(give "${service}" if it runs here); a call from another team is declared by both teams: the caller's ` +
                `calls and this service's accepts ("<team>/<service>"), on their Microservices or in the platform's tenancy ` +
                `(platform:tenancy.teams[].services), which writes its policies`,
        });
    } else if (!serviceName.safeParse(name).success) {
        ctx.addIssue({ code: "custom", message: serviceName.safeParse(name).error!.issues[0].message });
    }
});

/** Across the fields: every probe names a port the container has. */
export function probesNameContainerPorts(service: unknown, ctx: Ctx): void {
    if (!isRecord(service) || !isRecord(service.ports) || !isRecord(service.probes)) return;
    const ports = Object.keys(service.ports);
    for (const [kind, probe] of Object.entries(service.probes)) {
        const port = isRecord(probe) ? (probe.port ?? "http") : undefined;
        if (typeof port === "string" && !ports.includes(port)) {
            ctx.addIssue({
                code: "custom", path: ["probes", kind, "port"],
                message: `names no port of the container; accepted: ${ports.join(", ")} (the ${kind} probe would never succeed)`,
            });
        }
    }
}

/**
 * Across the fields: every team `calls` and `accepts` name is another tenant team of the platform
 * (`teamNamespaces`), with the rule and message of the platform's own tenancy config.
 */
export function crossTeamDeclarationsNameTeams(service: unknown, ctx: Ctx): void {
    if (!isRecord(service)) return;
    const declared = (["calls", "accepts"] as const).filter((field) => Array.isArray(service[field]) && service[field].length > 0);
    if (declared.length === 0) return;
    if (!isRecord(service.teamNamespaces)) {
        ctx.addIssue({
            code: "custom", path: ["teamNamespaces"],
            message: `is required by ${declared.join(" and ")}: the platform's tenant teams and their namespaces (settings.teamNamespaces, from serviceSettings)`,
        });
        return;
    }
    const teams = Object.keys(service.teamNamespaces);
    for (const field of declared) {
        (service[field] as unknown[]).forEach((ref, i) => {
            const problem = crossTeamReferenceProblem(field, ref, service.team, teams);
            if (problem) ctx.addIssue({ code: "custom", path: [field, i], message: problem });
        });
    }
}

/** The checked fields of a service's arguments, after the name is settled (serviceName ?? resource name). */
export const serviceFields = {
    name: serviceName,
    namespace: z.union([dnsLabel, z.custom<pulumi.Output<string>>((v) => pulumi.Output.isInstance(v))], { message: "must be a namespace name (or an Output of one)" }),
    team: dnsLabel,
    environment: labelValue,
    partOf: labelValue.optional(),
    component: labelValue.optional(),
    ports: z.record(portName, wholeRange(1, 65_535, "must be a port number, 1-65535"), { message: PORTS_MESSAGE })
        .refine((ports) => ports.http !== undefined, { message: PORTS_MESSAGE }),
    command: z.array(z.string().min(1, { message: "must not be empty" }), { message: "must be a list of strings" })
        .min(1, { message: "is empty: leave command unset to run the image's entrypoint" }).optional(),
    args: z.array(z.string(), { message: "must be a list of strings" }).optional(),
    env: z.record(envVarName, stringInput, { message: "must map variable names to values" }).optional(),
    secretEnv: z.record(envVarName, stringInput, { message: "must map variable names to values" }).optional(),
    secrets: serviceSecretsSchema,
    probes: z.strictObject({ liveness: probeSchema.optional(), readiness: probeSchema.optional(), startup: probeSchema.optional() }).optional(),
    callers: z.array(caller, { message: "must be a list of service names" }),
    calls: z.array(callRef, { message: 'must be a list of "<team>/<service>"' }),
    accepts: z.array(acceptRef, { message: 'must be a list of "<team>/<service>" or "<team>"' }),
    teamNamespaces: z.record(dnsLabel, dnsLabel, { message: "must map team names to namespace names" }).optional(),
    public: z.boolean({ message: "must be true or false" }).optional(),
    external: externalDependenciesSchema.optional(),
    writablePaths: writablePathsSchema,
    runAsUser: z.number({ message: "must be a number" }).int({ message: "must be a whole number" })
        .min(1, { message: "must be above 0: uid 0 is root, and the pods run with runAsNonRoot, so the kubelet would never start them" })
        .max(2_147_483_647, { message: "must be at most 2147483647" }),
    runAsGroup: z.number({ message: "must be a number" }).int({ message: "must be a whole number" }).min(0, { message: "must be at least 0" })
        .max(2_147_483_647, { message: "must be at most 2147483647" }),
    automountServiceAccountToken: z.boolean({ message: "must be true or false" }),
    clusterDomain: z.string().optional(),
};

