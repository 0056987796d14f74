// `service-exposure`: what reaches the cluster from outside, and what can hijack traffic.
// - Services of type NodePort or LoadBalancer, and Gateway API Gateways, only where the stack allows.
// - No Service with externalIPs (CVE-2020-8554: it intercepts traffic to those IPs cluster-wide),
//   the allowed LoadBalancer included.
// - No ExternalName Service outside the namespaces the stack lists (it can point a tenant's name
//   at any host, in or outside the cluster).
// - Every Ingress terminates TLS for each of its hosts.
import { ResourceValidationPolicy } from "@pulumi/policy";
import { configSpec, readConfig, WithExemptions } from "../lib/config";
import { kubeType } from "../lib/kubeType";
import { notApplicable } from "../lib/notApplicable";
import { argsRef, withDefaultNamespace } from "../lib/objectRef";
import { reporterFor } from "../lib/report";

const EXPOSED_TYPES = ["NodePort", "LoadBalancer"];
const ALLOWED_TYPES = [...EXPOSED_TYPES, "Gateway"];

interface AllowedExposure {
    namespace: string;
    name?: string;
    type: string;
}

interface ServiceExposureConfig extends WithExemptions {
    allowed: AllowedExposure[];
    externalNameNamespaces: string[];
}

const spec = configSpec("service-exposure", ["exposedType", "externalIPs", "externalName", "ingressTls", "gateway"], {
    allowed: {
        type: "array",
        default: [],
        description: "Where a Service may be exposed outside the cluster (NodePort, LoadBalancer), or a Gateway API Gateway " +
            "declared (type Gateway): namespace, optional name, and type.",
        items: {
            type: "object",
            additionalProperties: false,
            required: ["namespace", "type"],
            properties: {
                namespace: { type: "string", minLength: 1 },
                name: { type: "string", minLength: 1 },
                type: { type: "string", enum: ALLOWED_TYPES },
            },
        },
    },
    externalNameNamespaces: {
        type: "array",
        items: { type: "string", minLength: 1 },
        uniqueItems: true,
        default: [],
        description: "Namespaces (platform ones, never a tenant's) where ExternalName Services are allowed.",
    },
});

const where = (allowed: readonly AllowedExposure[], type: string): string =>
    allowed.filter((a) => a.type === type).map((a) => (a.name ? `${a.namespace}/${a.name}` : a.namespace)).join(", ") || "nothing";

const isAllowed = (allowed: readonly AllowedExposure[], type: string, namespace: string, name: string): boolean =>
    allowed.some((a) => a.type === type && a.namespace === namespace && (a.name === undefined || a.name === name));

/** Ingress hosts not covered by any of its tls entries (exact, or a "*.domain" wildcard one label deep). */
function hostsWithoutTls(props: Record<string, any>): string[] {
    const tlsHosts: string[] = (props.spec?.tls ?? []).flatMap((t: Record<string, any>) => t?.hosts ?? []);
    const covered = (host: string) => tlsHosts.some((t) => t === host || (t.startsWith("*.") && host.slice(host.indexOf(".")) === t.slice(1)));
    const hosts: string[] = (props.spec?.rules ?? []).map((r: Record<string, any>) => r?.host ?? "*");
    if (props.spec?.defaultBackend && hosts.length === 0) hosts.push("*");
    return [...new Set(hosts)].filter((h) => !covered(h));
}

export const serviceExposure: ResourceValidationPolicy = {
    name: "service-exposure",
    description: "Services are exposed (NodePort, LoadBalancer) and Gateways declared only where allowed; no externalIPs; " +
        "no ExternalName in tenant namespaces; every Ingress host has TLS.",
    enforcementLevel: "advisory",
    severity: "high",
    configSchema: spec.schema,
    validateResource: (args, report) => {
        const t = kubeType(args.type);
        const isService = t?.group === "" && t.kind === "Service";
        const isIngress = t?.group === "networking.k8s.io" && t.kind === "Ingress";
        const isGateway = t?.group === "gateway.networking.k8s.io" && t.kind === "Gateway";
        if (!isService && !isIngress && !isGateway) return notApplicable(args, "not a Service, Ingress or Gateway");
        const config = readConfig<ServiceExposureConfig>(args, spec);
        const ref = withDefaultNamespace(argsRef(args));
        const reportObject = reporterFor(report, ref, config.exemptions);
        if (isGateway) {
            if (!isAllowed(config.allowed, "Gateway", ref.namespace, ref.name)) {
                reportObject("gateway", `is a Gateway API Gateway, which this stack allows only for: ${where(config.allowed, "Gateway")}`);
            }
            return;
        }
        if (isIngress) {
            const missing = hostsWithoutTls(args.props);
            if (missing.length > 0) reportObject("ingressTls", `serves ${missing.map((h) => `"${h}"`).join(", ")} without TLS; add a spec.tls entry for each host`);
            return;
        }
        const type = args.props.spec?.type;
        if (EXPOSED_TYPES.includes(type) && !isAllowed(config.allowed, type, ref.namespace, ref.name)) {
            reportObject("exposedType", `is of type ${type}, which this stack allows only for: ${where(config.allowed, type)}`);
        }
        const externalIPs: unknown[] = args.props.spec?.externalIPs ?? [];
        if (externalIPs.length > 0) {
            reportObject("externalIPs", `sets externalIPs ${externalIPs.join(", ")}, which lets it intercept traffic to those addresses ` +
                "from every pod (CVE-2020-8554)");
        }
        if (type === "ExternalName" && !config.externalNameNamespaces.includes(ref.namespace)) {
            reportObject("externalName", `is an ExternalName Service (to "${args.props.spec?.externalName}"), which this stack allows only in: ${
                config.externalNameNamespaces.join(", ") || "no namespace"}`);
        }
    },
};
