// The service map: who calls whom, what the gateway publishes, and per service its delivery
// strategy and weights, SLO and replica range. Derived from the recorded resources only (mesh
// VirtualServices, AuthorizationPolicies, Deployments, HPAs, PrometheusRules), so the contract
// exports nothing for it. Each namespace shows its quota headroom at the HPA maximum (the capacity
// check's numbers). Written as Graphviz-laid-out SVG and as Mermaid source.
import { PolicyResource } from "@pulumi/policy";
import { instance } from "@viz-js/viz";
import * as fs from "fs";
import * as path from "path";
import { namespaceHeadroom } from "../../policy/capacity/headroom";
import { RecordedResource } from "../mock-run";

export interface MapService {
    namespace: string;
    name: string;
    /** rolling, canary, blue-green or progressive, from the subsets its mesh route splits over and the Rollout that moves them. */
    strategy: string;
    /** e.g. "stable 90% / canary 10%", or a Rollout's "canary 10-50% in 5 steps of 2m". */
    weights: string;
    slo?: string;
    /** e.g. "3-10" (HPA) or "2". */
    replicas: string;
}

export interface MapEdge { from: string; to: string }

export interface PublicRoute {
    gateway: string;
    host: string;
    path: string;
    to: string;
    jwt: boolean;
    rateLimit: boolean;
}

export interface ServiceMap {
    services: MapService[];
    edges: MapEdge[];
    routes: PublicRoute[];
    /** Per namespace: each quota key's headroom at the HPA maximum, e.g. "limits.cpu 12 of 64". */
    headroom: Record<string, string[]>;
}

/** Resources as the capacity check reads them (type, props and the chart parent). */
function asPolicyResources(resources: readonly RecordedResource[]): PolicyResource[] {
    const byUrn = new Map<string, PolicyResource>();
    const converted = resources.map((r) => {
        const p = { type: r.type, name: r.name, urn: r.urn, props: r.inputs ?? {}, dependencies: [], propertyDependencies: {} } as unknown as PolicyResource;
        byUrn.set(r.urn, p);
        return p;
    });
    resources.forEach((r, i) => { if (r.parent) converted[i].parent = byUrn.get(r.parent); });
    return converted;
}

/** What the plan report says of the map. */
export interface ServiceMapReport {
    files: string[];
    services: number;
    edges: number;
    routes: number;
}

export const SERVICE_MAP_SVG = "service-map.svg";
export const SERVICE_MAP_MERMAID = "service-map.mmd";

const kindOf = (r: RecordedResource) => r.type.split(":").pop()!;
const ns = (r: RecordedResource): string => r.inputs?.metadata?.namespace ?? "default";
const nameOf = (r: RecordedResource): string => r.inputs?.metadata?.name ?? r.name;
const id = (namespace: string, name: string) => `${namespace}/${name}`;
const covers = (selector: Record<string, string> | undefined, labels: Record<string, string>) =>
    !!selector && Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => labels[k] === v);

/** `name` of a `name.ns.svc.<domain>` host, or of a short host in `namespace`. */
function serviceOfHost(host: string, namespace: string): string {
    const parts = host.split(".");
    return parts.length === 1 ? id(namespace, host) : id(parts[1], parts[0]);
}

function strategyOf(subsets: Array<{ subset: string; weight: number }>): Pick<MapService, "strategy" | "weights"> {
    const names = subsets.map((s) => s.subset);
    const strategy = names.includes("canary") ? "canary" : names.some((n) => n === "blue" || n === "green") ? "blue-green" : "rolling";
    return { strategy, weights: subsets.map((s) => `${s.subset} ${s.weight}%`).join(" / ") };
}

