// The SDK floor for `npm run bench`: registers exactly the resources a platform run registered
// (same types, names, inputs, parents; components with registerOutputs), straight from a recording,
// with no component logic, Outputs or config in between. Run by the harness under the same mocks
// and loader as the platform; what it costs per resource is the least any program registering
// those objects pays.
//
// With BENCH_FLOOR_CLASSES=1 it registers each Kubernetes object through its @pulumi/kubernetes
// class instead (CustomResource for custom kinds), as the platform does: the typed floor. Those
// classes declare every output property of their kind (a Deployment's status, a ConfigMap's
// binaryData), and each output property costs the SDK four promises, so the gap between the two
// floors is what the typed classes cost and the gap above the typed floor is the platform's own.
//
//   BENCH_FLOOR_RECORDING=<a runUnderMocks result.json> [BENCH_FLOOR_SETUP_FILE=<json out>] [BENCH_FLOOR_CLASSES=1]
import * as k8s from "@pulumi/kubernetes";
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

type KubernetesClass = new (name: string, args: pulumi.Inputs, opts: pulumi.CustomResourceOptions) => pulumi.CustomResource;

/** The @pulumi/kubernetes class of a type token ("kubernetes:apps/v1:Deployment"), CustomResource for custom kinds. */
function kubernetesClass(type: string): KubernetesClass | undefined {
    const token = /^kubernetes:([^/:]+)\/([^/:]+):([A-Za-z0-9]+)$/.exec(type);
    if (!token) return undefined;
    const [, group, version, kind] = token;
    const module = group === "core" ? "core" : group.split(".")[0];
    const builtIn = (k8s as unknown as Record<string, Record<string, Record<string, unknown>> | undefined>)[module]?.[version]?.[kind];
    if (typeof builtIn === "function") return builtIn as KubernetesClass;
    return group.includes(".") && !group.endsWith(".k8s.io") ? (k8s.apiextensions.CustomResource as unknown as KubernetesClass) : undefined;
}

const typedClasses = process.env.BENCH_FLOOR_CLASSES === "1";
const byUrn = new Map<string, pulumi.Resource>();
for (const r of resources) {
    if (r.type === "pulumi:pulumi:Stack") continue;
    const parent = r.parent ? byUrn.get(r.parent) : undefined;
    const typed = typedClasses && r.custom ? kubernetesClass(r.type) : undefined;
    const created = typed ? new typed(r.name, r.inputs, { parent })
        : r.custom ? new FloorResource(r.type, r.name, r.inputs, { parent }) : new FloorComponent(r.type, r.name, { parent });
    if (r.urn) byUrn.set(r.urn, created);
}
