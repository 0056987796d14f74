// Rules across areas of the profile (each area's own rules are in its component's settings.ts):
// each runs in the same pass as the per-field rules (EVERY_PASS), so it reads
// its fields through guards and skips a comparison whose operands are themselves invalid (those
// are reported by their own rule).
import { z } from "zod";
import { isRecord, isZeroIntOrPercent } from "@reference-platform/consumer/shared/fields";
import { EXTERNAL_PROTOCOLS } from "@reference-platform/consumer/microservice";

type Ctx = z.core.$RefinementCtx;
const issue = (ctx: Ctx, path: PropertyKey[], message: string) => ctx.addIssue({ code: "custom", path, message });

const teamNames = (p: Record<string, any>): string[] | undefined =>
    Array.isArray(p.tenancy?.teams) ? p.tenancy.teams.map((t: unknown) => (isRecord(t) ? t.name : undefined)) : undefined;

/** Rules across areas of the profile. */
export function profileConsistency(profile: Record<string, any>, ctx: Ctx): void {
    const teams = teamNames(profile);
    if (teams && profile.shop?.enabled === true && typeof profile.shop.team === "string" && !teams.includes(profile.shop.team)) {
        issue(ctx, ["shop", "team"], `is not a tenant team; accepted: ${teams.join(", ")}`);
    }
    if (profile.shop?.enabled === true && profile.externalSecrets?.enabled === false) {
        issue(ctx, ["externalSecrets", "enabled"], "is false, but the shop's payments service reads its provider key from the secret store; set it true, or platform:shop.enabled false");
    }
    if (profile.tracing?.enabled === true && profile.tracing.storage === "elasticsearch" && profile.logging?.enabled === false) {
        issue(ctx, ["tracing", "storage"], '"elasticsearch" needs platform:logging.enabled true; use "memory" otherwise');
    }
    // A service's delivery.rolling is merged over workloads.rollingUpdate: check what the Deployment gets.
    const defaults = profile.workloads?.rollingUpdate;
    for (const [service, settings] of Object.entries(isRecord(profile.shop?.services) ? profile.shop.services : {})) {
        const rolling = isRecord(settings) && isRecord(settings.delivery) ? settings.delivery.rolling : undefined;
        if (!isRecord(rolling) || !isRecord(defaults)) continue;
        const effective = { ...defaults, ...rolling };
        if (isZeroIntOrPercent(effective.maxSurge) && isZeroIntOrPercent(effective.maxUnavailable)) {
            issue(ctx, ["shop", "services", service, "delivery", "rolling"],
                "gives maxSurge 0 and maxUnavailable 0 (merged over workloads.rollingUpdate): a rollout could never start; set one of them above 0");
        }
    }
    egressGatewayCarriesOnlyTls(profile, ctx);
    requestRateHasItsSources(profile, ctx);
    progressiveDeliveryHasItsSources(profile, ctx);
    const http = isRecord(profile.httpChartRepositories) ? profile.httpChartRepositories : {};
    for (const chart of Object.keys(http)) {
        const repo = isRecord(profile.chartRepositories) ? profile.chartRepositories[chart] : undefined;
        if (typeof repo !== "string" || !repo.startsWith("http://")) {
            issue(ctx, ["httpChartRepositories", chart], `allows http for chartRepositories.${chart}, which is not an http:// URL; remove it`);
        }
    }
}

/** Allowing an http chart repository is per chart, with a reason (platform:httpChartRepositories). */
export function chartRepositoriesUseHttps(profile: Record<string, any>, ctx: Ctx, reason: (chart: string, repo: string, httpAllowed: boolean) => string | undefined): void {
    if (!isRecord(profile.chartRepositories)) return;
    const http = isRecord(profile.httpChartRepositories) ? profile.httpChartRepositories : {};
    for (const [chart, repo] of Object.entries(profile.chartRepositories)) {
        if (typeof repo !== "string") continue;
        const problem = reason(chart, repo, typeof http[chart] === "string");
        if (problem) issue(ctx, ["chartRepositories", chart], problem);
    }
}

