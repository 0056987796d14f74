// Stack-policy helpers: group the stack's Kubernetes objects once, so each policy does a single
// pass plus lookups instead of comparing every resource with every other.
import { PolicyResource } from "@pulumi/policy";
import { kubeType } from "./kubeType";
import { ObjectRef, objectRef } from "./objectRef";

export function refOf(resource: PolicyResource): ObjectRef {
    return objectRef(resource.type, resource.props, resource.name, resource.parent?.urn ?? resource.opts?.parent);
}

/** The declared objects of one kind in the given API groups (patches of existing objects excluded). */
export function ofKind(resources: readonly PolicyResource[], groups: readonly string[], kind: string): PolicyResource[] {
    return resources.filter((r) => {
        const t = kubeType(r.type);
        return t !== undefined && !t.patch && t.kind === kind && groups.includes(t.group);
    });
}

/** Namespaced objects grouped by namespace ("default" when unset). */
export function byNamespace(resources: readonly PolicyResource[]): Map<string, PolicyResource[]> {
    const index = new Map<string, PolicyResource[]>();
    for (const r of resources) {
        const namespace = refOf(r).namespace ?? "default";
        const list = index.get(namespace);
        if (list) list.push(r);
        else index.set(namespace, [r]);
    }
    return index;
}
