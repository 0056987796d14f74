// The flow check: what the plan's objects dial (URLs and host:port pairs in chart values and in
// the program's objects, the monitors Prometheus scrapes, the API server's webhooks), each matched
// to a row of the platform's flow table (infra/flows.ts) and then to the NetworkPolicies, read as
// the API server would: a namespace some policy isolates admits only what a rule allows.
import { Flow, FlowPeer } from "../../components/tenancy/flows";
import { RecordedResource } from "../harness";

/** One end of a flow as the check sees it: a namespace, the cluster DNS or outside addresses. */
export type End = { namespace: string } | { dns: true } | { addresses: string };

/** A flow an object of the plan needs. Port undefined: some port (a monitor names its port by name). */
export interface NeededFlow {
    from: End;
    to: End;
    /** The port dialled: a Service port for a URL, a pod port otherwise. */
    port?: number;
    /** What needs it, for the message. */
    source: string;
}

export interface PolicyRecord {
    namespace: string;
    name: string;
    spec: any;
}

const endName = (end: End) => ("namespace" in end ? end.namespace : "dns" in end ? "cluster DNS" : end.addresses);
export const describeFlow = (f: { from: End; to: End; port?: number }) =>
    `${endName(f.from)} -> ${endName(f.to)}${f.port === undefined ? "" : `:${f.port}`}`;

const SVC_URL = /\b(?:(https?|grpc):\/\/)?([a-z0-9-]+)\.([a-z0-9-]+)\.svc(?:\.[a-z0-9.-]*[a-z0-9])?(?::(\d+))?/g;
const DEFAULT_PORTS: Record<string, number> = { http: 80, https: 443 };

function* strings(value: unknown, path: string): Generator<[string, string]> {
    if (typeof value === "string") yield [path, value];
    else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* strings(v, `${path}[${i}]`);
    else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) yield* strings(v, path ? `${path}.${k}` : k);
}

/** The namespace a recorded object lands in: a chart's release namespace, else its metadata's. */
const namespaceOf = (r: RecordedResource): string | undefined => r.inputs?.namespace ?? r.inputs?.metadata?.namespace;

/**
 * Objects whose addresses another component dials, and that component's namespace: KEDA's operator
 * queries each ScaledObject's Prometheus, Argo Rollouts' controller each AnalysisTemplate's.
 */
const DIALLED_BY: Record<string, string> = {
    "kubernetes:keda.sh/v1alpha1:ScaledObject": "keda",
    "kubernetes:argoproj.io/v1alpha1:AnalysisTemplate": "argo-rollouts",
};

/** Service addresses in the values and specs of the plan's objects; source namespace = the object's, or its reader's (DIALLED_BY). */
export function dialledServices(resources: RecordedResource[]): NeededFlow[] {
    const found: NeededFlow[] = [];
    for (const r of resources) {
        if (r.type === "kubernetes:core/v1:Secret" || !r.type.startsWith("kubernetes:")) continue;
        const from = DIALLED_BY[r.type] ?? namespaceOf(r);
        if (!from) continue;
        for (const [path, text] of strings(r.type.endsWith("helm.sh/v4:Chart") ? r.inputs.values : r.inputs.spec ?? r.inputs.data, "")) {
            for (const m of text.matchAll(SVC_URL)) {
                const [, scheme, , namespace, port] = m;
                // Fluent Bit's outputs give the port on its own line ("Host x.ns.svc\n    Port 9200").
                const nextPort = /^\s*Port\s+(\d+)/m.exec(text.slice(m.index! + m[0].length).split("\n").slice(1, 2).join("\n"))?.[1];
                const dialled = port ?? nextPort ?? (scheme ? DEFAULT_PORTS[scheme] : undefined);
                if (dialled === undefined) continue;
                // kubernetes.default.svc is the API server, whose addresses are outside the pod network.
                const to: End = m[2] === "kubernetes" && namespace === "default" ? { addresses: "apiServer" } : { namespace };
                found.push({ from: { namespace: from }, to, port: Number(dialled), source: `${r.name} ${path}: ${m[0]}` });
            }
        }
    }
    return found;
}

/** The mesh's tracing provider: every namespace with sidecars or gateways exports to it. */
export function meshTraceExport(resources: RecordedResource[], meshedNamespaces: string[]): NeededFlow[] {
    const found: NeededFlow[] = [];
    for (const r of resources.filter((x) => x.type.endsWith("helm.sh/v4:Chart"))) {
        for (const provider of r.inputs.values?.meshConfig?.extensionProviders ?? []) {
            const otlp = provider.opentelemetry;
            if (!otlp) continue;
            const namespace = String(otlp.service).split(".")[1];
            for (const from of meshedNamespaces) {
                found.push({ from: { namespace: from }, to: { namespace }, port: otlp.port, source: `${r.name} meshConfig.extensionProviders ${provider.name}` });
            }
        }
    }
    return found;
}

