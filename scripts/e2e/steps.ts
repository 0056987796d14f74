// The steps `npm run e2e` takes with the real engine on one stack, each returning one report line.
// A step that fails says why in its line; its full output is in the run's log directory.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { contractSchema } from "@reference-platform/consumer/contract";
import { parse } from "yaml";
import { KubeClient } from "../cluster/kubeClient";
import { compareFindings, describeFinding, findingsFromEngineEvents, findingsFromPlanReport } from "./findings";
import { addProject, CommandResult, pulumi, REPO, Workspace } from "./workspace";

export interface StepResult {
    step: string;
    ok: boolean;
    detail: string;
    command?: CommandResult;
}

export interface StackRun {
    ws: Workspace;
    stack: string;
    logs: string;
    charts: string;
    client: KubeClient;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
export const timing = (c: CommandResult) => `${seconds(c.wallMillis)} wall, ${seconds(c.cpuMillis)} CPU`;
const policyArgs = (stack: string) => ["--policy-pack", path.join(REPO, "policy"), "--policy-pack-config", path.join(REPO, "stacks", stack, "policy-config.json")];
const tail = (text: string, lines = 15) => text.trim().split("\n").slice(-lines).join("\n");

/** The engine's closing "Resources:" summary; an update with its preview prints the preview's first. */
export function resourceSummary(output: string): string {
    const all = [...output.matchAll(/Resources:\n([\s\S]*?)\n\n/g)];
    return all.at(-1)?.[1]?.replace(/\s+/g, " ").trim() ?? "";
}

export function failed(step: string, c: CommandResult, why: string): StepResult {
    return { step, ok: false, detail: `${why} (exit ${c.code}, ${timing(c)}):\n${tail(c.output)}`, command: c };
}

/** `npm run plan -- --render` for the stack: its objects (written to a directory) and its findings. */
export function plan(run: StackRun): { dir: string; report: string; result: StepResult } {
    const dir = path.join(run.logs, `plan-${run.stack}`);
    const report = path.join(run.logs, `plan-${run.stack}.json`);
    const started = Date.now();
    const child = spawnSync(path.join(REPO, "node_modules", ".bin", "tsx"), [path.join(REPO, "scripts/plan/index.ts"), "--stack", run.stack,
        "--render", "--charts", run.charts, "--out", dir, "--json-file", report], { cwd: REPO, encoding: "utf8", maxBuffer: 256 << 20 });
    const ok = child.status === 0 && fs.existsSync(report);
    return { dir, report, result: { step: "plan --render", ok, detail: ok ? `${seconds(Date.now() - started)}` : `exit ${child.status}:\n${tail(child.stdout + child.stderr)}` } };
}

/** `pulumi preview` with the pack: no mandatory violation, and the same findings as the plan. */
export async function previewWithPack(run: StackRun, planReport: string): Promise<StepResult> {
    const c = await pulumi(run.ws, ["preview", "--stack", run.stack, ...policyArgs(run.stack), "--json"], path.join(run.logs, `preview-${run.stack}.jsonl`),
        { PULUMI_ENABLE_STREAMING_JSON_PREVIEW: "true" });
    const step = "preview --policy-pack";
    if (c.code !== 0) return failed(step, c, "the preview failed");
    const preview = findingsFromEngineEvents(c.output);
    const mandatory = preview.filter((f) => f.level === "mandatory");
    const diff = compareFindings(preview, findingsFromPlanReport(planReport));
    const ok = mandatory.length === 0 && diff.onlyInPreview.length === 0 && diff.onlyInPlan.length === 0;
    const lines = [
        `${preview.length} findings (${mandatory.length} mandatory), ${diff.matched} equal to plan --render's; ${timing(c)}`,
        ...diff.onlyInPreview.map((f) => `  only in preview: ${describeFinding(f)}`),
        ...diff.onlyInPlan.map((f) => `  only in plan:    ${describeFinding(f)}`),
    ];
    return { step, ok, detail: lines.join("\n"), command: c };
}

export async function up(run: StackRun, label: string, extra: string[] = [], { skipPreview = true } = {}): Promise<StepResult> {
    const c = await pulumi(run.ws, ["up", "--stack", run.stack, "--yes", ...(skipPreview ? ["--skip-preview"] : []), ...policyArgs(run.stack), ...extra],
        path.join(run.logs, `${label}-${run.stack}.log`));
    if (c.code !== 0) return failed(label, c, "the update failed");
    const summary = resourceSummary(c.output);
    return { step: label, ok: true, detail: `${summary}; ${timing(c)}`, command: c };
}

/** The stack's outputs, as a consumer's StackReference reads them, against the contract's schema. */
export async function outputsMatchContract(run: StackRun): Promise<StepResult> {
    const c = await pulumi(run.ws, ["stack", "output", "--json", "--stack", run.stack], path.join(run.logs, `outputs-${run.stack}.json`));
    if (c.code !== 0) return failed("outputs", c, "stack output failed");
    // `operators` is for the people running the platform (infra/index.ts), beside the contract.
    const { operators, ...contract } = JSON.parse(c.output);
    const parsed = contractSchema.safeParse(contract);
    const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    // Shown without --show-secrets, the operators' secrets must stay masked.
    for (const key of ["argocdAdminPassword", "edgeLocalIssuer.privateKeyPem"]) {
        const value = key.split(".").reduce((o: any, k) => o?.[k], operators);
        if (value !== undefined && value !== null && value !== "[secret]") problems.push(`operators.${key} is shown in plaintext`);
    }
    return problems.length === 0
        ? { step: "outputs", ok: true, detail: "the contract's keys match its schema; operators' secrets stay masked" }
        : { step: "outputs", ok: false, detail: problems.join("; ") };
}

/**
 * Every aggregated API the stack registers (metrics-server's metrics.k8s.io) is Available: the API
 * server reaches its Service's endpoints and gets its discovery. Answered by the stand-in here.
 */
export async function aggregatedApisAvailable(run: StackRun): Promise<StepResult> {
    const step = "aggregated APIs available";
    const served = (await run.client.list("apiregistration.k8s.io/v1", "APIService")).filter((s) => s.spec?.service);
    if (served.length === 0) return { step, ok: true, detail: "the stack registers none" };
    const available = (s: any) => (s.status?.conditions ?? []).some((c: any) => c.type === "Available" && c.status === "True");
    const down = served.filter((s) => !available(s)).map((s) => {
        const condition = (s.status?.conditions ?? []).find((c: any) => c.type === "Available");
        return `${s.metadata.name} (${condition?.reason ?? "no condition"}: ${condition?.message ?? ""})`;
    });
    const names = served.map((s) => s.metadata.name).join(", ");
    return down.length === 0
        ? { step, ok: true, detail: `${names}: Available, through the aggregated-API stand-in` }
        : { step, ok: false, detail: `not available: ${down.join("; ")}` };
}

/** Helm's own way for a chart to keep an object on uninstall, which the provider honours on destroy. */
const keptByChart = (o: any): boolean => o.metadata?.annotations?.["helm.sh/resource-policy"] === "keep";

/** Every object of the plan, looked up on the cluster: those that exist, and those of them their chart keeps. */
async function planObjectsOnCluster(run: StackRun, planDir: string): Promise<{ present: string[]; kept: string[]; total: number }> {
    // Discovery is cached from before the stack's CRDs existed: without a fresh one every custom
    // object would look absent.
    run.client.invalidate();
    const files = (fs.readdirSync(planDir, { recursive: true }) as string[]).filter((f) => f.endsWith(".yaml"));
    const present: string[] = [];
    const kept: string[] = [];
    for (const f of files) {
        const o = parse(fs.readFileSync(path.join(planDir, f), "utf8"));
        if (!o?.kind || !o.metadata?.name) continue;
        const answer = await run.client.get(o.apiVersion, o.kind, o.metadata.namespace, o.metadata.name).catch(() => ({ status: 0 }));
        if (answer.status !== 200) continue;
        const id = `${o.kind} ${o.metadata.namespace ? `${o.metadata.namespace}/` : ""}${o.metadata.name}`;
        (keptByChart(o) ? kept : present).push(id);
    }
    return { present, kept, total: files.length };
}

export async function destroyLeavesNothing(run: StackRun, planDir: string): Promise<StepResult> {
    // The workflow's own command, its preview included.
    const c = await pulumi(run.ws, ["destroy", "--stack", run.stack, "--yes"], path.join(run.logs, `destroy-${run.stack}.log`));
    if (c.code !== 0) return failed("destroy", c, "the destroy failed");
    const left = await planObjectsOnCluster(run, planDir);
    return {
        step: "destroy", ok: left.present.length === 0, command: c,
        detail: `${left.present.length} of the plan's ${left.total} objects left${left.present.length ? `: ${left.present.slice(0, 10).join(", ")}` : ""}` +
            ` (${left.kept.length} kept by their chart's helm.sh/resource-policy: keep, as helm uninstall keeps them); ${timing(c)}`,
    };
}

/** The stack's resources the engine holds as `retainOnDelete`, named like planObjectsOnCluster names them. */
async function retainedInState(run: StackRun): Promise<{ retained: string[]; protectedCount: number } | CommandResult> {
    const c = await pulumi(run.ws, ["stack", "export", "--stack", run.stack], path.join(run.logs, `state-${run.stack}.json`));
    if (c.code !== 0) return c;
    const resources: any[] = JSON.parse(c.output).deployment?.resources ?? [];
    const retained = resources.filter((r) => r.retainOnDelete && r.outputs?.kind && r.outputs?.metadata?.name).map((r) => {
        const { kind, metadata } = r.outputs;
        return `${kind} ${metadata.namespace ? `${metadata.namespace}/` : ""}${metadata.name}`;
    });
    return { retained: retained.sort(), protectedCount: resources.filter((r) => r.protect).length };
}

/**
 * Prod's protected resources stop a destroy; the README's way out (unprotect, destroy) removes the
 * rest, and leaves on the cluster exactly what the engine's state marks `retainOnDelete`.
 */
export async function protectedDestroy(run: StackRun, planDir: string): Promise<StepResult> {
    const step = "destroy (protected)";
    const state = await retainedInState(run);
    if ("code" in state) return failed(step, state, "pulumi stack export failed");
    if (state.retained.length === 0) return { step, ok: false, detail: "the state holds no retainOnDelete object although prod protects its stateful data" };
    const blocked = await pulumi(run.ws, ["destroy", "--yes", "--skip-preview", "--stack", run.stack], path.join(run.logs, `destroy-blocked-${run.stack}.log`));
    if (blocked.code === 0) return { step, ok: false, detail: "destroy succeeded although prod protects its stateful data" };
    const unprotect = await pulumi(run.ws, ["state", "unprotect", "--all", "--yes", "--stack", run.stack], path.join(run.logs, `unprotect-${run.stack}.log`));
    if (unprotect.code !== 0) return failed(step, unprotect, "pulumi state unprotect --all failed");
    const c = await pulumi(run.ws, ["destroy", "--yes", "--skip-preview", "--stack", run.stack], path.join(run.logs, `destroy-${run.stack}.log`));
    if (c.code !== 0) return failed(step, c, "the destroy after unprotect failed");
    const left = await planObjectsOnCluster(run, planDir);
    // The provider marks what a chart keeps (helm.sh/resource-policy: keep) as retainOnDelete too.
    const onCluster = [...left.present, ...left.kept];
    const lost = state.retained.filter((id) => !onCluster.includes(id));
    const extra = onCluster.filter((id) => !state.retained.includes(id));
    return {
        step, ok: lost.length === 0 && extra.length === 0, command: c,
        detail: `first destroy refused (${state.protectedCount} protected in state); after \`pulumi state unprotect --all\` the destroy removed the rest ` +
            `and left ${onCluster.length} objects of the ${state.retained.length} the state retains: ${left.present.join(", ")}, and ${left.kept.length} kept by their chart` +
            (lost.length ? `; LOST: ${lost.join(", ")}` : "") + (extra.length ? `; LEFT although not retained: ${extra.slice(0, 10).join(", ")}` : "") +
            `; ${timing(c)}`,
    };
}

/**
 * The example application team's program (examples/team-service) on its own stack of the same
 * name, in the same backend: its StackReference reads the platform stack just deployed, and the
 * API server admits its objects into the team's namespace. Destroyed again before the platform.
 */
export async function consumerUpAndDown(run: StackRun): Promise<StepResult> {
    const step = "consumer up";
    const source = path.join(REPO, "examples", "team-service");
    const project = addProject(run.ws.dir, source, "team-service");
    fs.copyFileSync(path.join(source, `Pulumi.${run.stack}.yaml`), path.join(project, `Pulumi.${run.stack}.yaml`));
    const log = (what: string) => path.join(run.logs, `consumer-${what}-${run.stack}.log`);
    const init = await pulumi(run.ws, ["stack", "init", run.stack], log("init"), {}, project);
    if (init.code !== 0) return failed(step, init, "stack init failed");
    const c = await pulumi(run.ws, ["up", "--yes", "--skip-preview", "--stack", run.stack], log("up"), {}, project);
    if (c.code !== 0) return failed(step, c, "the team's update failed");
    const summary = resourceSummary(c.output);
    const outputs = await pulumi(run.ws, ["stack", "output", "--json", "--stack", run.stack], log("outputs"), {}, project);
    const contractVersion = outputs.code === 0 ? JSON.parse(outputs.output).platformContractVersion : undefined;
    const destroy = await pulumi(run.ws, ["destroy", "--yes", "--skip-preview", "--stack", run.stack], log("destroy"), {}, project);
    if (destroy.code !== 0) return failed(step, destroy, "the team's destroy failed");
    return {
        step, ok: contractVersion !== undefined, command: c,
        detail: `${summary} through a StackReference to the platform's ${run.stack} stack (contract v${contractVersion}); ${timing(c)}; then destroyed`,
    };
}