/** A Rollout's canary steps, as the weights it moves through: "canary 10-50% in 5 steps of 2m". */
function progressiveOf(rollout: RecordedResource): Pick<MapService, "strategy" | "weights"> {
    const steps: any[] = rollout.inputs?.spec?.strategy?.canary?.steps ?? [];
    const weights = steps.map((step) => step?.setWeight).filter((w): w is number => typeof w === "number");
    const pause = steps.find((step) => step?.pause?.duration !== undefined)?.pause.duration;
    const range = weights.length > 0 ? `${weights[0]}-${weights[weights.length - 1]}%` : "100%";
    return { strategy: "progressive", weights: `canary ${range} in ${weights.length} steps${pause ? ` of ${pause}` : ""}` };
}

export function buildServiceMap(resources: readonly RecordedResource[]): ServiceMap {
    const of = (kind: string) => resources.filter((r) => r.type.startsWith("kubernetes:") && kindOf(r) === kind);
    const services = new Map<string, RecordedResource>(of("Service").map((s) => [id(ns(s), nameOf(s)), s]));
    const deployments = of("Deployment");
    const selectedBy = (service: RecordedResource) => deployments.filter((d) => ns(d) === ns(service) &&
        covers(service.inputs?.spec?.selector, d.inputs?.spec?.template?.metadata?.labels ?? {}));

    const nodes: MapService[] = [];
    for (const vs of of("VirtualService")) {
        const spec = vs.inputs?.spec ?? {};
        if (Array.isArray(spec.gateways) && spec.gateways.length > 0 && !spec.gateways.includes("mesh")) continue;
        const target = serviceOfHost(String(spec.hosts?.[0] ?? ""), ns(vs));
        const service = services.get(target);
        if (!service) continue;
        const defaultRoute = (spec.http ?? []).find((rule: any) => !rule.match) ?? spec.http?.[0];
        const subsets = (defaultRoute?.route ?? []).map((r: any) => ({ subset: String(r.destination?.subset ?? "all"), weight: Number(r.weight ?? 100) }));
        // A Rollout that moves this VirtualService's weights runs the service's pods, and its autoscaler scales it.
        const rollout = of("Rollout").find((r) => ns(r) === ns(vs) &&
            (r.inputs?.spec?.strategy?.canary?.trafficRouting?.istio?.virtualServices ?? []).some((v: any) => v?.name === nameOf(vs)));
        const scaled = (d: RecordedResource) => (rollout?.inputs?.spec?.workloadRef?.name === nameOf(d) ? { kind: "Rollout", name: nameOf(rollout) } : { kind: "Deployment", name: nameOf(d) });
        const hpas = selectedBy(service).map((d) => ({ d, hpa: of("HorizontalPodAutoscaler").find((h) => ns(h) === ns(d) &&
            (h.inputs?.spec?.scaleTargetRef?.kind ?? "Deployment") === scaled(d).kind && h.inputs?.spec?.scaleTargetRef?.name === scaled(d).name) }));
        const fixed = (d: RecordedResource) => Number((scaled(d).kind === "Rollout" ? rollout : d)?.inputs?.spec?.replicas ?? 1);
        const min = hpas.reduce((sum, { d, hpa }) => sum + Number(hpa ? hpa.inputs.spec.minReplicas ?? 1 : fixed(d)), 0);
        const max = hpas.reduce((sum, { d, hpa }) => sum + Number(hpa ? hpa.inputs.spec.maxReplicas : fixed(d)), 0);
        const rule = of("PrometheusRule").find((r) => ns(r) === ns(service) && nameOf(r) === nameOf(service));
        const slo = (rule?.inputs?.spec?.groups ?? []).flatMap((g: any) => g.rules ?? []).find((r: any) => r.labels?.slo)?.labels?.slo;
        nodes.push({ namespace: ns(service), name: nameOf(service), ...(rollout ? progressiveOf(rollout) : strategyOf(subsets)), slo: slo ? `${slo}%` : undefined, replicas: min === max ? String(min) : `${min}-${max}` });
    }
    const known = new Set(nodes.map((n) => id(n.namespace, n.name)));

    // Callers: the ServiceAccounts an AuthorizationPolicy admits, mapped to the services they run.
    const serviceOfAccount = new Map<string, string>();
    for (const [key, service] of services) {
        if (!known.has(key)) continue;
        for (const d of selectedBy(service)) serviceOfAccount.set(id(ns(d), d.inputs?.spec?.template?.spec?.serviceAccountName ?? "default"), key);
    }
    const edges: MapEdge[] = [];
    for (const policy of of("AuthorizationPolicy")) {
        const selector = policy.inputs?.spec?.selector?.matchLabels;
        const target = [...services].find(([key, s]) => known.has(key) && ns(s) === ns(policy) && covers(s.inputs?.spec?.selector, selector ?? {}))?.[0];
        if (!target || policy.inputs?.spec?.action === "DENY") continue;
        for (const rule of policy.inputs?.spec?.rules ?? []) {
            for (const from of rule.from ?? []) {
                for (const principal of from.source?.principals ?? []) {
                    const match = /\/ns\/([^/]+)\/sa\/([^/]+)$/.exec(principal);
                    const caller = match ? serviceOfAccount.get(id(match[1], match[2])) : undefined;
                    if (caller && !edges.some((e) => e.from === caller && e.to === target)) edges.push({ from: caller, to: target });
                }
            }
        }
    }

    const routes: PublicRoute[] = [];
    const gateways = new Map(of("Gateway").map((g) => [id(ns(g), nameOf(g)), g]));
    for (const vs of of("VirtualService")) {
        for (const reference of vs.inputs?.spec?.gateways ?? []) {
            if (reference === "mesh") continue;
            const key = reference.includes("/") ? reference : id(ns(vs), reference);
            const gateway = gateways.get(key);
            const selector: Record<string, string> = gateway?.inputs?.spec?.selector ?? {};
            const gatewayNs = gateway ? ns(gateway) : key.split("/")[0];
            const selects = (r: RecordedResource, labels: Record<string, string> | undefined) =>
                (ns(r) === gatewayNs || ns(r) === "istio-system") && (!labels || Object.entries(labels).every(([k, v]) => selector[k] === v));
            const jwt = of("RequestAuthentication").some((r) => selects(r, r.inputs?.spec?.selector?.matchLabels)) ||
                of("AuthorizationPolicy").some((p) => selects(p, p.inputs?.spec?.selector?.matchLabels) &&
                    JSON.stringify(p.inputs?.spec ?? {}).includes("requestPrincipals"));
            const rateLimit = of("EnvoyFilter").some((f) => selects(f, f.inputs?.spec?.workloadSelector?.labels) &&
                /ratelimit/i.test(JSON.stringify(f.inputs?.spec ?? {})));
            for (const rule of vs.inputs?.spec?.http ?? []) {
                const paths = (rule.match ?? []).map((m: any) => m.uri?.prefix ?? m.uri?.exact ?? m.uri?.regex).filter(Boolean);
                const destinations = [...new Set<string>((rule.route ?? []).map((r: any) => serviceOfHost(String(r.destination?.host), ns(vs))))];
                for (const host of vs.inputs?.spec?.hosts ?? []) {
                    for (const p of paths.length > 0 ? paths : ["/"]) {
                        for (const to of destinations) {
                            if (!routes.some((r) => r.host === host && r.path === p && r.to === to)) routes.push({ gateway: key, host, path: p, to, jwt, rateLimit });
                        }
                    }
                }
            }
        }
    }
    const headroom: Record<string, string[]> = {};
    for (const [namespace, rows] of namespaceHeadroom(asPolicyResources(resources))) {
        if (nodes.some((n) => n.namespace === namespace)) headroom[namespace] = rows.map((r) => `${r.key} ${r.headroom} of ${r.hard}`);
    }
    return { services: nodes, edges, routes, headroom };
}

