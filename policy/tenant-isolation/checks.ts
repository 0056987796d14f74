// What each kind a team could commit is checked for, given the namespace it is in. A check returns
// its findings; the policy reports them. Kinds not listed here are other policies' concern
// (Services: service-exposure; AuthorizationPolicies: mesh-mtls; disruption budgets:
// pod-disruption-budget) or not a tenant's to hold at all (the AppProject's allow-list refuses them).
import { podTemplateOf } from "../lib/podTemplate";
import { MessageName } from "./messages";

export interface Finding {
    message: MessageName;
    args?: string[];
}

export interface CheckContext {
    /** The tenant namespace the object is in. */
    namespace: string;
    /** Namespaces a tenant's routing may also be exported to: the ingress gateways'. */
    gatewayNamespaces: readonly string[];
}

type Check = (props: Record<string, any>, ctx: CheckContext, type: string) => Finding[];

/** The namespaces in `exportTo` beyond `allowed` ("." and the object's own namespace always allowed). */
function exportedBeyond(exportTo: unknown, ctx: CheckContext, allowed: readonly string[]): string[] {
    const own = new Set([".", ctx.namespace, ...allowed]);
    return (Array.isArray(exportTo) ? exportTo : []).filter((ns): ns is string => typeof ns === "string" && !own.has(ns));
}

const routeExport: Check = (props, ctx) => {
    const beyond = exportedBeyond(props.spec?.exportTo, ctx, ctx.gatewayNamespaces);
    return beyond.length > 0 ? [{ message: "RouteExport", args: [beyond.join(", ")] }] : [];
};

const serviceEntryExport: Check = (props, ctx) => {
    const exportTo = props.spec?.exportTo;
    // Without exportTo a ServiceEntry follows the mesh's default for services: every namespace.
    if (!Array.isArray(exportTo) || exportTo.length === 0) return [{ message: "ServiceEntryExport", args: ["every namespace (no exportTo)"] }];
    const beyond = exportedBeyond(exportTo, ctx, []);
    return beyond.length > 0 ? [{ message: "ServiceEntryExport", args: [beyond.join(", ")] }] : [];
};

const FILE_FIELDS = ["bearerTokenFile", "tlsConfig.caFile", "tlsConfig.certFile", "tlsConfig.keyFile"] as const;

const at = (value: any, path: string) => path.split(".").reduce((v, key) => v?.[key], value);

/** A ServiceMonitor's `endpoints` or a PodMonitor's `podMetricsEndpoints`. */
const endpointsOf = (props: Record<string, any>): Record<string, any>[] =>
    [...(props.spec?.endpoints ?? []), ...(props.spec?.podMetricsEndpoints ?? [])];

const monitor: Check = (props, ctx) => {
    const findings: Finding[] = [];
    const endpoints = endpointsOf(props);
    const files = endpoints.flatMap((e, i) => FILE_FIELDS.filter((f) => at(e, f)).map((f) => `endpoint ${i + 1} ${f}`));
    if (files.length > 0) findings.push({ message: "MonitorFiles", args: [files.join(", ")] });
    const selector = props.spec?.namespaceSelector;
    const others = (selector?.matchNames ?? []).filter((n: unknown) => n !== ctx.namespace);
    if (selector?.any === true) findings.push({ message: "MonitorNamespaces", args: ["every namespace (any: true)"] });
    else if (others.length > 0) findings.push({ message: "MonitorNamespaces", args: [others.join(", ")] });
    if (endpoints.some((e) => e.honorLabels === true)) findings.push({ message: "MonitorHonorLabels" });
    return findings;
};

const MESH_OPT_OUT = "sidecar.istio.io/inject";
const RESERVED_PRIORITY = /^system-/;

const workload: Check = (props, _ctx, type) => {
    const pod = podTemplateOf(type, props);
    if (!pod) return [];
    const findings: Finding[] = [];
    const sources: [string, Record<string, unknown> | undefined][] = [["annotation", pod.metadata.annotations], ["label", pod.metadata.labels]];
    const optOut = sources.filter(([, map]) => map?.[MESH_OPT_OUT] === "false").map(([where]) => `${MESH_OPT_OUT} ${where} "false"`);
    if (optOut.length > 0) findings.push({ message: "MeshOptOut", args: [optOut.join(", ")] });
    const priority = pod.spec.priorityClassName;
    if (typeof priority === "string" && RESERVED_PRIORITY.test(priority)) findings.push({ message: "PriorityClass", args: [priority] });
    return findings;
};

const always = (message: MessageName): Check => () => [{ message }];

/** "<group>/<Kind>" -> its check. */
export const CHECKS: Readonly<Record<string, Check>> = {
    "networking.istio.io/Gateway": always("Gateway"),
    "gateway.networking.k8s.io/Gateway": always("Gateway"),
    "networking.k8s.io/Ingress": always("Ingress"),
    "networking.istio.io/VirtualService": routeExport,
    "networking.istio.io/DestinationRule": routeExport,
    "networking.istio.io/ServiceEntry": serviceEntryExport,
    "networking.istio.io/EnvoyFilter": always("EnvoyFilter"),
    "monitoring.coreos.com/ServiceMonitor": monitor,
    "monitoring.coreos.com/PodMonitor": monitor,
    "/Pod": workload,
    "apps/Deployment": workload,
    "apps/StatefulSet": workload,
    "apps/DaemonSet": workload,
    "apps/ReplicaSet": workload,
    "batch/Job": workload,
    "batch/CronJob": workload,
};
