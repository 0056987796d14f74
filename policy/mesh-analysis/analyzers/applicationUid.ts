// UID 1337 belongs to the sidecar proxy: Istio's traffic capture ignores its packets, so an
// application container running as 1337 bypasses the mesh (IST0144). The proxy's own container
// and the control plane (label `istio`, or `release: istio`) are exempt, as upstream.
import { Analyzer } from "../context";
import { MESSAGES } from "../messages";

const PROXY_UID = 1337;
const PROXY_CONTAINERS = ["istio-proxy", "istio-operator"];

export const applicationUid: Analyzer = (ctx) => {
    for (const workload of ctx.index.workloads()) {
        if (workload.kind !== "Deployment" && workload.kind !== "Pod") continue;
        const labels = workload.resource.props.metadata?.labels ?? {};
        if ("istio" in labels || labels.release === "istio") continue;
        if (workload.podSpec.securityContext?.runAsUser === PROXY_UID) {
            ctx.report(MESSAGES.InvalidApplicationUID, workload, `pod securityContext.runAsUser is ${PROXY_UID}, the UID reserved for the sidecar proxy`);
        }
        for (const container of workload.podSpec.containers ?? []) {
            if (PROXY_CONTAINERS.includes(container?.name) || container?.securityContext?.runAsUser !== PROXY_UID) continue;
            ctx.report(MESSAGES.InvalidApplicationUID, workload,
                `container "${container.name}" runs as UID ${PROXY_UID}, the UID reserved for the sidecar proxy`);
        }
    }
};
