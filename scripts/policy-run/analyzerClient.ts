// Starts a policy pack the way `pulumi preview --policy-pack DIR` does (run-policy-pack, which
// prints its port) and talks to it over the Analyzer gRPC protocol: GetAnalyzerInfo, Configure,
// Analyze per resource, AnalyzeStack. Used by the built-pack test and by bench:policy.
import * as grpc from "@grpc/grpc-js";
import { ChildProcess, spawn } from "child_process";
import * as fs from "fs";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { AnalyzerClient } from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import * as pb from "@pulumi/pulumi/proto/analyzer_pb";
import type { ResolvedPolicyConfig } from "./config";
import type { AnalyzedResource } from "./index";

/** The protocol's EnforcementLevel enum, in order. */
const LEVELS = ["advisory", "mandatory", "disabled", "remediate"];

export interface ProtocolDiagnostic {
    policy: string;
    level: string;
    message: string;
    urn: string;
}

/** CPU time (user + system, ms) a running process has used so far, from /proc (Linux). */
export function processCpuMillis(pid: number): number {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
}
const CLOCK_TICKS_PER_SECOND = 100;

function unary<Req, Res>(client: AnalyzerClient, method: string, request: Req): Promise<Res> {
    return new Promise((resolve, reject) => {
        (client as any)[method](request, (error: grpc.ServiceError | null, response: Res) => (error ? reject(error) : resolve(response)));
    });
}

function withResource<T extends pb.AnalyzeRequest | pb.AnalyzerResource>(message: T, r: AnalyzedResource): T {
    message.setType(r.type);
    message.setName(r.name);
    message.setUrn(r.urn);
    message.setProperties(Struct.fromJavaScript(r.props));
    const options = new pb.AnalyzerResourceOptions();
    if (r.parent) options.setParent(r.parent);
    message.setOptions(options);
    return message;
}

function collect(into: ProtocolDiagnostic[], response: pb.AnalyzeResponse, urn?: string): void {
    for (const d of response.getDiagnosticsList()) {
        into.push({ policy: d.getPolicyname(), level: LEVELS[d.getEnforcementlevel()], message: d.getMessage(), urn: d.getUrn() || urn || "" });
    }
}

export class RunningPack {
    private constructor(readonly process: ChildProcess, private readonly client: AnalyzerClient,
        /** CPU the pack used from its start until it listened (ms). */
        readonly startCpuMillis: number) {}

    /** Starts the pack in `packDir` with its installed @pulumi/pulumi's run-policy-pack. */
    static async start(packDir: string): Promise<RunningPack> {
        const runner = require.resolve("@pulumi/pulumi/cmd/run-policy-pack", { paths: [packDir] });
        const child = spawn(process.execPath, [runner, "127.0.0.1:0", "."], { cwd: packDir, stdio: ["ignore", "pipe", "pipe"] });
        let stderr = "";
        child.stderr!.on("data", (d) => (stderr += d));
        const port = await new Promise<number>((resolve, reject) => {
            let out = "";
            child.stdout!.on("data", (d) => {
                out += d;
                const line = /^(\d+)\s*$/m.exec(out);
                if (line) resolve(Number(line[1]));
            });
            child.on("exit", (code) => reject(new Error(`the pack exited (${code}) before listening:\n${stderr}`)));
        });
        const startCpuMillis = processCpuMillis(child.pid!);
        const client = new AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
        return new RunningPack(child, client, startCpuMillis);
    }

    cpuMillis(): number {
        return processCpuMillis(this.process.pid!);
    }

    async policyNames(): Promise<string[]> {
        const info = await unary<Empty, pb.AnalyzerInfo>(this.client, "getAnalyzerInfo", new Empty());
        return info.getPoliciesList().map((p) => p.getName());
    }

    /** Configure with each policy's level and defaulted properties (what the CLI sends). */
    async configure(config: Map<string, ResolvedPolicyConfig>): Promise<void> {
        const request = new pb.ConfigureAnalyzerRequest();
        for (const [name, { level, properties }] of config) {
            const policy = new pb.PolicyConfig();
            policy.setEnforcementlevel(LEVELS.indexOf(level) as pb.EnforcementLevel);
            policy.setProperties(Struct.fromJavaScript(properties));
            request.getPolicyconfigMap().set(name, policy);
        }
        await unary(this.client, "configure", request);
    }

    /** Analyze for each resource, then AnalyzeStack over all of them. */
    async analyze(resources: AnalyzedResource[]): Promise<ProtocolDiagnostic[]> {
        return [...await this.analyzeEach(resources), ...await this.analyzeStack(resources)];
    }

    /** Analyze for each resource, one request at a time, as the engine sends them. */
    async analyzeEach(resources: AnalyzedResource[]): Promise<ProtocolDiagnostic[]> {
        const diagnostics: ProtocolDiagnostic[] = [];
        for (const r of resources) collect(diagnostics, await unary(this.client, "analyze", withResource(new pb.AnalyzeRequest(), r)), r.urn);
        return diagnostics;
    }

    /** AnalyzeStack over all of `resources`, with parents and dependencies. */
    async analyzeStack(resources: AnalyzedResource[]): Promise<ProtocolDiagnostic[]> {
        const stack = new pb.AnalyzeStackRequest();
        stack.setResourcesList(resources.map((r) => {
            const message = withResource(new pb.AnalyzerResource(), r);
            if (r.parent) message.setParent(r.parent);
            message.setDependenciesList(r.dependencies ?? []);
            return message;
        }));
        const diagnostics: ProtocolDiagnostic[] = [];
        collect(diagnostics, await unary(this.client, "analyzeStack", stack));
        return diagnostics;
    }

    stop(): void {
        this.client.close();
        this.process.kill();
    }
}
