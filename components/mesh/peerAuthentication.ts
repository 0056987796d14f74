// Mesh-wide mutual TLS: one PeerAuthentication in the root namespace sets the floor for every
// workload. STRICT refuses plaintext; PERMISSIVE (dev only) also accepts it from unmeshed pods.
import type { IPeerAuthentication } from "@kubernetes-models/istio/security.istio.io/v1/PeerAuthentication";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { MeshSettings } from "./settings";
import { MESH_PEER_AUTHENTICATION } from "./names";

export interface MeshPeerAuthenticationArgs {
    /** The mesh's root namespace (istiod's). */
    namespace: pulumi.Input<string>;
    mode: MeshSettings["mtlsMode"];
    labels: Record<string, string>;
}

/** `opts.dependsOn` must include the base chart (CRD) and istiod (validation webhook). */
export function createMeshPeerAuthentication(
    name: string, args: MeshPeerAuthenticationArgs, opts: pulumi.CustomResourceOptions,
): k8s.apiextensions.CustomResource {
    const spec: IPeerAuthentication["spec"] = { mtls: { mode: args.mode } };
    return new k8s.apiextensions.CustomResource(name, {
        apiVersion: "security.istio.io/v1",
        kind: "PeerAuthentication",
        metadata: { name: MESH_PEER_AUTHENTICATION, namespace: args.namespace, labels: args.labels },
        spec,
    }, opts);
}