/**
 * Where a monitor's targets run when it looks outside its namespace (kube-prometheus-stack's own):
 * CoreDNS in kube-system is the cluster DNS; the other kube-system targets (kubelet, kube-proxy,
 * the control plane's components) listen on the nodes; `default` holds the API server's endpoints.
 */
function systemEnd(namespace: string, podSelectors: Record<string, string>[]): End {
    if (namespace === "default") return { addresses: "apiServer" };
    if (namespace === "kube-system") return podSelectors.some((s) => s["k8s-app"] === "kube-dns") ? { dns: true } : { addresses: "nodes" };
    return { namespace };
}

/** Prometheus scrapes what every ServiceMonitor and PodMonitor selects: in the monitor's namespace, or those it names. */
export function scrapes(resources: RecordedResource[], monitoringNamespace: string): NeededFlow[] {
    const services = resources.filter((r) => r.type === "kubernetes:core/v1:Service");
    /** The pod selectors of the Services in `namespace` a ServiceMonitor's selector picks. */
    const podSelectors = (namespace: string, selector: Record<string, string>) => services
        .filter((s) => namespaceOf(s) === namespace && Object.entries(selector).every(([k, v]) => s.inputs.metadata?.labels?.[k] === v))
        .map((s) => s.inputs.spec?.selector ?? {});
    return resources
        .filter((r) => /:(ServiceMonitor|PodMonitor)$/.test(r.type))
        .flatMap((r) => {
            const names: string[] = r.inputs.spec?.namespaceSelector?.matchNames ?? [namespaceOf(r)!];
            const selector = r.inputs.spec?.selector?.matchLabels ?? {};
            return names.map((namespace) => ({
                from: { namespace: monitoringNamespace }, to: systemEnd(namespace, podSelectors(namespace, selector)), source: `${r.type.split(":").pop()} ${r.name}`,
            }));
        });
}

/** A Service's named target port, as the container port of that name in the pods it selects. */
function containerPortNamed(resources: RecordedResource[], namespace: string, selector: Record<string, string>, name: string): number {
    for (const r of resources.filter((x) => /:(Deployment|StatefulSet|DaemonSet)$/.test(x.type) && namespaceOf(x) === namespace)) {
        const template = r.inputs.spec?.template;
        if (!Object.entries(selector).every(([k, v]) => template?.metadata?.labels?.[k] === v)) continue;
        for (const container of template?.spec?.containers ?? []) {
            const port = (container.ports ?? []).find((p: any) => p.name === name);
            if (port) return Number(port.containerPort);
        }
    }
    return NaN;
}

/** The API server calls each webhook's Service, on the Service's target port (a named one resolved in its pods). */
export function webhookCalls(resources: RecordedResource[]): NeededFlow[] {
    const services = new Map(resources.filter((r) => r.type === "kubernetes:core/v1:Service")
        .map((r) => [`${namespaceOf(r)}/${r.inputs.metadata?.name}`, r.inputs.spec]));
    const found: NeededFlow[] = [];
    for (const r of resources.filter((x) => /:(Validating|Mutating)WebhookConfiguration$/.test(x.type))) {
        for (const hook of r.inputs.webhooks ?? []) {
            const ref = hook.clientConfig?.service;
            if (!ref) continue;
            const servicePort = ref.port ?? 443;
            const spec = services.get(`${ref.namespace}/${ref.name}`);
            const target = spec?.ports?.find((p: any) => p.port === servicePort)?.targetPort ?? servicePort;
            const port = typeof target === "string" && !/^\d+$/.test(target)
                ? containerPortNamed(resources, ref.namespace, spec?.selector ?? {}, target)
                : Number(target);
            found.push({ from: { addresses: "apiServer" }, to: { namespace: ref.namespace }, port, source: `${r.name} webhook ${hook.name}` });
        }
    }
    return found;
}

// ---- the table ----

const tableEnd = (peer: FlowPeer): End | "tenants" =>
    peer.kind === "namespace" ? { namespace: peer.name } : peer.kind === "dns" ? { dns: true } : peer.kind === "tenants" ? "tenants" : { addresses: peer.name };

