// The shape every merged profile must have, composed from the components' own settings schemas
// (components/<area>/settings.ts): each rule lives with the component it belongs to. Objects are
// strict, so a mistyped key in a stack file is reported with its path instead of being silently
// ignored. What is checked here is what only the program knows: the pinned charts and Istio
// releases, the platform's namespaces, and rules across areas (./consistency, ./edgeRules). All
// run in one pass, so every problem is reported at once.
import { z } from "zod";
import { CHARTS, ChartKey, ISTIO_RELEASES, isIstioRelease } from "../charts";
import { NAMESPACES } from "../namespaces";
import { gitOpsSettingsSchema } from "../../components/gitops/settings";
import { externalSecretsSettingsSchema } from "../../components/secrets/settings";
import { resourceMetricsSettingsSchema } from "../../components/resourceMetrics/settings";
import { rightSizingSettingsSchema } from "../../components/rightSizing/settings";
import { requestScalingSettingsSchema } from "../../components/requestScaling/settings";
import { progressiveDeliverySettingsSchema } from "../../components/progressiveDelivery/settings";
import { loggingSettingsSchema } from "../../components/logging/settings";
import { meshSettingsSchema } from "../../components/mesh/settings";
import { workloadDefaultsSchema } from "@reference-platform/consumer/microservice/settings";
import { monitoringSettingsSchema } from "../../components/monitoring/settings";
import { EVERY_PASS, isRecord } from "@reference-platform/consumer/shared/fields";
import { shopSettingsSchema } from "../../components/shop/settings";
import { JWT_SHOP_SERVICES, PUBLIC_SHOP_SERVICES } from "../../components/shop/topology";
import { TeamRules, tenancySettingsSchema } from "../../components/tenancy/settings";
import { tracingSettingsSchema } from "../../components/tracing/settings";
import { invalidChartRepositoryReason } from "./chartRepositories";
import { chartRepositoriesUseHttps, profileConsistency } from "./consistency";
import { checkEdge } from "./edgeRules";

const chartKey = z.enum(Object.keys(CHARTS) as [ChartKey, ...ChartKey[]]);

const istioRelease = z.string().refine(isIstioRelease, {
    message: `must be an Istio release pinned in infra/charts.ts (ISTIO_RELEASES): ${ISTIO_RELEASES.join(", ")}`,
});

const PLATFORM_NAMESPACES: readonly string[] = Object.values(NAMESPACES);

/** The facts a team's rules need (components/tenancy/settings.ts): only dev tolerates any repository. */
export function teamRules(profile: string): TeamRules {
    return { platformNamespaces: { names: PLATFORM_NAMESPACES, listedIn: "infra/namespaces.ts" }, environment: profile, anyRepository: profile === "dev" };
}

/** Only tenant teams can be moved to another revision. */
function checkMeshTeams(profile: Record<string, unknown>, ctx: z.core.$RefinementCtx): void {
    const tenants = isRecord(profile.tenancy) ? profile.tenancy.teams : undefined;
    if (!Array.isArray(tenants) || !isRecord(profile.mesh)) return;
    const teams = tenants.map((t: unknown) => (isRecord(t) ? t.name : undefined));
    for (const team of Object.keys(isRecord(profile.mesh.teamRevisions) ? profile.mesh.teamRevisions : {})) {
        if (!teams.includes(team)) {
            ctx.addIssue({ code: "custom", path: ["mesh", "teamRevisions", team], message: `"${team}" is not a tenant team; accepted: ${teams.join(", ")}` });
        }
    }
}

/** Prod's metrics-server verifies the kubelets' certificates: skipping it is for laptop clusters whose kubelets self-sign. */
function kubeletTlsVerifiedInProd(profileName: string, profile: Record<string, unknown>, ctx: z.core.$RefinementCtx): void {
    const metrics = profile.resourceMetrics;
    if (profileName !== "prod" || !isRecord(metrics) || metrics.source !== "metrics-server" || metrics.kubeletInsecureTls !== true) return;
    ctx.addIssue({
        code: "custom", path: ["resourceMetrics", "kubeletInsecureTls"],
        message: "must be false in prod: metrics-server would read every node's metrics without checking the kubelet's certificate; " +
            "a managed cluster's kubelets serve certificates its CA signed (true is for kind, k3d and minikube)",
    });
}

function buildProfileSchema(profileName: string) {
    return z.strictObject({
        workloads: workloadDefaultsSchema,
        tenancy: tenancySettingsSchema(teamRules(profileName)),
        mesh: meshSettingsSchema(istioRelease),
        monitoring: monitoringSettingsSchema,
        tracing: tracingSettingsSchema,
        logging: loggingSettingsSchema,
        gitops: gitOpsSettingsSchema,
        shop: shopSettingsSchema,
        externalSecrets: externalSecretsSettingsSchema,
        resourceMetrics: resourceMetricsSettingsSchema,
        rightSizing: rightSizingSettingsSchema,
        requestScaling: requestScalingSettingsSchema,
        progressiveDelivery: progressiveDeliverySettingsSchema,
        /** protect + retainOnDelete for stateful data (Elasticsearch, Prometheus volumes). */
        protectStatefulData: z.boolean(),
        /** Per-chart repository overrides (mirrors, oci://), keyed by chart key in infra/charts.ts; checked with httpChartRepositories, below. */
        chartRepositories: z.partialRecord(chartKey, z.string()),
        /** Chart key -> why its mirror may use plain http (no TLS on an air-gapped network, ...). */
        httpChartRepositories: z.partialRecord(chartKey, z.string().min(10, { message: "must give the reason http is acceptable" })).optional(),
        /** Per-chart Helm values deep-merged over the component's defaults, keyed like chartRepositories. */
        chartValues: z.partialRecord(chartKey, z.record(z.string(), z.unknown())),
    })
        .superRefine(checkMeshTeams, EVERY_PASS)
        .superRefine((profile, ctx) => kubeletTlsVerifiedInProd(profileName, profile, ctx), EVERY_PASS)
        .superRefine(profileConsistency, EVERY_PASS)
        .superRefine((profile, ctx) => chartRepositoriesUseHttps(profile, ctx, invalidChartRepositoryReason), EVERY_PASS)
        .superRefine(checkEdge(PUBLIC_SHOP_SERVICES, JWT_SHOP_SERVICES), EVERY_PASS);
}

export type ProfileSchema = ReturnType<typeof buildProfileSchema>;

const schemas = new Map<string, ProfileSchema>();

/** The shape every merged profile of `profile` (dev, staging, prod) must have. */
export function profileSchemaFor(profile: string): ProfileSchema {
    let schema = schemas.get(profile);
    if (!schema) schemas.set(profile, (schema = buildProfileSchema(profile)));
    return schema;
}

export const providerSchema = z.strictObject({
    /** kubeconfig context; unset means the kubeconfig's current context. */
    context: z.string().min(1).optional(),
    /** When set, manifests are written to this directory instead of applied (GitOps render mode). */
    renderYamlToDirectory: z.string().min(1).optional(),
});
