// The policy pack's cost against two floors, as CPU time of the pack's process. Starts the built
// pack (policy/bin) the way `pulumi preview --policy-pack policy` does and sends synthetic stacks
// of growing size over the Analyzer protocol (Analyze per resource, then AnalyzeStack), three runs
// per round:
//   - the pack with prod's config;
//   - the dispatch floor: the same policies, enabled, with validations that do nothing
//     (bench/dispatchFloorPack.ts), i.e. what the SDK itself spends per policy and resource;
//   - the protocol floor: the pack with every policy disabled (only the protocol and the SDK's loop).
// Two layouts: 3 services per tenant namespace, and every service in one namespace (where a policy
// that scans its namespace per resource turns quadratic). The namespaces are in the mesh, as the
// platform's tenant namespaces are, so the mesh analyzers judge every workload. Prints the start
// CPU, CPU per resource, the ratios between the three and the log-log slope of CPU over resources.
// Ratios, not verdicts: the machine is shared. `--pack` runs another build of the pack (e.g. an
// older commit's) the same way.
//
//   npm run bench:policy [-- --sizes 1000,2000,4000,8000] [--repeat 3] [--pack policy]
import * as os from "os";
import * as path from "path";
import { parseArgs } from "util";
import { RunningPack } from "./policy-run/analyzerClient";
import { AnalyzedResource as HarnessResource, loadStackPolicyConfig, ResolvedPolicyConfig, resolveConfig } from "./policy-run";
import { resource, restrictedPod, workload } from "./policy-run/pods";
import { writeDispatchFloorPack } from "./bench/dispatchFloorPack";
import { logLogSlope, median, table } from "./bench/measure";

const PACK_DIR = path.resolve(__dirname, "../policy");
const SERVICES_PER_TEAM = { spread: 3, "one namespace": Number.POSITIVE_INFINITY } as const;
type Layout = keyof typeof SERVICES_PER_TEAM;

/**
 * About `size` resources: per tenant namespace (in the mesh) its namespace, quota, limits and
 * default-deny, and per service a Deployment, ServiceAccount, Service, PDB and ServiceMonitor.
 */
