// A Gateway's selector picks gateway pods (IST0101), and each server port is one the Service in
// front of those pods exposes, as port or target port (IST0162).
//
// Gateway pods usually come from a chart (istio/gateway) installed beside the Gateway. When no
// workload in the stack matches and a chart targeting the Gateway's namespace is not rendered in
// the stack (plain mocks, or a preview with unknown values), its pods may be the ones: the analyzer
// cannot judge and stays silent. With the chart's children present, the rendered Deployment and
// Service are judged like any other object.
import { IndexedObject, Workload } from "../../lib/clusterIndex";
import { Analyzer, formatLabels, MeshContext } from "../context";
import { MESSAGES } from "../messages";

export interface GatewayPods {
    workloads: Workload[];
    /** False when nothing matches but an unrendered chart may provide the pods. */
    judgeable: boolean;
}

export function gatewayPods(ctx: MeshContext, gateway: IndexedObject): GatewayPods {
    const selector: Record<string, string> = gateway.resource.props.spec?.selector ?? {};
    const workloads = ctx.index.workloadsWithLabels(selector);
    return { workloads, judgeable: workloads.length > 0 || !ctx.index.isOpaque(gateway.ref.namespace) };
}

/** The TCP ports (and target ports) of the Services that select `workload`. */
function servicePorts(ctx: MeshContext, workload: Workload): Set<number> {
    const ports = new Set<number>();
    for (const service of ctx.index.servicesSelecting(workload.ref.namespace, workload.labels)) {
        for (const port of service.resource.props.spec?.ports ?? []) {
            if ((port?.protocol ?? "TCP") !== "TCP") continue;
            if (typeof port.port === "number") ports.add(port.port);
            if (typeof port.targetPort === "number") ports.add(port.targetPort);
        }
    }
    return ports;
}

export const gatewayWorkloads: Analyzer = (ctx) => {
    for (const gateway of ctx.index.ofKind("Gateway")) {
        const selector = formatLabels(gateway.resource.props.spec?.selector);
        const pods = gatewayPods(ctx, gateway);
        if (!pods.judgeable) continue;
        if (pods.workloads.length === 0) {
            ctx.report(MESSAGES.ReferencedResourceNotFound, gateway, `selector ${selector} matches no gateway workload in the stack`);
            continue;
        }
        const ports = new Set<number>();
        for (const workload of pods.workloads) for (const p of servicePorts(ctx, workload)) ports.add(p);
        const workloads = pods.workloads.map((w) => `${w.kind} ${w.ref.namespace}/${w.ref.name}`).join(", ");
        for (const server of gateway.resource.props.spec?.servers ?? []) {
            const number = server?.port?.number;
            if (typeof number !== "number" || ports.has(number)) continue;
            ctx.report(MESSAGES.GatewayPortNotDefinedOnService, gateway,
                `server port ${number} is not exposed by any Service of its workload ${workloads} (selector ${selector})`);
        }
    }
};
