// Mesh-wide tracing: a Telemetry object in the root namespace turns on the OpenTelemetry
// provider declared in MeshConfig for every proxy, sampling a percentage of requests.
import type { ITelemetry } from "@kubernetes-models/istio/telemetry.istio.io/v1/Telemetry";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { MESH_TELEMETRY, TRACING_PROVIDER } from "./names";

export interface MeshTelemetryArgs {
    /** The mesh's root namespace (istiod's). */
    namespace: pulumi.Input<string>;
    /** 0-100. */
    samplingPercent: number;
    labels: Record<string, string>;
}

/** `opts.dependsOn` must include the base chart (CRD) and istiod (validation webhook). */
export function createMeshTelemetry(
    name: string, args: MeshTelemetryArgs, opts: pulumi.CustomResourceOptions,
): k8s.apiextensions.CustomResource {
    const spec: ITelemetry["spec"] = {
        tracing: [{ providers: [{ name: TRACING_PROVIDER }], randomSamplingPercentage: args.samplingPercent }],
    };
    return new k8s.apiextensions.CustomResource(name, {
        apiVersion: "telemetry.istio.io/v1",
        kind: "Telemetry",
        metadata: { name: MESH_TELEMETRY, namespace: args.namespace, labels: args.labels },
        spec,
    }, opts);
}
