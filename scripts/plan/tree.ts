// The component tree: every ComponentResource (platform components and Helm charts) under its
// parent, with how many resources it declares directly and in total.
import { RecordedResource } from "../mock-run";
import { CHART_TYPE } from "../helm/renderCharts";

export interface ComponentNode {
    type: string;
    name: string;
    urn: string;
    /** Custom resources (Kubernetes objects, random passwords, ...) whose parent this is. */
    directResources: number;
    /** Custom resources anywhere below it. */
    totalResources: number;
    children: ComponentNode[];
    /** For a Helm chart rendered by `plan --render`: its objects, "Kind namespace/name". */
    objects?: string[];
}

export interface ComponentTree {
    roots: ComponentNode[];
    /** Custom resources outside any component (the provider). */
    topLevelResources: { type: string; name: string }[];
    totalResources: number;
}

export function componentTree(resources: readonly RecordedResource[]): ComponentTree {
    const nodes = new Map<string, ComponentNode>();
    for (const r of resources) {
        if (!r.custom) nodes.set(r.urn, { type: r.type, name: r.name, urn: r.urn, directResources: 0, totalResources: 0, children: [] });
    }
    const roots: ComponentNode[] = [];
    const topLevelResources: { type: string; name: string }[] = [];
    for (const r of resources) {
        const parent = r.parent ? nodes.get(r.parent) : undefined;
        if (!r.custom) {
            const node = nodes.get(r.urn)!;
            (parent ? parent.children : roots).push(node);
        } else if (parent) {
            parent.directResources++;
            if (parent.type === CHART_TYPE) {
                const m = r.inputs?.metadata;
                (parent.objects ??= []).push(`${r.inputs?.kind ?? r.type} ${m?.namespace ? `${m.namespace}/` : ""}${m?.name ?? r.name}`);
            }
        } else {
            topLevelResources.push({ type: r.type, name: r.name });
        }
    }
    const total = (n: ComponentNode): number =>
        (n.totalResources = n.directResources + n.children.reduce((sum, c) => sum + total(c), 0));
    roots.forEach(total);
    return { roots, topLevelResources, totalResources: resources.filter((r) => r.custom).length };
}

export function renderTree(tree: ComponentTree): string[] {
    const lines: string[] = [];
    const walk = (n: ComponentNode, depth: number) => {
        const counts = n.children.length > 0 ? `${n.directResources} direct, ${n.totalResources} total` : `${n.totalResources}`;
        lines.push(`${"  ".repeat(depth)}${n.name}  [${n.type}]  ${counts}`);
        n.children.forEach((c) => walk(c, depth + 1));
        for (const o of n.objects ?? []) lines.push(`${"  ".repeat(depth + 1)}- ${o}`);
    };
    tree.roots.forEach((n) => walk(n, 1));
    for (const r of tree.topLevelResources) lines.push(`  ${r.name}  [${r.type}]  (outside components)`);
    return lines;
}
