// Pulumi type tokens of Kubernetes objects: "kubernetes:<group>/<version>:<Kind>", with the core
// group spelled "core" (e.g. "kubernetes:core/v1:Pod", "kubernetes:apps/v1:Deployment").
// Pulumi's patch kinds ("kubernetes:apps/v1:DeploymentPatch") are judged as the kind they patch:
// `kind` is the patched kind and `patch` is true.

export interface KubeType {
    /** API group; "" for the core group. */
    group: string;
    version: string;
    kind: string;
    /** A server-side-apply patch of an existing object: fields it leaves out keep their live values. */
    patch: boolean;
}

const cache = new Map<string, KubeType | undefined>();

export function kubeType(type: string): KubeType | undefined {
    if (cache.has(type)) return cache.get(type);
    let parsed: KubeType | undefined;
    const match = /^kubernetes:([^:]+)\/([^/:]+):([^:]+)$/.exec(type);
    if (match) {
        const group = match[1] === "core" ? "" : match[1];
        const patch = match[3].length > "Patch".length && match[3].endsWith("Patch") && group !== "helm.sh";
        parsed = { group, version: match[2], kind: patch ? match[3].slice(0, -"Patch".length) : match[3], patch };
    }
    cache.set(type, parsed);
    return parsed;
}

/** True when `type` is `kind` (or a patch of it) in one of `groups`, at any API version. */
export function isKubeKind(type: string, groups: readonly string[], kind: string): boolean {
    const t = kubeType(type);
    return t !== undefined && t.kind === kind && groups.includes(t.group);
}

export function isPatchType(type: string): boolean {
    return kubeType(type)?.patch === true;
}