function syntheticStack(size: number, layout: Layout): HarnessResource[] {
    const chart = resource("kubernetes:helm.sh/v4:Chart", "kube-prometheus-stack", { chart: "kube-prometheus-stack", version: "88.5.3", namespace: "monitoring" });
    const resources: HarnessResource[] = [chart];
    let ns = "";
    let inTeam = SERVICES_PER_TEAM[layout];
    for (let i = 0; resources.length < size; i++, inTeam++) {
        if (inTeam >= SERVICES_PER_TEAM[layout]) {
            ns = `team-${i}`;
            inTeam = 0;
            const meta = (name: string) => ({ metadata: { name, namespace: ns } });
            resources.push(
                resource("kubernetes:core/v1:Namespace", ns, { metadata: { name: ns, labels: {
                    "istio-injection": "enabled", "pod-security.kubernetes.io/enforce": "restricted", "platform.example.com/tenant": "true", "platform.example.com/team": ns } } }),
                resource("kubernetes:core/v1:ResourceQuota", `${ns}-quota`, { ...meta("team-quota"), spec: { hard: { pods: "50" } } }),
                resource("kubernetes:core/v1:LimitRange", `${ns}-limits`, { ...meta("container-defaults"), spec: { limits: [] } }),
                resource("kubernetes:networking.k8s.io/v1:NetworkPolicy", `${ns}-default-deny`,
                    { ...meta("default-deny"), spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"] } }),
            );
        }
        const name = `svc-${i}`;
        const meta = { metadata: { name, namespace: ns } };
        const pod = restrictedPod();
        pod.metadata.labels = { app: name };
        pod.spec.serviceAccountName = name;
        const deployment = workload("Deployment", pod, ns, name);
        deployment.name = `${ns}-${name}`;
        deployment.urn += `-${ns}-${i}`;
        deployment.props.spec.replicas = 2;
        resources.push(
            deployment,
            resource("kubernetes:core/v1:ServiceAccount", `${ns}-${name}-sa`, meta),
            resource("kubernetes:core/v1:Service", `${ns}-${name}-svc`, { ...meta, spec: { type: "ClusterIP", selector: { app: name }, ports: [{ name: "http", port: 80, targetPort: 8080 }] } }),
            resource("kubernetes:policy/v1:PodDisruptionBudget", `${ns}-${name}-pdb`, { ...meta, spec: { maxUnavailable: 1, selector: { matchLabels: { app: name } } } }),
            resource("kubernetes:monitoring.coreos.com/v1:ServiceMonitor", `${ns}-${name}-monitor`, { ...meta, spec: {} }, { dependencies: [chart.urn] }),
        );
    }
    return resources;
}

interface Run {
    startCpuMillis: number;
    /** CPU of the Analyze requests, one per resource. */
    analyzeCpuMillis: number;
    /** CPU of the AnalyzeStack request. */
    stackCpuMillis: number;
    diagnostics: number;
}

/** A fresh pack process: start, configure, then Analyze and AnalyzeStack over `resources`. */
async function runPack(packDir: string, resources: HarnessResource[], config: Map<string, ResolvedPolicyConfig>): Promise<Run> {
    const pack = await RunningPack.start(packDir);
    try {
        await pack.configure(config);
        const before = pack.cpuMillis();
        const perResource = await pack.analyzeEach(resources);
        const afterAnalyze = pack.cpuMillis();
        const stack = await pack.analyzeStack(resources);
        return {
            startCpuMillis: pack.startCpuMillis, analyzeCpuMillis: afterAnalyze - before, stackCpuMillis: pack.cpuMillis() - afterAnalyze,
            diagnostics: perResource.length + stack.length,
        };
    } finally {
        pack.stop();
    }
}

const f1 = (n: number) => n.toFixed(1);
const f2 = (n: number) => n.toFixed(2);

type Build = "pack" | "dispatch" | "floor";
type Phase = (run: Run) => number;
const whole: Phase = (run) => run.analyzeCpuMillis + run.stackCpuMillis;
const analyzePhase: Phase = (run) => run.analyzeCpuMillis;
const stackPhase: Phase = (run) => run.stackCpuMillis;

interface Row {
    size: number;
    runs: Record<Build, Run[]>;
}

/** The median over rounds of one build's CPU (in `phase`) divided by another's in the same round. */
const ratio = (row: Row, over: Build, under: Build, phase: Phase = whole) =>
    f2(median(row.runs[over].map((run, i) => phase(run) / phase(row.runs[under][i]))));

function printLayout(layout: Layout, rows: Row[]): void {
    const perResource = (r: Row, build: Build) => f1((median(r.runs[build].map(whole)) * 1000) / r.size);
    console.log(`${layout} (${layout === "spread" ? "3 services per tenant namespace" : "every service in one namespace"}):\n`);
    console.log(table(
        ["resources", "pack µs/resource", "dispatch floor µs/resource", "protocol floor µs/resource", "pack/protocol", "dispatch/protocol", "pack/dispatch",
            "Analyze pack/protocol", "AnalyzeStack pack/protocol", "diagnostics"],
        rows.map((r) => [r.size, perResource(r, "pack"), perResource(r, "dispatch"), perResource(r, "floor"),
            ratio(r, "pack", "floor"), ratio(r, "dispatch", "floor"), ratio(r, "pack", "dispatch"),
            `${ratio(r, "pack", "floor", analyzePhase)} (dispatch ${ratio(r, "dispatch", "floor", analyzePhase)})`,
            `${ratio(r, "pack", "floor", stackPhase)} (dispatch ${ratio(r, "dispatch", "floor", stackPhase)})`,
            r.runs.pack[0].diagnostics]),
    ));
    const slope = (build: Build) => f2(logLogSlope(rows.map((r) => ({ x: r.size, y: median(r.runs[build].map(whole)) }))));
    console.log(`\nlog-log slope ${rows[0].size}->${rows.at(-1)!.size} resources: pack ${slope("pack")}, dispatch floor ${slope("dispatch")}, ` +
        `protocol floor ${slope("floor")} (1 = linear)\n`);
}

async function main() {
    const { values } = parseArgs({ options: {
        sizes: { type: "string", default: "1000,2000,4000,8000" }, repeat: { type: "string", default: "3" }, pack: { type: "string", default: PACK_DIR },
    } });
    const packDir = path.resolve(values.pack!);
    const sizes = values.sizes!.split(",").map(Number);
    const repeat = Number(values.repeat);
    if (sizes.length < 2 || sizes.some((n) => !Number.isInteger(n) || n < 10)) throw new Error("--sizes needs 2 or more integers of at least 10, e.g. 1000,8000");
    if (!Number.isInteger(repeat) || repeat < 1) throw new Error("--repeat needs a positive integer");

    const prod = resolveConfig(loadStackPolicyConfig("prod"));
    const floor = new Map([...prod].map(([name, c]) => [name, { ...c, level: "disabled" as const }]));
    const dispatchFloor = writeDispatchFloorPack(packDir);
    const starts: number[] = [];
    console.log(`Pack ${path.relative(process.cwd(), packDir) || "."}/bin over the Analyzer protocol, prod config; dispatch floor: the same policies doing nothing; ` +
        `protocol floor: every policy disabled. ${os.cpus().length} CPUs, Node ${process.version}, ${repeat} interleaved rounds per size, CPU time of the pack's process\n`);
    try {
        for (const layout of Object.keys(SERVICES_PER_TEAM) as Layout[]) {
            const rows: Row[] = [];
            for (const size of sizes) {
                const resources = syntheticStack(size, layout);
                const row: Row = { size: resources.length, runs: { pack: [], dispatch: [], floor: [] } };
                for (let round = 0; round < repeat; round++) {
                    const withPolicies = await runPack(packDir, resources, prod);
                    const doingNothing = await runPack(dispatchFloor.dir, resources, prod);
                    const withoutPolicies = await runPack(packDir, resources, floor);
                    starts.push(withPolicies.startCpuMillis, withoutPolicies.startCpuMillis);
                    row.runs.pack.push(withPolicies);
                    row.runs.dispatch.push(doingNothing);
                    row.runs.floor.push(withoutPolicies);
                }
                const cpu = (build: Build) => median(row.runs[build].map(whole)).toFixed(0);
                process.stderr.write(`  ${layout}, ${row.size} resources: pack ${cpu("pack")} ms, dispatch floor ${cpu("dispatch")} ms, protocol floor ${cpu("floor")} ms CPU\n`);
                rows.push(row);
            }
            printLayout(layout, rows);
        }
    } finally {
        dispatchFloor.remove();
    }
    console.log(`Pack start (spawn until it listens), CPU: median ${median(starts).toFixed(0)} ms, ` +
        `min ${Math.min(...starts).toFixed(0)}, max ${Math.max(...starts).toFixed(0)} over ${starts.length} starts`);
}

main().then(() => process.exit(0), (e) => {
    console.error(e);
    process.exit(1);
});
