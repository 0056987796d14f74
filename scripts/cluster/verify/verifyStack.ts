// One stack on a fresh local cluster: apply everything `plan --render` produces, in the engine's
// order, then judge it: 0 rejected, 0 changed by a second apply, every workload ready on the fake
// nodes, every claim bound, no FailedCreate/FailedScheduling anywhere, and the planted faults caught.
import { KubernetesObject } from "../../plan/objects";
import { RunningCluster, waitFor } from "../cluster";
import { KubeObject } from "../kubeClient";
import { applyStandInCrds } from "../standIns/chartCrds";
import { AdmissionCheck, judgeAdmissionCases } from "./admissionCases";
import { Applied, applyAll, content, describe, toSend } from "./apply";
import { applyPhases } from "./applyOrder";
import { PlantedFault, plantFaults } from "./plantedFaults";
import { changedByApply } from "./reapply";
import { matches } from "./selectors";
import { StoodInWebhook, startStandIns } from "./webhookStandIns";
import { awaitWorkloads, ClaimState, claims, FailureEvent, failureEvents, isReady, WORKLOAD_KINDS, workloadId, WorkloadState } from "./workloads";

export interface StackVerdict {
    stack: string;
    objects: number;
    rejected: Applied[];
    changedOnReapply: Applied[];
    workloads: WorkloadState[];
    claims: ClaimState[];
    failures: FailureEvent[];
    webhooks: StoodInWebhook[];
    faults: PlantedFault[];
    /** The pack's admission-rule cases and chart look-alikes, judged by the API server. */
    admission: AdmissionCheck[];
    /** What stopped a phase short (e.g. a webhook backend that never became ready). */
    problems: string[];
    seconds: number;
}

export const passed = (v: StackVerdict) =>
    v.rejected.length === 0 && v.changedOnReapply.length === 0 && v.workloads.every(isReady)
    && v.claims.every((c) => c.phase === "Bound") && v.failures.length === 0 && v.faults.every((f) => f.caught) && v.problems.length === 0
    && v.admission.every((a) => a.ok);

const WORKLOAD_TIMEOUT_MS = Number(process.env.PLATFORM_WORKLOAD_TIMEOUT_MS ?? 240_000);

/** Workloads whose Pods a fail-closed webhook must admit: they wait for the webhook's backend. */
function behindWebhooks(objects: readonly KubernetesObject[], rest: readonly KubernetesObject[]): Set<KubernetesObject> {
    const namespaces = new Map(objects.filter((o) => o.kind === "Namespace").map((o) => [o.name, o.manifest.metadata?.labels ?? {}]));
    const podWebhooks = objects.filter((o) => o.kind.endsWith("WebhookConfiguration")).flatMap((o) => o.manifest.webhooks ?? [])
        .filter((w: any) => (w.failurePolicy ?? "Fail") === "Fail"
            && (w.rules ?? []).some((r: any) => (r.apiGroups ?? []).some((g: string) => g === "" || g === "*")
                && (r.resources ?? []).some((x: string) => x === "pods" || x === "*")));
    return new Set(rest.filter((o) => WORKLOAD_KINDS.includes(o.kind) && podWebhooks.some((w: any) =>
        matches(w.namespaceSelector, namespaces.get(o.namespace ?? "") ?? {})
        && matches(w.objectSelector, o.manifest.spec?.template?.metadata?.labels ?? {}))));
}

export async function verifyStack(cluster: RunningCluster, objects: KubernetesObject[], standInCrds: readonly KubeObject[] = []): Promise<StackVerdict> {
    const started = Date.now();
    const { client } = cluster;
    const standIns = await startStandIns(cluster.pki, objects);
    try {
        await applyStandInCrds(client, standInCrds);
        const { foundation, rest } = applyPhases(objects);
        const applied: Applied[] = await applyAll(client, foundation);
        await waitFor("every CRD Established", async () => {
            const crds = await client.list("apiextensions.k8s.io/v1", "CustomResourceDefinition");
            return crds.every((c) => c.status?.conditions?.some((x: any) => x.type === "Established" && x.status === "True")) ? true : undefined;
        }, 60_000);
        client.invalidate();
        // A fail-closed webhook's backend comes up before the webhook is registered, and the Pods it
        // admits after: the order the platform's dependencies give (the mesh before meshed workloads).
        const late = behindWebhooks(objects, rest);
        const webhookConfigs = rest.filter((o) => o.kind.endsWith("WebhookConfiguration"));
        const first = rest.filter((o) => !late.has(o) && !webhookConfigs.includes(o));
        applied.push(...await applyAll(client, first));
        await awaitWorkloads(client, WORKLOAD_TIMEOUT_MS);
        const problems: string[] = [];
        await standIns.awaitBackends(client, WORKLOAD_TIMEOUT_MS).catch((e) => problems.push((e as Error).message));
        applied.push(...await applyAll(client, webhookConfigs));
        await standIns.injectCaBundles(client);
        applied.push(...await applyAll(client, [...late]));
        const workloads = await awaitWorkloads(client, WORKLOAD_TIMEOUT_MS);
        const claimStates = await waitForClaims(client);

        // A second apply changes nothing the platform declares: read each object, apply, compare.
        const everything = [...foundation, ...first, ...webhookConfigs, ...late];
        const before = await Promise.all(everything.map(async (o) => {
            const sent = toSend(o);
            return content((await client.get(sent.apiVersion, sent.kind, sent.metadata.namespace, sent.metadata.name)).body);
        }));
        const again = await applyAll(client, everything, 0);
        const changedOnReapply = again.filter((a) => a.ok)
            .map((a) => ({ ...a, message: changedByApply(before[everything.indexOf(a.object)], a.content, a.sent) }))
            .filter((a) => a.message !== undefined);

        const failures = await failureEvents(client);
        const faults = await plantFaults(client, objects);
        const admission = await judgeAdmissionCases(client, cluster.stack, objects);
        return {
            stack: cluster.stack, objects: objects.length, rejected: applied.filter((a) => !a.ok), changedOnReapply,
            workloads, claims: claimStates, failures, webhooks: standIns.webhooks, faults, admission, problems, seconds: (Date.now() - started) / 1000,
        };
    } finally {
        await standIns.close();
    }
}

