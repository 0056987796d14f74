// Whether a workload's pods get a sidecar: an istio-proxy container, the pod's
// `sidecar.istio.io/inject` label or annotation, else its namespace's injection labels.
import { ClusterIndex, Workload } from "../../lib/clusterIndex";

export function inMesh(index: ClusterIndex, workload: Workload): boolean {
    if ((workload.podSpec.containers ?? []).some((c: any) => c?.name === "istio-proxy")) return true;
    const inject = workload.labels["sidecar.istio.io/inject"] ?? workload.podMetadata.annotations?.["sidecar.istio.io/inject"];
    if (inject !== undefined) return inject === "true";
    const labels = index.find("Namespace", workload.ref.namespace, workload.ref.namespace)?.resource.props.metadata?.labels ?? {};
    if (labels["istio-injection"] !== undefined) return labels["istio-injection"] === "enabled";
    return typeof labels["istio.io/rev"] === "string" && labels["istio.io/rev"] !== "";
}