const NOT_TLS: readonly string[] = EXTERNAL_PROTOCOLS.filter((p) => p !== "TLS");

/** With the egress gateway, the one exit passes TLS through by SNI: a stack's shop host of another protocol has no way out. */
function egressGatewayCarriesOnlyTls(profile: Record<string, any>, ctx: Ctx): void {
    if (profile.mesh?.enabled !== true || profile.mesh.egressGateway?.enabled !== true || profile.shop?.enabled !== true) return;
    for (const [service, settings] of Object.entries(isRecord(profile.shop.services) ? profile.shop.services : {})) {
        const external = isRecord(settings) && Array.isArray(settings.external) ? settings.external : [];
        external.forEach((dep: unknown, i: number) => {
            // An unknown protocol is reported by its own rule.
            if (!isRecord(dep) || !NOT_TLS.includes(dep.protocol as string)) return;
            issue(ctx, ["shop", "services", service, "external", i, "protocol"],
                "the egress gateway (mesh.egressGateway.enabled) is the only way out and passes only TLS through, routed by SNI: " +
                "declare the host as TLS if the service speaks TLS to it (HTTPS does), or set mesh.egressGateway.enabled false");
        });
    }
}

/**
 * A shop service's setting (at `path` under the service, when it equals `value`) that cannot work
 * while the add-ons it needs are off: one issue per missing add-on, each with its way out.
 */
function serviceSettingNeeds(
    profile: Record<string, any>, ctx: Ctx, path: [string, string], value: string, needs: [boolean, string][], otherwise: string,
): void {
    if (profile.shop?.enabled !== true) return;
    const [block, key] = path;
    for (const [service, settings] of Object.entries(isRecord(profile.shop.services) ? profile.shop.services : {})) {
        if (!isRecord(settings) || !isRecord(settings[block]) || settings[block][key] !== value) continue;
        for (const [missing, why] of needs) {
            if (missing) issue(ctx, ["shop", "services", service, block, key], `"${value}" ${why}; or ${otherwise}`);
        }
    }
}

/** Scaling on request rate needs the mesh (it counts the requests), Prometheus (which KEDA reads) and KEDA. */
function requestRateHasItsSources(profile: Record<string, any>, ctx: Ctx): void {
    serviceSettingNeeds(profile, ctx, ["autoscaling", "scaleOn"], "requestRate", [
        [profile.requestScaling?.enabled === false, "needs KEDA: set platform:requestScaling.enabled true"],
        [profile.mesh?.enabled === false, "needs the mesh, whose sidecars count the requests (platform:mesh.enabled is false)"],
        [profile.monitoring?.enabled === false, "needs Prometheus, which KEDA reads the rate from (platform:monitoring.enabled is false)"],
        [profile.workloads?.autoscaling?.enabled === false, "is ignored while platform:workloads.autoscaling.enabled is false: nothing scales"],
    ], 'set scaleOn "resources"');
}

/** Automated canaries need Argo Rollouts, the mesh (which moves the weight and measures) and Prometheus (which the analysis reads). */
function progressiveDeliveryHasItsSources(profile: Record<string, any>, ctx: Ctx): void {
    serviceSettingNeeds(profile, ctx, ["delivery", "strategy"], "progressive", [
        [profile.progressiveDelivery?.enabled === false, "needs Argo Rollouts: set platform:progressiveDelivery.enabled true"],
        [profile.mesh?.enabled === false, "needs the mesh, which moves the canary's weight and measures it (platform:mesh.enabled is false)"],
        [profile.monitoring?.enabled === false, "needs Prometheus, which the canary's analysis reads (platform:monitoring.enabled is false)"],
    ], 'set strategy "canary" with a hand-set weight');
}
