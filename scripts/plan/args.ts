// Command-line arguments of `plan`: parsed strictly, checked against the repository (the stack
// exists, its policy config exists, the output directory is writable) before anything runs.
import * as fs from "fs";
import * as path from "path";
import { parseArgs } from "util";
import { parseDocument } from "yaml";
import { ChartCache, chartCache } from "../helm/chartCache";

export const ROOT = path.resolve(__dirname, "../..");

export const USAGE = `Usage: npm run plan -- --stack <name> [options]

Runs the platform program offline (under mocks) for a stack, writes its Kubernetes objects as YAML,
validates them against the Kubernetes and CRD schemas and runs the policy pack over them.

Options:
  --stack <name>          stack to plan: one of the Pulumi.<name>.yaml files (required)
  --out <dir>             directory for the YAML manifests (default: out/plan/<stack>)
  --policy-config <file>  policy pack config (default: stacks/<stack>/policy-config.json)
  --json                  print the report as JSON on stdout instead of text (under npm run, use
                          npm run -s: npm prints its banner on stdout first)
  --json-file <file>      also write the report as JSON to <file>, whatever prints on stdout
  --services <n>          add n synthetic services through the Microservice component (bench)
  --render                render every Helm chart with a real Helm from the chart cache, and
                          validate and judge the charts' objects with the program's own
  --charts <dir>          chart cache for --render: archives as \`helm pull\` names them
                          (default: $PLATFORM_CHART_CACHE, else .charts/; fill it: npm run charts:pull)
  -h, --help              show this help

Exit codes: 0 compliant; 1 schema error, mandatory policy violation or program error (such as
invalid stack configuration); 2 bad arguments, an unreadable stack file or policy config.
Relative paths are taken from the directory you ran the command in.`;

export interface PlanArgs {
    stack: string;
    outDir: string;
    policyConfig: string;
    json: boolean;
    /** Where to write the JSON report as well; only set when given. */
    jsonFile?: string;
    services: number;
    /** Render the charts from this cache (undefined: no --render). */
    render?: ChartCache;
}

/** A problem with the command line: printed with the usage, exit code 2. */
export class UsageError extends Error {
    /** `showUsage` false: the arguments were fine, a file they name is not (the usage would not help). */
    constructor(message: string, readonly showUsage = true) {
        super(message);
        this.name = "UsageError";
    }
}

/** npm runs scripts in the package's directory; relative paths are the user's, from where they ran npm. */
export function userCwd(): string {
    return process.env.INIT_CWD ?? process.cwd();
}

const givenPaths = new Map<string, string>();

/** Resolves a path from the command line, remembering how the user spelled it. */
function resolveGiven(given: string): string {
    const resolved = path.resolve(userCwd(), given);
    givenPaths.set(resolved, given);
    return resolved;
}

/** A path for messages: as the user gave it, else relative to where they are when inside it. */
export function shownPath(resolved: string): string {
    const given = givenPaths.get(resolved);
    if (given !== undefined) return given;
    const relative = path.relative(userCwd(), resolved);
    return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : resolved;
}

/** Stacks that exist: the Pulumi.<stack>.yaml files next to Pulumi.yaml. */
export function existingStacks(root: string = ROOT): string[] {
    return fs.readdirSync(root)
        .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
        .filter((s): s is string => s !== undefined)
        .sort();
}

/**
 * mkdir -p one level at a time: a recursive mkdir retries forever where the parent exists but
 * refuses children without saying so (procfs answers ENOENT), e.g. --out /proc/x.
 */
function makeDirs(dir: string): void {
    const missing: string[] = [];
    let current = dir;
    while (!fs.existsSync(current)) {
        missing.unshift(current);
        const parent = path.dirname(current);
        if (parent === current) break;
        current = parent;
    }
    for (const d of missing) fs.mkdirSync(d);
    if (!fs.statSync(dir).isDirectory()) fs.mkdirSync(dir); // EEXIST: a file is in the way
}

/** Creates the directory if needed and proves it is writable by writing a probe file. */
export function ensureWritableDir(dir: string): void {
    try {
        makeDirs(dir);
        if (!fs.statSync(dir).isDirectory()) throw new Error("not a directory");
        const probe = path.join(dir, `.plan-write-probe-${process.pid}`);
        fs.writeFileSync(probe, "");
        fs.rmSync(probe);
    } catch (e) {
        const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
        throw new UsageError(`output directory ${shownPath(dir)} is not writable (${reason})`);
    }
}

