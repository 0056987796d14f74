// Host names as the mesh resolves them: short names and `name.ns[.svc]` expand to the Service's
// FQDN in the referring namespace; ServiceEntries add exact and wildcard hosts. Built once per stack.
import { ClusterIndex, IndexedObject } from "../lib/clusterIndex";

export interface ResolvedHost {
    /** The Service or ServiceEntry that serves the host. */
    object: IndexedObject;
    kind: "Service" | "ServiceEntry";
    /** Port numbers it exposes. */
    ports: number[];
    /** For a Service: its namespace and name. */
    namespace: string;
    name: string;
}

/** A ServiceEntry host and the namespaces it is exported to (undefined: every namespace). */
interface ScopedHost {
    host: ResolvedHost;
    scope?: string[];
}

export class HostRegistry {
    private readonly services = new Map<string, ResolvedHost>();
    private readonly entries = new Map<string, ScopedHost[]>();
    private readonly wildcardEntries: Array<ScopedHost & { suffix: string }> = [];

    constructor(index: ClusterIndex, private readonly clusterDomain: string) {
        for (const service of index.ofKind("Service")) {
            const ports = (service.resource.props.spec?.ports ?? []).map((p: any) => Number(p?.port)).filter(Number.isFinite);
            this.services.set(this.fqdn(service.ref.name, service.ref.namespace), {
                object: service, kind: "Service", ports, namespace: service.ref.namespace, name: service.ref.name,
            });
        }
        for (const entry of index.ofKind("ServiceEntry")) {
            const spec = entry.resource.props.spec ?? {};
            const ports = (spec.ports ?? []).map((p: any) => Number(p?.number)).filter(Number.isFinite);
            const scope: string[] | undefined = Array.isArray(spec.exportTo) && spec.exportTo.length > 0 && !spec.exportTo.includes("*")
                ? spec.exportTo.map((ns: string) => (ns === "." ? entry.ref.namespace : ns)) : undefined;
            const resolved: ResolvedHost = { object: entry, kind: "ServiceEntry", ports, namespace: entry.ref.namespace, name: entry.ref.name };
            for (const host of spec.hosts ?? []) {
                if (typeof host !== "string") continue;
                if (host.startsWith("*")) {
                    this.wildcardEntries.push({ suffix: host.slice(1), host: resolved, scope });
                } else {
                    const list = this.entries.get(host) ?? [];
                    list.push({ host: resolved, scope });
                    this.entries.set(host, list);
                }
            }
        }
    }

    /** The FQDN of a Service `name` in `namespace`. */
    fqdn(name: string, namespace: string): string {
        return `${name}.${namespace}.svc.${this.clusterDomain}`;
    }

    /** The FQDN a host written in `namespace` stands for, when it names a Service. */
    expand(host: string, namespace: string): string {
        if (host.includes("*")) return host;
        const parts = host.split(".");
        if (parts.length === 1) return this.fqdn(host, namespace);
        if (parts.length === 2) return this.fqdn(parts[0], parts[1]);
        if (parts.length === 3 && parts[2] === "svc") return this.fqdn(parts[0], parts[1]);
        return host;
    }

    /** The namespace a Service host (FQDN or short) lives in, when it has the cluster's Service form. */
    serviceNamespace(host: string, namespace: string): string | undefined {
        const fqdn = this.expand(host, namespace);
        const suffix = `.svc.${this.clusterDomain}`;
        if (!fqdn.endsWith(suffix)) return undefined;
        const parts = fqdn.slice(0, -suffix.length).split(".");
        return parts.length === 2 ? parts[1] : undefined;
    }

    /** What serves `host` for a reference from `namespace`, or undefined. */
    resolve(host: string, namespace: string): ResolvedHost | undefined {
        const fqdn = this.expand(host, namespace);
        const service = this.services.get(fqdn);
        if (service) return service;
        for (const entry of this.entries.get(host) ?? this.entries.get(fqdn) ?? []) {
            if (!entry.scope || entry.scope.includes(namespace)) return entry.host;
        }
        const bare = host.startsWith("*") ? host.slice(1) : host;
        for (const wildcard of this.wildcardEntries) {
            if (wildcard.scope && !wildcard.scope.includes(namespace)) continue;
            if (bare.endsWith(wildcard.suffix)) return wildcard.host;
        }
        return undefined;
    }
}

/** Gateway/VirtualService host matching: `*` matches all, `*.x` any name ending in `.x`. */
export function hostsOverlap(a: string, b: string): boolean {
    if (a === b || a === "*" || b === "*") return true;
    if (a.startsWith("*") && (b.endsWith(a.slice(1)) || (b.startsWith("*") && b.slice(1).endsWith(a.slice(1))))) return true;
    if (b.startsWith("*") && a.endsWith(b.slice(1))) return true;
    return false;
}
