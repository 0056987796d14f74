// Pulumi type tokens of Kubernetes objects: "kubernetes:<group>/<version>:<Kind>", with the core
// group spelled "core" (e.g. "kubernetes:core/v1:Pod", "kubernetes:apps/v1:Deployment").

export interface KubeType {
    /** API group; "" for the core group. */
    group: string;
    version: string;
    kind: string;
}

const cache = new Map<string, KubeType | undefined>();

export function kubeType(type: string): KubeType | undefined {
    if (cache.has(type)) return cache.get(type);
    let parsed: KubeType | undefined;
    const match = /^kubernetes:([^:]+)\/([^/:]+):([^:]+)$/.exec(type);
    if (match) {
        const group = match[1] === "core" ? "" : match[1];
        parsed = { group, version: match[2], kind: match[3] };
    }
    cache.set(type, parsed);
    return parsed;
}

/** True when `type` is `kind` in one of `groups`, at any API version. */
export function isKubeKind(type: string, groups: readonly string[], kind: string): boolean {
    const t = kubeType(type);
    return t !== undefined && t.kind === kind && groups.includes(t.group);
}
