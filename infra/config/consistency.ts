// Cross-field rules: each runs in the same pass as the per-field rules (EVERY_PASS), so it reads
// its fields through guards and skips a comparison whose operands are themselves invalid (those
// are reported by their own rule).
import { z } from "zod";
import { isRecord, isZeroIntOrPercent } from "./fields";
import { quantityValue } from "../../policy/grammar";

type Ctx = z.core.$RefinementCtx;
const issue = (ctx: Ctx, path: PropertyKey[], message: string) => ctx.addIssue({ code: "custom", path, message });

/** requests.<r> <= limits.<r> for each resource both set, in a { requests, limits } object. */
export function requestsWithinLimits(r: unknown, ctx: Ctx): void {
    if (!isRecord(r) || !isRecord(r.requests) || !isRecord(r.limits)) return;
    for (const resource of ["cpu", "memory"]) {
        const [request, limit] = [quantityValue(r.requests[resource]), quantityValue(r.limits[resource])];
        if (request !== undefined && limit !== undefined && request > limit) {
            issue(ctx, ["requests", resource], `exceeds limits.${resource} ${JSON.stringify(r.limits[resource])}`);
        }
    }
}

/** A ResourceQuota's requestsX <= limitsX. */
export function quotaRequestsWithinLimits(q: unknown, ctx: Ctx): void {
    if (!isRecord(q)) return;
    for (const resource of ["Cpu", "Memory"]) {
        const [request, limit] = [quantityValue(q[`requests${resource}`]), quantityValue(q[`limits${resource}`])];
        if (request !== undefined && limit !== undefined && request > limit) {
            issue(ctx, [`requests${resource}`], `exceeds limits${resource} ${JSON.stringify(q[`limits${resource}`])}`);
        }
    }
}

const STALLED_ROLLOUT = "is 0 and so is maxUnavailable: a rollout could never start; set one of them above 0";

/** Kubernetes rejects a rolling update with maxSurge and maxUnavailable both 0. */
export function rolloutCanProgress(r: unknown, ctx: Ctx): void {
    if (isRecord(r) && isZeroIntOrPercent(r.maxSurge) && isZeroIntOrPercent(r.maxUnavailable)) issue(ctx, ["maxSurge"], STALLED_ROLLOUT);
}

export function autoscalingRange(a: unknown, ctx: Ctx): void {
    if (isRecord(a) && Number.isInteger(a.minReplicas) && Number.isInteger(a.maxReplicas) && a.maxReplicas < a.minReplicas) {
        issue(ctx, ["maxReplicas"], `is below minReplicas ${a.minReplicas}`);
    }
}

export function uniqueTeams(teams: unknown, ctx: Ctx): void {
    if (!Array.isArray(teams)) return;
    const names = teams.map((t) => (isRecord(t) ? t.name : undefined));
    names.forEach((name, i) => {
        if (typeof name === "string" && names.indexOf(name) !== i) issue(ctx, [i, "name"], `team "${name}" is listed twice`);
    });
}

const teamNames = (p: Record<string, any>): string[] | undefined =>
    Array.isArray(p.tenancy?.teams) ? p.tenancy.teams.map((t: unknown) => (isRecord(t) ? t.name : undefined)) : undefined;

/** Rules across areas of the profile. */
export function profileConsistency(p: Record<string, any>, ctx: Ctx): void {
    const teams = teamNames(p);
    if (teams && p.shop?.enabled === true && typeof p.shop.team === "string" && !teams.includes(p.shop.team)) {
        issue(ctx, ["shop", "team"], `is not a tenant team; accepted: ${teams.join(", ")}`);
    }
    if (p.tracing?.enabled === true && p.tracing.storage === "elasticsearch" && p.logging?.enabled === false) {
        issue(ctx, ["tracing", "storage"], '"elasticsearch" needs platform:logging.enabled true; use "memory" otherwise');
    }
    // A service's delivery.rolling is merged over workloads.rollingUpdate: check what the Deployment gets.
    const defaults = p.workloads?.rollingUpdate;
    for (const [service, settings] of Object.entries(isRecord(p.shop?.services) ? p.shop.services : {})) {
        const rolling = isRecord(settings) && isRecord(settings.delivery) ? settings.delivery.rolling : undefined;
        if (!isRecord(rolling) || !isRecord(defaults)) continue;
        const effective = { ...defaults, ...rolling };
        if (isZeroIntOrPercent(effective.maxSurge) && isZeroIntOrPercent(effective.maxUnavailable)) {
            issue(ctx, ["shop", "services", service, "delivery", "rolling"],
                "gives maxSurge 0 and maxUnavailable 0 (merged over workloads.rollingUpdate): a rollout could never start; set one of them above 0");
        }
    }
    const http = isRecord(p.httpChartRepositories) ? p.httpChartRepositories : {};
    for (const chart of Object.keys(http)) {
        const repo = isRecord(p.chartRepositories) ? p.chartRepositories[chart] : undefined;
        if (typeof repo !== "string" || !repo.startsWith("http://")) {
            issue(ctx, ["httpChartRepositories", chart], `allows http for chartRepositories.${chart}, which is not an http:// URL; remove it`);
        }
    }
}

/** Allowing an http chart repository is per chart, with a reason (platform:httpChartRepositories). */
export function chartRepositoriesUseHttps(p: Record<string, any>, ctx: Ctx, reason: (chart: string, repo: string, httpAllowed: boolean) => string | undefined): void {
    if (!isRecord(p.chartRepositories)) return;
    const http = isRecord(p.httpChartRepositories) ? p.httpChartRepositories : {};
    for (const [chart, repo] of Object.entries(p.chartRepositories)) {
        if (typeof repo !== "string") continue;
        const problem = reason(chart, repo, typeof http[chart] === "string");
        if (problem) issue(ctx, ["chartRepositories", chart], problem);
    }
}
