// What the edge policies share: the VirtualServices bound to an ingress Gateway (the public
// routes), the Gateway they bind to, and Istio's string-match syntax (exact, "prefix*",
// "*suffix", "*") for deciding whether a policy's patterns cover a route.
import { PolicyResource } from "@pulumi/policy";
import { selectorMatches } from "./labelSelector";
import { ofKind, refOf } from "./stackResources";

const NETWORKING = ["networking.istio.io"];

/** A request attribute a route receives: one exact value, or every value starting with a prefix. */
export type Requirement = { exact: string } | { prefix: string };

export interface PublicRoute {
    resource: PolicyResource;
    /** The Gateway's namespace and name, from spec.gateways ("<namespace>/<name>" or a name in the VirtualService's namespace). */
    gateway: { namespace: string; name: string };
    hosts: string[];
    /** The request paths the routes match; undefined when some route matches every path. */
    paths?: Requirement[];
}

function uriRequirement(uri: Record<string, string> | undefined): Requirement | undefined {
    if (!uri) return { prefix: "/" };
    if (uri.exact !== undefined) return { exact: uri.exact };
    if (uri.prefix !== undefined) return { prefix: uri.prefix };
    return undefined; // regex: not decidable here, treated as every path
}

/**
 * Every VirtualService with HTTP routes bound to a Gateway other than the mesh, once per Gateway it
 * binds to. One with only tls or tcp routes (TLS passed through by SNI, such as the egress
 * gateway's) carries no HTTP request that a token check or an HTTP rate limit could act on.
 */
export function publicRoutes(resources: readonly PolicyResource[]): PublicRoute[] {
    const routes: PublicRoute[] = [];
    for (const vs of ofKind(resources, NETWORKING, "VirtualService")) {
        const namespace = refOf(vs).namespace ?? "default";
        const spec = vs.props.spec ?? {};
        if (!Array.isArray(spec.http) || spec.http.length === 0) continue;
        const requirements: (Requirement | undefined)[] = [];
        for (const http of spec.http ?? []) {
            const matches: any[] = http.match ?? [{}];
            for (const m of matches) requirements.push(uriRequirement(m.uri));
        }
        const everyPath = requirements.some((r) => r === undefined || ("prefix" in r && r.prefix === "/"));
        for (const ref of (spec.gateways ?? []) as string[]) {
            if (ref === "mesh") continue;
            const [gwNamespace, gwName] = ref.includes("/") ? ref.split("/", 2) : [namespace, ref];
            routes.push({
                resource: vs,
                gateway: { namespace: gwNamespace, name: gwName },
                hosts: [...(spec.hosts ?? [])],
                paths: everyPath ? undefined : requirements as Requirement[],
            });
        }
    }
    return routes;
}

/** Finds a route's Gateway in the stack by namespace and name (the first declared, as a scan would). */
export function gatewayFinder(resources: readonly PolicyResource[]): (gateway: { namespace: string; name: string }) => PolicyResource | undefined {
    let byName: Map<string, PolicyResource> | undefined;
    return (gateway) => {
        // Built on the first route, so a stack without public routes reads no Gateway.
        if (!byName) {
            byName = new Map();
            for (const g of ofKind(resources, NETWORKING, "Gateway")) {
                const ref = refOf(g);
                const key = `${ref.namespace ?? "default"}/${ref.name}`;
                if (!byName.has(key)) byName.set(key, g);
            }
        }
        return byName.get(`${gateway.namespace}/${gateway.name}`);
    };
}

/** Whether a workload selector (matchLabels or EnvoyFilter-style labels) selects the Gateway's pods. */
export function selectsGatewayPods(labels: Record<string, string> | undefined, gateway: PolicyResource | undefined): boolean {
    if (!labels) return false;
    const podLabels: Record<string, string> | undefined = gateway?.props.spec?.selector;
    // Without the Gateway in the stack, its pods' labels are unknown: any explicit selector is accepted.
    return podLabels === undefined ? Object.keys(labels).length > 0 : selectorMatches({ matchLabels: labels }, podLabels);
}

/** Whether one Istio match pattern (exact, "abc*", "*abc", "*") matches every value a requirement stands for. */
export function patternCovers(pattern: string, required: Requirement): boolean {
    if (pattern === "*") return true;
    if (pattern.endsWith("*")) {
        const prefix = pattern.slice(0, -1);
        return "exact" in required ? required.exact.startsWith(prefix) : required.prefix.startsWith(prefix);
    }
    if (pattern.startsWith("*")) return "exact" in required && required.exact.endsWith(pattern.slice(1));
    return "exact" in required && required.exact === pattern;
}

export const covers = (patterns: readonly string[] | undefined, required: Requirement): boolean =>
    patterns === undefined || patterns.some((p) => patternCovers(p, required));

export const describeRequirement = (r: Requirement) => ("exact" in r ? r.exact : `${r.prefix}*`);
