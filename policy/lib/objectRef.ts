// How a policy names the Kubernetes object it is judging, in messages and in exemption matching.
import { kubeType } from "./kubeType";

export interface ObjectRef {
    kind: string;
    /** Undefined for cluster-scoped objects and for namespaced objects that rely on the provider's default. */
    namespace?: string;
    name: string;
}

/** `fallbackName` is the Pulumi resource name, used when metadata.name is left to auto-naming. */
export function objectRef(type: string, props: Record<string, any>, fallbackName: string): ObjectRef {
    const kind = kubeType(type)?.kind ?? type;
    const metadata = props?.metadata;
    const namespace = typeof metadata?.namespace === "string" && metadata.namespace !== "" ? metadata.namespace : undefined;
    const name = typeof metadata?.name === "string" && metadata.name !== "" ? metadata.name : fallbackName;
    return { kind, namespace, name };
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
