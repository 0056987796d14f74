// Command-line arguments of `plan`: parsed strictly, checked against the repository (the stack
// exists, its policy config exists, the output directory is writable) before anything runs.
import * as fs from "fs";
import * as path from "path";
import { parseArgs } from "util";
import { ChartCache, chartCache } from "../helm/chartCache";

export const ROOT = path.resolve(__dirname, "../..");

export const USAGE = `Usage: npm run plan -- --stack <name> [options]

Runs the platform program offline (under mocks) for a stack, writes its Kubernetes objects as YAML,
validates them against the Kubernetes and CRD schemas and runs the policy pack over them.

Options:
  --stack <name>          stack to plan: one of the Pulumi.<name>.yaml files (required)
  --out <dir>             directory for the YAML manifests (default: out/plan/<stack>)
  --policy-config <file>  policy pack config (default: stacks/<stack>/policy-config.json)
  --json                  print the report as JSON on stdout instead of text
  --services <n>          add n synthetic services through the Microservice component (bench)
  --render                render every Helm chart with a real Helm from the chart cache, and
                          validate and judge the charts' objects with the program's own
  --charts <dir>          chart cache for --render: archives as \`helm pull\` names them
                          (default: $PLATFORM_CHART_CACHE, else .charts/; fill it: npm run charts:pull)
  -h, --help              show this help

Exit codes: 0 compliant; 1 schema error, mandatory policy violation or program error;
2 bad arguments.`;

export interface PlanArgs {
    stack: string;
    outDir: string;
    policyConfig: string;
    json: boolean;
    services: number;
    /** Render the charts from this cache (undefined: no --render). */
    render?: ChartCache;
}

/** A problem with the command line: printed with the usage, exit code 2. */
export class UsageError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "UsageError";
    }
}

/** Stacks that exist: the Pulumi.<stack>.yaml files next to Pulumi.yaml. */
export function existingStacks(root: string = ROOT): string[] {
    return fs.readdirSync(root)
        .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
        .filter((s): s is string => s !== undefined)
        .sort();
}

/** Creates the directory if needed and proves it is writable by writing a probe file. */
export function ensureWritableDir(dir: string): void {
    try {
        fs.mkdirSync(dir, { recursive: true });
        if (!fs.statSync(dir).isDirectory()) throw new Error("not a directory");
        const probe = path.join(dir, `.plan-write-probe-${process.pid}`);
        fs.writeFileSync(probe, "");
        fs.rmSync(probe);
    } catch (e) {
        const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
        throw new UsageError(`output directory ${dir} is not writable (${reason})`);
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
    const policyConfig = path.resolve(values["policy-config"] ?? path.join(root, "stacks", values.stack, "policy-config.json"));
    if (!fs.existsSync(policyConfig) || !fs.statSync(policyConfig).isFile()) {
        throw new UsageError(`policy config file ${path.relative(process.cwd(), policyConfig) || policyConfig} does not exist`);
    }
    const outDir = path.resolve(values.out ?? path.join(root, "out", "plan", values.stack));
    ensureWritableDir(outDir);
    if (values.charts !== undefined && !values.render) throw new UsageError("--charts is the chart cache of --render: add --render");
    const render = values.render ? chartCache(values.charts) : undefined;
    return { stack: values.stack, outDir, policyConfig, json: values.json ?? false, services, ...(render ? { render } : {}) };
}
