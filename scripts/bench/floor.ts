// The SDK floor for `npm run bench`: registers exactly the resources a platform run registered
// (same types, names, inputs, parents; components with registerOutputs), straight from a recording,
// with no component logic, Outputs or config in between. Run by the harness under the same mocks
// and loader as the platform; what it costs per resource is the least any program registering
// those objects pays.
//
//   BENCH_FLOOR_RECORDING=<a runUnderMocks result.json> [BENCH_FLOOR_SETUP_FILE=<json out>]
import * as pulumi from "@pulumi/pulumi";
import * as fs from "fs";
import { RunResult } from "../mock-run/types";

const setupStarted = process.cpuUsage();
const recording = process.env.BENCH_FLOOR_RECORDING;
if (!recording) throw new Error("BENCH_FLOOR_RECORDING must name a recorded run (result.json)");
const { resources } = JSON.parse(fs.readFileSync(recording, "utf8")) as RunResult;
const setup = process.cpuUsage(setupStarted);
// Reading the recording is not the SDK's cost: the bench subtracts it.
if (process.env.BENCH_FLOOR_SETUP_FILE) fs.writeFileSync(process.env.BENCH_FLOOR_SETUP_FILE, JSON.stringify({ cpuMicros: setup.user + setup.system }));

class FloorResource extends pulumi.CustomResource {
    constructor(type: string, name: string, inputs: pulumi.Inputs, opts: pulumi.CustomResourceOptions) {
        super(type, name, inputs, opts);
    }
}

class FloorComponent extends pulumi.ComponentResource {
    constructor(type: string, name: string, opts: pulumi.ComponentResourceOptions) {
        super(type, name, {}, opts);
        this.registerOutputs({});
    }
}

const byUrn = new Map<string, pulumi.Resource>();
for (const r of resources) {
    if (r.type === "pulumi:pulumi:Stack") continue;
    const parent = r.parent ? byUrn.get(r.parent) : undefined;
    const created = r.custom ? new FloorResource(r.type, r.name, r.inputs, { parent }) : new FloorComponent(r.type, r.name, { parent });
    if (r.urn) byUrn.set(r.urn, created);
}