const quote = (s: string) => `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`;

function label(s: MapService): string[] {
    return [s.name, `${s.strategy}: ${s.weights}`, `SLO ${s.slo ?? "none"} · replicas ${s.replicas}`];
}

function routeLabel(r: PublicRoute): string {
    const marks = [r.jwt ? "JWT" : "", r.rateLimit ? "rate limit" : ""].filter(Boolean).join(", ");
    return `${r.host}${r.path}${marks ? ` [${marks}]` : ""}`;
}

export function toDot(map: ServiceMap): string {
    const lines = ["digraph services {", "  rankdir=LR;", '  graph [fontname="Helvetica", fontsize=11, labeljust=l];', '  node [shape=box, style="rounded", fontname="Helvetica", margin="0.3,0.1"];', '  edge [fontname="Helvetica", fontsize=10];'];
    const byNamespace = new Map<string, MapService[]>();
    for (const s of map.services) byNamespace.set(s.namespace, [...(byNamespace.get(s.namespace) ?? []), s]);
    let cluster = 0;
    for (const [namespace, services] of byNamespace) {
        const spare = map.headroom[namespace];
        const title = [`namespace ${namespace}`, ...(spare ? ["quota headroom at HPA max:", ...spare] : [])].join("\n");
        lines.push(`  subgraph cluster_${cluster++} {`, `    label=${quote(title)};`);
        for (const s of services) lines.push(`    ${quote(id(s.namespace, s.name))} [label=${quote(label(s).join("\n"))}];`);
        lines.push("  }");
    }
    for (const gateway of new Set(map.routes.map((r) => r.gateway))) lines.push(`  ${quote(gateway)} [shape=box, style=bold, label=${quote(`gateway\n${gateway}`)}];`);
    for (const r of map.routes) lines.push(`  ${quote(r.gateway)} -> ${quote(r.to)} [label=${quote(routeLabel(r))}, style=bold];`);
    for (const e of map.edges) lines.push(`  ${quote(e.from)} -> ${quote(e.to)};`);
    lines.push("}");
    return `${lines.join("\n")}\n`;
}