async function waitForClaims(client: RunningCluster["client"]): Promise<ClaimState[]> {
    let last: ClaimState[] = [];
    try {
        await waitFor("every claim bound", async () => {
            last = await claims(client);
            return last.every((c) => c.phase === "Bound") ? true : undefined;
        }, 60_000, 1000);
    } catch { /* reported */ }
    return last;
}

const count = (checks: readonly AdmissionCheck[], verdict: AdmissionCheck["got"]) => checks.filter((a) => a.got === verdict).length;

/** The one summary line per stack, then the details of whatever failed. */
export function report(v: StackVerdict): string {
    const ready = v.workloads.filter(isReady).length;
    const pods = v.workloads.reduce((n, w) => n + Math.min(w.ready, w.desired), 0);
    const desired = v.workloads.reduce((n, w) => n + w.desired, 0);
    const stoodIn = [...new Set(v.webhooks.map((w) => w.configuration))];
    const lines = [
        `cluster ${v.stack}: ${v.objects} objects applied, ${v.rejected.length} rejected, ${v.changedOnReapply.length} changed on re-apply, ` +
        `workloads ${ready}/${v.workloads.length} ready (pods ${pods}/${desired}), claims ${v.claims.filter((c) => c.phase === "Bound").length}/${v.claims.length} bound, ` +
        `${v.failures.length} failure events, faults caught ${v.faults.filter((f) => f.caught).length}/${v.faults.length}, ` +
        `admission cases as the pack says ${v.admission.filter((a) => a.ok).length}/${v.admission.length} ` +
        `(${count(v.admission, "denied")} denied, ${count(v.admission, "warned")} warned, ${count(v.admission, "admitted")} admitted, ` +
        `${count(v.admission, "not served")} not served), ` +
        `webhooks stood in for: ${stoodIn.length ? stoodIn.join(", ") : "none"}, ${v.seconds.toFixed(0)} s ` +
        `— ${passed(v) ? "PASS" : "FAIL"}`,
    ];
    for (const p of v.problems) lines.push(`  ${p}`);
    for (const a of v.rejected) lines.push(`  rejected ${describe(a)}: ${a.status} ${a.message}`);
    for (const a of v.changedOnReapply) lines.push(`  changed on re-apply: ${describe(a)} (${a.message})`);
    for (const w of v.workloads.filter((x) => !isReady(x))) lines.push(`  not ready: ${workloadId(w)} ${w.ready}/${w.desired}`);
    for (const c of v.claims.filter((x) => x.phase !== "Bound")) lines.push(`  claim ${c.namespace}/${c.name}: ${c.phase}`);
    for (const e of v.failures) lines.push(`  ${e.reason} ${e.namespace}/${e.object} (x${e.count}): ${e.message.slice(0, 300)}`);
    for (const a of v.admission.filter((x) => !x.ok)) lines.push(`  admission case "${a.name}": expected ${a.expected}, got ${a.got}: ${a.detail.slice(0, 400)}`);
    for (const a of v.admission.filter((x) => x.ok && x.got === "not served")) lines.push(`  admission case "${a.name}": ${a.detail}`);
    for (const a of v.admission.filter((x) => x.ok && x.got !== "not served")) lines.push(`  admission ${a.got.padEnd(8)} ${a.name}`);
    for (const f of v.faults) lines.push(`  planted fault "${f.name}": ${f.caught ? `caught — ${f.caught}` : "NOT CAUGHT"}`);
    for (const w of v.webhooks) lines.push(`  stand-in for webhook ${w.webhook} (${w.configuration} -> ${w.service}:${w.port}, ${w.calls} calls): ${w.unproven}`);
    return lines.join("\n");
}
