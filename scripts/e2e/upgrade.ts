// An upgrade with the real engine: a stack deployed by an earlier, fixed commit of this repository,
// then previewed and updated by the checkout at hand. Nothing that holds data may be replaced or
// deleted on the way; the HEAD update must then be final (a second one changes nothing).
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { parse, stringify } from "yaml";
import { inHostNetwork } from "../cluster/netns";
import { failed, resourceSummary, StackRun, StepResult, timing } from "./steps";
import { addProject, pulumi, REPO, writeStackConfig } from "./workspace";

/**
 * The commit the upgrade starts from: the last one CI landed before the in-cluster admission
 * policies and the build seams were merged (stop 35, "README: the real engine's measured times").
 * Moving it forward is a decision: it is the oldest deployment users are promised to upgrade from.
 */
export const UPGRADE_FROM = "3a7b7a18393804f634f0d53767f717806e12fef0";

/** Kinds whose replacement or deletion loses data, and the data each holds. */
export const STATEFUL_TYPES: Readonly<Record<string, string>> = {
    "kubernetes:elasticsearch.k8s.elastic.co/v1:Elasticsearch": "the log store and its volume claims",
    "kubernetes:monitoring.coreos.com/v1:Prometheus": "the metrics store's StatefulSet and volume claims",
    "kubernetes:monitoring.coreos.com/v1:Alertmanager": "silences and notification state",
    "kubernetes:core/v1:PersistentVolumeClaim": "a volume",
    "kubernetes:apps/v1:StatefulSet": "its volume claim templates",
    "kubernetes:core/v1:Namespace": "every object in it, claims included",
    "kubernetes:apiextensions.k8s.io/v1:CustomResourceDefinition": "every object of its kind",
    "kubernetes:argoproj.io/v1alpha1:Application": "Argo CD's sync state and history",
    "kubernetes:argoproj.io/v1alpha1:AppProject": "a team's Argo CD boundary",
};

const DESTRUCTIVE_OPS = new Set(["replace", "create-replacement", "delete-replaced", "delete", "discard"]);

/** A resource's type from its URN (`urn:pulumi:<stack>::<project>::<parent types>$<type>::<name>`). */
export function typeOfUrn(urn: string): string {
    return urn.split("::")[2]?.split("$").pop() ?? "";
}

/** The earlier commit's tree with its own dependencies installed, outside the clone. */
function checkoutEarlierCommit(dir: string, commit: string, log: string): string | undefined {
    fs.mkdirSync(dir, { recursive: true });
    const archive = spawnSync("bash", ["-c", `git -C "${REPO}" archive "${commit}" | tar -x -C "${dir}"`], { encoding: "utf8" });
    if (archive.status !== 0) return `git archive ${commit}: ${archive.stderr.trim()}`;
    // e2e runs inside the cluster's network namespace, which has no route out to the registry.
    const [command, args] = inHostNetwork("npm", ["ci", "--prefer-offline", "--no-audit", "--no-fund"]);
    const install = spawnSync(command, args, { cwd: dir, encoding: "utf8", maxBuffer: 64 << 20 });
    fs.writeFileSync(log, install.stdout + install.stderr);
    return install.status === 0 ? undefined : `npm ci at ${commit.slice(0, 12)} failed (exit ${install.status}); see ${log}`;
}

/**
 * `pulumi up` of `run.stack` at UPGRADE_FROM, in a project of its own on the same backend and stack
 * (same project name), then `pulumi preview --json` at HEAD: no step may replace or delete a
 * stateful resource. The caller then runs HEAD's `up` and a second, no-change one.
 */
export async function upAtEarlierCommit(run: StackRun, commit = UPGRADE_FROM): Promise<StepResult> {
    const step = `up at ${commit.slice(0, 12)}`;
    const earlier = path.join(run.ws.dir, "earlier");
    const problem = checkoutEarlierCommit(earlier, commit, path.join(run.logs, `upgrade-npm-ci-${run.stack}.log`));
    if (problem) return { step, ok: false, detail: problem };
    const project = addProject(run.ws.dir, earlier, "earlier-project", path.join(earlier, "node_modules"));
    writeStackConfig(run.ws, run.stack, run.charts, earlier, project);
    const init = await pulumi(run.ws, ["stack", "init", run.stack], path.join(run.logs, `upgrade-init-${run.stack}.log`), {}, project);
    if (init.code !== 0) return failed(step, init, "stack init failed");
    shareEncryptionSalt(path.join(project, `Pulumi.${run.stack}.yaml`), path.join(run.ws.project, `Pulumi.${run.stack}.yaml`));
    const c = await pulumi(run.ws, ["up", "--yes", "--skip-preview", "--stack", run.stack], path.join(run.logs, `upgrade-from-${run.stack}.log`), {}, project);
    if (c.code !== 0) return failed(step, c, "the earlier commit's update failed");
    const summary = resourceSummary(c.output);
    return { step, ok: true, detail: `${summary}; ${timing(c)}`, command: c };
}

/** Both projects address one stack; its passphrase salt lives in the stack file `stack init` wrote. */
function shareEncryptionSalt(from: string, to: string): void {
    const salt = parse(fs.readFileSync(from, "utf8"))?.encryptionsalt;
    if (!salt) return;
    const file = parse(fs.readFileSync(to, "utf8")) ?? {};
    fs.writeFileSync(to, stringify({ encryptionsalt: salt, ...file }));
}

/** `pulumi preview --json`'s answer: `steps` lists every step but the unchanged ones; `changeSummary` counts them all. */
export interface PreviewJson {
    steps?: { op: string; urn: string }[];
    changeSummary?: Record<string, number>;
}

/** The preview's destructive steps, those of them on a stateful kind, and the count of each operation. */
export function judgeUpgrade(preview: PreviewJson) {
    const destructive = (preview.steps ?? []).filter((s) => DESTRUCTIVE_OPS.has(s.op));
    const stateful = destructive.filter((s) => STATEFUL_TYPES[typeOfUrn(s.urn)]);
    return { destructive, stateful, counts: Object.entries(preview.changeSummary ?? {}) };
}

export async function upgradePreview(run: StackRun): Promise<StepResult> {
    const step = "upgrade preview";
    const c = await pulumi(run.ws, ["preview", "--json", "--stack", run.stack], path.join(run.logs, `upgrade-preview-${run.stack}.json`));
    if (c.code !== 0) return failed(step, c, "HEAD's preview of the earlier deployment failed");
    const { destructive, stateful, counts } = judgeUpgrade(JSON.parse(c.output));
    const describe = (s: { op: string; urn: string }) => `${s.op} ${typeOfUrn(s.urn)} ${s.urn.split("::").pop()}`;
    return {
        step, ok: stateful.length === 0, command: c,
        detail: `${counts.map(([op, n]) => `${n} ${op}`).join(", ")}; ${stateful.length} stateful resources replaced or deleted` +
            (stateful.length ? `: ${stateful.map((s) => `${describe(s)} (${STATEFUL_TYPES[typeOfUrn(s.urn)]})`).join("; ")}` : "") +
            (destructive.length > stateful.length ? `; stateless: ${destructive.filter((s) => !stateful.includes(s)).slice(0, 8).map(describe).join("; ")}` : "") +
            `; ${timing(c)}`,
    };
}