export function toMermaid(map: ServiceMap): string {
    const node = (key: string) => `n_${key.replace(/[^A-Za-z0-9]/g, "_")}`;
    const text = (s: string) => s.replace(/"/g, "#quot;");
    const lines = ["flowchart LR"];
    const byNamespace = new Map<string, MapService[]>();
    for (const s of map.services) byNamespace.set(s.namespace, [...(byNamespace.get(s.namespace) ?? []), s]);
    for (const [namespace, services] of byNamespace) {
        const spare = map.headroom[namespace];
        const title = `namespace ${namespace}${spare ? `<br/>quota headroom at HPA max: ${spare.join(", ")}` : ""}`;
        lines.push(`  subgraph ${node(`ns_${namespace}`)}["${text(title)}"]`);
        for (const s of services) lines.push(`    ${node(id(s.namespace, s.name))}["${text(label(s).join("<br/>"))}"]`);
        lines.push("  end");
    }
    for (const gateway of new Set(map.routes.map((r) => r.gateway))) lines.push(`  ${node(gateway)}{{"gateway ${gateway}"}}`);
    for (const r of map.routes) lines.push(`  ${node(r.gateway)} ==>|"${text(routeLabel(r))}"| ${node(r.to)}`);
    for (const e of map.edges) lines.push(`  ${node(e.from)} --> ${node(e.to)}`);
    return `${lines.join("\n")}\n`;
}

/** Writes service-map.svg and service-map.mmd into `outDir`; returns the map and its report entry. */
export async function writeServiceMap(outDir: string, resources: readonly RecordedResource[]): Promise<{ map: ServiceMap; report: ServiceMapReport }> {
    const map = buildServiceMap(resources);
    const viz = await instance();
    fs.writeFileSync(path.join(outDir, SERVICE_MAP_SVG), viz.renderString(toDot(map), { format: "svg", engine: "dot" }));
    fs.writeFileSync(path.join(outDir, SERVICE_MAP_MERMAID), toMermaid(map));
    return {
        map,
        report: { files: [SERVICE_MAP_SVG, SERVICE_MAP_MERMAID], services: map.services.length, edges: map.edges.length, routes: map.routes.length },
    };
}
