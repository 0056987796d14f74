// Where a Service sends a port: what the live stand-ins listen on for a webhook or aggregated API
// that names a Service (no kube-proxy here; the API server dials the endpoints).
import { KubeClient } from "../kubeClient";

/** The port a Service sends `port` to: a numbered targetPort, or a named one looked up in its EndpointSlices. */
export async function backendPort(client: KubeClient, namespace: string, name: string, port: number): Promise<number | undefined> {
    const service = await client.get("v1", "Service", namespace, name);
    if (service.status !== 200) return undefined;
    const p = (service.body.spec?.ports ?? []).find((x: any) => x.port === port);
    if (!p) return undefined;
    if (p.targetPort === undefined || typeof p.targetPort === "number") return p.targetPort ?? port;
    const slices = await client.request("GET",
        `/apis/discovery.k8s.io/v1/namespaces/${namespace}/endpointslices?labelSelector=kubernetes.io%2Fservice-name%3D${name}`);
    for (const slice of slices.body.items ?? []) {
        const named = (slice.ports ?? []).find((x: any) => x.name === p.name);
        if (named) return named.port;
    }
    return undefined;
}
