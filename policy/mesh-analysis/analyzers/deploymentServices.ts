// Deployments in the mesh and the Services selecting their pods: at least one Service (IST0117,
// retired upstream but still a dead end for mesh traffic), no port shared by Services with
// different protocols (IST0116), no target port reached through different ports (IST0137).
import { appendTo } from "../../lib/groups";
import { Analyzer, nameOf } from "../context";
import { MESSAGES } from "../messages";
import { inMesh } from "./meshMembership";

export const deploymentServices: Analyzer = (ctx) => {
    for (const workload of ctx.index.workloads()) {
        if (workload.kind !== "Deployment" || !inMesh(ctx.index, workload)) continue;
        if (workload.labels["gateway.istio.io/managed"] === "istio.io-mesh-controller") continue;
        const services = ctx.index.servicesSelecting(workload.ref.namespace, workload.labels);
        if (services.length === 0) {
            ctx.report(MESSAGES.DeploymentRequiresServiceAssociated, workload, "is in the mesh but no Service selects its pods");
            continue;
        }
        const protocols = new Map<number, Map<string, string[]>>();
        const targets = new Map<string, Map<number, string>>();
        for (const service of services) {
            for (const port of service.resource.props.spec?.ports ?? []) {
                const number = Number(port?.port);
                const protocol = port?.protocol ?? "TCP";
                const byProtocol = protocols.get(number) ?? new Map<string, string[]>();
                appendTo(byProtocol, protocol, nameOf(service));
                protocols.set(number, byProtocol);
                const target = port?.targetPort === undefined || port.targetPort === 0 ? String(number) : String(port.targetPort);
                const byPort = targets.get(target) ?? new Map<number, string>();
                byPort.set(number, nameOf(service));
                targets.set(target, byPort);
            }
        }
        for (const [number, byProtocol] of protocols) {
            if (byProtocol.size < 2) continue;
            const detail = [...byProtocol].map(([p, names]) => `${names.join(", ")} (${p})`).join("; ");
            ctx.report(MESSAGES.DeploymentAssociatedToMultipleServices, workload, `port ${number} is served with different protocols by ${detail}`);
        }
        for (const [target, byPort] of targets) {
            if (byPort.size < 2) continue;
            const detail = [...byPort].sort(([a], [b]) => a - b).map(([p, name]) => `${name} port ${p}`).join(", ");
            ctx.report(MESSAGES.DeploymentConflictingPorts, workload, `targetPort ${target} is reached through different ports: ${detail}`);
        }
    }
};
