// The fake nodes each stack's local cluster gets, shaped like that stack's target: a laptop's kind
// node for dev; for staging and prod, nodes of a typical managed node group spread over three
// zones, so topology spread and anti-affinity are decided across real zone labels.
export interface NodeShape {
    count: number;
    zones: string[];
    cpu: string;
    memory: string;
    pods: number;
    instanceType: string;
}

const MANAGED_ZONES = ["zone-a", "zone-b", "zone-c"];

export const NODE_SHAPES: Record<string, NodeShape> = {
    dev: { count: 1, zones: ["local"], cpu: "4", memory: "8Gi", pods: 110, instanceType: "kind-node" },
    staging: { count: 3, zones: MANAGED_ZONES, cpu: "8", memory: "32Gi", pods: 110, instanceType: "8cpu-32gi" },
    prod: { count: 6, zones: MANAGED_ZONES, cpu: "8", memory: "32Gi", pods: 110, instanceType: "8cpu-32gi" },
};

export function nodeShape(stack: string): NodeShape {
    const shape = NODE_SHAPES[stack];
    if (!shape) throw new Error(`no node shape for stack "${stack}"; known: ${Object.keys(NODE_SHAPES).join(", ")}`);
    return shape;
}
