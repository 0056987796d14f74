// The platform's own namespaces: one place that says which Pod Security level each add-on
// needs and why. The policy pack's exemptions (stacks/<stack>/policy-config.json) must match.
import { PlatformNamespaceSpec } from "../components/tenancy/types";
import { PlatformConfig } from "./config/types";

export const NAMESPACES = {
    istioSystem: "istio-system",
    istioCni: "istio-cni",
    ingressGateway: "istio-ingress",
    monitoring: "monitoring",
    nodeExporter: "node-exporter",
    tracing: "tracing",
    eckOperator: "elastic-system",
    logging: "logging",
    fluentBit: "fluent-bit",
    argocd: "argocd",
} as const;

type Enabled = Pick<PlatformConfig, "mesh" | "monitoring" | "tracing" | "logging" | "gitops">;

/** The namespaces of the enabled add-ons. */
export function platformNamespaceSpecs(c: Enabled): PlatformNamespaceSpec[] {
    const specs: PlatformNamespaceSpec[] = [];
    const add = (spec: PlatformNamespaceSpec) => specs.push(spec);
    if (c.mesh.enabled) {
        add({ name: NAMESPACES.istioSystem, podSecurityLevel: "restricted", meshInjection: false });
        add({
            name: NAMESPACES.istioCni,
            podSecurityLevel: "privileged",
            reason: "Istio CNI node agent: privileged, host network, hostPath /opt/cni/bin and /etc/cni/net.d to " +
                "program pod networking, so application pods need no NET_ADMIN init container",
            meshInjection: false,
        });
        add({ name: NAMESPACES.ingressGateway, podSecurityLevel: "restricted", meshInjection: true });
    }
    if (c.monitoring.enabled) {
        add({ name: NAMESPACES.monitoring, podSecurityLevel: "restricted", meshInjection: false });
        add({
            name: NAMESPACES.nodeExporter,
            podSecurityLevel: "privileged",
            reason: "prometheus-node-exporter: host network and PID namespaces, hostPath /, /proc and /sys to read node metrics",
            meshInjection: false,
        });
    }
    if (c.tracing.enabled) add({ name: NAMESPACES.tracing, podSecurityLevel: "restricted", meshInjection: false });
    if (c.logging.enabled) {
        add({ name: NAMESPACES.eckOperator, podSecurityLevel: "restricted", meshInjection: false });
        add({ name: NAMESPACES.logging, podSecurityLevel: "restricted", meshInjection: false });
        add({
            name: NAMESPACES.fluentBit,
            podSecurityLevel: "privileged",
            reason: "Fluent Bit: hostPath /var/log to tail every container's log, read as root",
            meshInjection: false,
        });
    }
    if (c.gitops.enabled) add({ name: NAMESPACES.argocd, podSecurityLevel: "restricted", meshInjection: false });
    return specs;
}
