// The users' workflow stays true: every `pulumi` command that .github/workflows/platform.yml runs
// (in a `run:` block, or through pulumi/actions' `command`) must be one e2e executed, with at least
// the workflow's arguments. Paths are compared relative to the repository, and a `file://` backend
// as any local one (the workflow's is the runner's home, e2e's a temporary directory).
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { REPO } from "./workspace";

export const WORKFLOW = path.join(REPO, ".github", "workflows", "platform.yml");

/** How a command's words are compared: repository paths made relative, any file:// backend alike. */
export function normalizeWords(words: readonly string[]): string[] {
    return words.map((w) => w.startsWith(`${REPO}/`) ? path.relative(REPO, w) : w.startsWith("file://") ? "file://<local>" : w);
}

interface Step { run?: string; uses?: string; with?: Record<string, unknown> }
interface Job { strategy?: { matrix?: Record<string, unknown[]> }; steps?: Step[] }

/** Every pulumi command of the workflow, once per value of its job's `matrix.stack`. */
export function workflowPulumiCommands(text: string): string[][] {
    const jobs: Record<string, Job> = parse(text).jobs ?? {};
    const commands: string[][] = [];
    for (const job of Object.values(jobs)) {
        const stacks = (job.strategy?.matrix?.stack as string[] | undefined) ?? [""];
        for (const stack of stacks) {
            const expand = (s: string) => s.replace(/\$\{\{\s*matrix\.stack\s*\}\}/g, stack);
            for (const step of job.steps ?? []) {
                for (const line of (step.run ?? "").split("\n").map((l) => l.trim())) {
                    if (line.startsWith("pulumi ")) commands.push(expand(line).split(/\s+/).slice(1));
                }
                const w = step.with ?? {};
                if (step.uses?.startsWith("pulumi/actions@") && typeof w.command === "string") {
                    commands.push(["stack", "select", "--create", "--secrets-provider", String(w["secrets-provider"]), expand(String(w["stack-name"]))]);
                    commands.push([w.command, "--stack", expand(String(w["stack-name"])),
                        ...(w.policyPacks ? ["--policy-pack", String(w.policyPacks)] : []),
                        ...(w.policyPackConfigs ? ["--policy-pack-config", expand(String(w.policyPackConfigs))] : [])]);
                }
            }
        }
    }
    return commands;
}

/** Same subcommand, and every word of the wanted command (flags, their values) among the executed one's. */
function covers(executed: readonly string[], wanted: readonly string[]): boolean {
    return executed[0] === wanted[0] && wanted.every((w) => executed.includes(w));
}

/** The workflow's pulumi commands that no executed command covers. */
export function commandsNotRun(executed: readonly (readonly string[])[], text = fs.readFileSync(WORKFLOW, "utf8")): string[] {
    return workflowPulumiCommands(text)
        .map((c) => normalizeWords(c))
        .filter((wanted) => !executed.some((e) => covers(normalizeWords(e), wanted)))
        .map((c) => `pulumi ${c.join(" ")}`);
}