function endMatches(peer: FlowPeer, end: End, tenants: ReadonlySet<string>): boolean {
    const t = tableEnd(peer);
    if (t === "tenants") return "namespace" in end && tenants.has(end.namespace);
    return JSON.stringify(t) === JSON.stringify(end);
}

/** The table's row for a needed flow, and the pod port it allows for the dialled one. */
export function tableRow(flow: NeededFlow, table: readonly Flow[], tenants: ReadonlySet<string>): { row: Flow; podPort?: number } | undefined {
    for (const row of table) {
        if (!endMatches(row.from, flow.from, tenants) || !endMatches(row.to, flow.to, tenants)) continue;
        if (flow.port === undefined || row.ports === undefined) return { row, podPort: flow.port };
        const port = row.ports.find((p) => (p.servicePort ?? p.port) === flow.port);
        if (port) return { row, podPort: port.port };
    }
    return undefined;
}

// ---- the policies, read as the API server does ----

function peerMatches(peer: any, end: End, namespaceLabels: Record<string, Record<string, string>>): boolean {
    if (peer.ipBlock) return "addresses" in end;
    if ("addresses" in end) return false;
    const namespace = "dns" in end ? "kube-system" : end.namespace;
    const labels = namespaceLabels[namespace] ?? { "kubernetes.io/metadata.name": namespace };
    const nsSelector = peer.namespaceSelector;
    if (!nsSelector) return false; // a bare podSelector: the policy's own namespace only, handled by the caller
    const nsOk = Object.entries(nsSelector.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
    if (!nsOk) return false;
    if ("dns" in end) return peer.podSelector?.matchLabels?.["k8s-app"] === "kube-dns";
    return peer.podSelector === undefined || Object.keys(peer.podSelector).length === 0;
}

const portMatches = (ports: any[] | undefined, port: number | undefined, protocol = "TCP") =>
    ports === undefined || ports.length === 0 || port === undefined || ports.some((p) => p.port === port && (p.protocol ?? "TCP") === protocol);

/** Whether the namespace's policies let `direction` traffic to/from `peer` on `port`. */
function sideAllows(policies: PolicyRecord[], namespace: string, direction: "Ingress" | "Egress", peer: End, port: number | undefined,
    namespaceLabels: Record<string, Record<string, string>>, protocol?: string): boolean {
    const isolating = policies.filter((p) => p.namespace === namespace && (p.spec.policyTypes ?? []).includes(direction));
    if (isolating.length === 0) return true;
    const key = direction === "Ingress" ? "ingress" : "egress";
    const peersKey = direction === "Ingress" ? "from" : "to";
    return isolating.some((p) => (p.spec[key] ?? []).some((rule: any) => {
        if (!portMatches(rule.ports, port, protocol)) return false;
        const peers = rule[peersKey];
        if (peers === undefined || peers.length === 0) return true;
        return peers.some((q: any) => ("namespace" in peer && peer.namespace === namespace && q.podSelector && !q.namespaceSelector && !q.ipBlock) ||
            peerMatches(q, peer, namespaceLabels));
    }));
}

/** Whether the policies allow traffic from one end to the other on a pod port. */
export function policiesAllow(policies: PolicyRecord[], flow: { from: End; to: End; port?: number; protocol?: string },
    namespaceLabels: Record<string, Record<string, string>>): boolean {
    const egress = !("namespace" in flow.from) || sideAllows(policies, flow.from.namespace, "Egress", flow.to, flow.port, namespaceLabels, flow.protocol);
    const ingress = !("namespace" in flow.to) || sideAllows(policies, flow.to.namespace, "Ingress", flow.from, flow.port, namespaceLabels, flow.protocol);
    return egress && ingress;
}

/** Every problem with the needed flows: one the table does not list, or one the policies do not allow. */
export function checkNeededFlows(needed: NeededFlow[], table: readonly Flow[], policies: PolicyRecord[],
    namespaceLabels: Record<string, Record<string, string>>, tenants: ReadonlySet<string>): string[] {
    const problems: string[] = [];
    for (const flow of needed) {
        const found = tableRow(flow, table, tenants);
        if (!found) {
            problems.push(`${describeFlow(flow)} (needed by ${flow.source}) is not in the flow table`);
        } else if (!policiesAllow(policies, { ...flow, port: found.podPort }, namespaceLabels)) {
            problems.push(`${describeFlow({ ...flow, port: found.podPort })} (needed by ${flow.source}, table row ${found.row.name}) is not allowed by the NetworkPolicies`);
        }
    }
    return [...new Set(problems)];
}
