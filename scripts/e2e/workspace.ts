// Where the real engine runs for `npm run e2e`: a temporary directory with a local backend, a
// PULUMI_HOME of its own and a project that runs this repository's program. Each stack's config is
// the repository's own Pulumi.<stack>.yaml plus two keys for this machine (the local cluster's
// context and the chart directory), written to the project there, so the clone is not touched.
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parse, stringify } from "yaml";
import { CONTEXT } from "../cluster/kubeconfig";
import { TOOL_BIN } from "../cluster/layout";

export const REPO = path.resolve(__dirname, "../..");

export interface Workspace {
    dir: string;
    project: string;
    env: NodeJS.ProcessEnv;
}

export interface CommandResult {
    code: number;
    output: string;
    wallMillis: number;
    /** User + system CPU of the command and every process it waited for (the plugins, the program). */
    cpuMillis: number;
}

/**
 * A project directory in the workspace that runs the program of `source` (a folder of this
 * repository holding a Pulumi.yaml): its `main` made absolute, its package.json, the repository's
 * node_modules. Stack files are written beside it, so the source folder is not touched.
 */
export function addProject(wsDir: string, source: string, name: string, nodeModules = path.join(REPO, "node_modules")): string {
    const project = path.join(wsDir, name);
    fs.mkdirSync(project);
    const pulumiYaml = parse(fs.readFileSync(path.join(source, "Pulumi.yaml"), "utf8"));
    pulumiYaml.main = path.join(source, pulumiYaml.main ?? ".");
    fs.writeFileSync(path.join(project, "Pulumi.yaml"), stringify(pulumiYaml));
    fs.copyFileSync(path.join(source, "package.json"), path.join(project, "package.json"));
    fs.symlinkSync(nodeModules, path.join(project, "node_modules"));
    return project;
}

export function createWorkspace(kubeconfig: string): Workspace {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "platform-e2e-"));
    fs.mkdirSync(path.join(dir, "state"), { recursive: true });
    const project = addProject(dir, REPO, "project");
    return {
        dir, project,
        env: {
            ...process.env,
            PATH: `${TOOL_BIN}:${path.join(REPO, "node_modules", ".bin")}:${process.env.PATH}`,
            PULUMI_HOME: path.join(dir, "pulumi-home"),
            PULUMI_BACKEND_URL: `file://${path.join(dir, "state")}`,
            PULUMI_CONFIG_PASSPHRASE: "e2e-local-passphrase",
            PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
            PULUMI_SKIP_UPDATE_CHECK: "true",
            PULUMI_SKIP_CONFIRMATIONS: "true",
            KUBECONFIG: kubeconfig,
        },
    };
}

/**
 * The repository's stack file (or `source`'s, another checkout's) with this machine's cluster
 * context and chart directory added, written to `project` (the workspace's own by default).
 */
export function writeStackConfig(ws: Workspace, stack: string, chartDirectory: string, source = REPO, project = ws.project): void {
    const file = parse(fs.readFileSync(path.join(source, `Pulumi.${stack}.yaml`), "utf8")) ?? {};
    file.config = { ...file.config, "platform:chartDirectory": chartDirectory, "platform:kubernetes": { context: CONTEXT } };
    fs.writeFileSync(path.join(project, `Pulumi.${stack}.yaml`), stringify(file));
}

/** Every `pulumi` command this process ran, its arguments as given: e2e holds the workflow's against them. */
export const EXECUTED: string[][] = [];

/** Runs `pulumi <args>` in the project (or `cwd`), timed by /usr/bin/time; the output is kept for the report. */
export function pulumi(ws: Workspace, args: readonly string[], log: string, env: NodeJS.ProcessEnv = {}, cwd = ws.project): Promise<CommandResult> {
    const timeFile = path.join(ws.dir, "time.txt");
    const started = Date.now();
    EXECUTED.push([...args]);
    return new Promise((resolve, reject) => {
        const child = spawn("/usr/bin/time", ["-f", "%U %S", "-o", timeFile, "pulumi", ...args, "--non-interactive"],
            { cwd, env: { ...ws.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
        const out = fs.createWriteStream(log);
        const chunks: Buffer[] = [];
        for (const stream of [child.stdout, child.stderr]) {
            stream.on("data", (c: Buffer) => { chunks.push(c); out.write(c); });
        }
        child.on("error", reject);
        child.on("close", (code) => {
            out.end();
            const [user, system] = fs.readFileSync(timeFile, "utf8").trim().split("\n").pop()!.split(" ").map(Number);
            resolve({ code: code ?? 1, output: Buffer.concat(chunks).toString("utf8"), wallMillis: Date.now() - started, cpuMillis: Math.round((user + system) * 1000) });
        });
    });
}
