// How a policy names the Kubernetes object it is judging, in messages and in exemption matching.
import { kubeType } from "./kubeType";

export interface ObjectRef {
    /** The kind judged; a Pulumi patch kind (DeploymentPatch) counts as the kind it patches. */
    kind: string;
    /** Undefined for cluster-scoped objects and for namespaced objects that rely on the provider's default. */
    namespace?: string;
    name: string;
    /** Resource name of the Helm Chart that rendered the object (its parent), if any. */
    chart?: string;
}

const CHART_TYPES = new Set(["kubernetes:helm.sh/v4:Chart", "kubernetes:helm.sh/v3:Chart"]);

/**
 * The Chart resource name in a parent URN `urn:pulumi:<stack>::<project>::<type chain>::<name>`,
 * when the parent's own type (the last of the chain) is a Helm Chart.
 */
export function chartOfParent(parentUrn: unknown): string | undefined {
    if (typeof parentUrn !== "string" || parentUrn === "") return undefined;
    const parts = parentUrn.split("::");
    if (parts.length < 4) return undefined;
    const chain = parts[2];
    const type = chain.slice(chain.lastIndexOf("$") + 1);
    return CHART_TYPES.has(type) ? parts.slice(3).join("::") : undefined;
}

/** `fallbackName` is the Pulumi resource name, used when metadata.name is left to auto-naming. */
export function objectRef(type: string, props: Record<string, any>, fallbackName: string, parentUrn?: string): ObjectRef {
    const kind = kubeType(type)?.kind ?? type;
    const metadata = props?.metadata;
    const namespace = typeof metadata?.namespace === "string" && metadata.namespace !== "" ? metadata.namespace : undefined;
    const name = typeof metadata?.name === "string" && metadata.name !== "" ? metadata.name : fallbackName;
    const chart = chartOfParent(parentUrn);
    return chart === undefined ? { kind, namespace, name } : { kind, namespace, name, chart };
}

/** The ref of what a resource policy is judging. */
export function argsRef(args: { type: string; props: Record<string, any>; name: string; opts?: { parent?: string } }): ObjectRef {
    return objectRef(args.type, args.props, args.name, args.opts?.parent);
}

/** Namespaced objects without metadata.namespace land in "default" (the provider's default namespace). */
export function withDefaultNamespace(ref: ObjectRef): ObjectRef & { namespace: string } {
    return { ...ref, namespace: ref.namespace ?? "default" };
}

export function describeRef(ref: ObjectRef): string {
    // A Namespace is matched against exemptions as being in itself, but named once.
    const namespaced = ref.namespace !== undefined && !(ref.kind === "Namespace" && ref.namespace === ref.name);
    return namespaced ? `${ref.kind} ${ref.namespace}/${ref.name}` : `${ref.kind} ${ref.name}`;
}