function parseCount(raw: string | undefined): number {
    if (raw === undefined) return 0;
    if (!/^\d+$/.test(raw)) throw new UsageError(`--services must be a non-negative integer (got "${raw}")`);
    return Number(raw);
}

/** Parses and checks the arguments; returns undefined when help was asked for. */
export function parsePlanArgs(argv: string[], root: string = ROOT): PlanArgs | undefined {
    let values;
    try {
        values = parseArgs({
            args: argv,
            strict: true,
            allowPositionals: false,
            options: {
                stack: { type: "string" },
                out: { type: "string" },
                "policy-config": { type: "string" },
                json: { type: "boolean", default: false },
                "json-file": { type: "string" },
                services: { type: "string" },
                render: { type: "boolean", default: false },
                charts: { type: "string" },
                help: { type: "boolean", short: "h", default: false },
            },
        }).values;
    } catch (e) {
        throw new UsageError((e as Error).message);
    }
    if (values.help) return undefined;
    const stacks = existingStacks(root);
    if (!values.stack) throw new UsageError(`--stack is required; stacks: ${stacks.join(", ")}`);
    if (!stacks.includes(values.stack)) {
        throw new UsageError(`unknown stack "${values.stack}" (no Pulumi.${values.stack}.yaml); stacks: ${stacks.join(", ")}`);
    }
    const services = parseCount(values.services);
    checkStackFiles(root, values.stack);
    const given = values["policy-config"];
    const policyConfig = given !== undefined ? resolveGiven(given) : path.join(root, "stacks", values.stack, "policy-config.json");
    if (!fs.existsSync(policyConfig) || !fs.statSync(policyConfig).isFile()) {
        if (given !== undefined) throw new UsageError(`policy config file ${given} does not exist`);
        throw new UsageError(`stack "${values.stack}" has no policy config: create ${path.relative(root, policyConfig)} ` +
            "(start from stacks/dev/policy-config.json for advisory policies or stacks/prod/policy-config.json for mandatory ones; " +
            "see policy/README.md), or pass --policy-config <file>", false);
    }
    const outDir = values.out !== undefined ? resolveGiven(values.out) : path.join(root, "out", "plan", values.stack);
    ensureWritableDir(outDir);
    const jsonFile = values["json-file"] !== undefined ? resolveGiven(values["json-file"]) : undefined;
    if (jsonFile !== undefined) ensureWritableDir(path.dirname(jsonFile));
    if (values.charts !== undefined && !values.render) throw new UsageError("--charts is the chart cache of --render: add --render");
    const render = values.render ? chartCache(values.charts === undefined ? undefined : resolveGiven(values.charts)) : undefined;
    return {
        stack: values.stack, outDir, policyConfig, json: values.json ?? false, ...(jsonFile ? { jsonFile } : {}), services,
        ...(render ? { render } : {}),
    };
}

/** Pulumi.yaml and the stack's file parse as YAML mappings; else the file, line and column. */
export function checkStackFiles(root: string, stack: string): void {
    for (const name of ["Pulumi.yaml", `Pulumi.${stack}.yaml`]) {
        const doc = parseDocument(fs.readFileSync(path.join(root, name), "utf8"));
        const error = doc.errors[0];
        if (error) {
            const at = error.linePos?.[0];
            const where = at ? `${name}:${at.line}:${at.col}` : name;
            throw new UsageError(`${where}: invalid YAML: ${error.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "")}`, false);
        }
        const contents = doc.toJS();
        if (contents !== null && (typeof contents !== "object" || Array.isArray(contents))) {
            throw new UsageError(`${name}: must be a YAML mapping (keys such as config:), got ${Array.isArray(contents) ? "a list" : typeof contents}`, false);
        }
        if (name !== "Pulumi.yaml" && contents?.config !== undefined && contents.config !== null &&
            (typeof contents.config !== "object" || Array.isArray(contents.config))) {
            throw new UsageError(`${name}: config: must be a mapping of keys such as platform:profile`, false);
        }
    }
}
