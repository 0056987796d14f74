// Stateful data rendered inside the chart: a Chart `transforms` entry that protects just the
// objects owning the metrics volumes, so a mistaken replace or `pulumi destroy` cannot drop them.
import * as pulumi from "@pulumi/pulumi";

/** A chart object to protect: its Pulumi type and, where the type is shared, its name. */
export interface ProtectedObject {
    type: string;
    name?: string;
}

/**
 * Deleting the Prometheus object deletes its StatefulSet; its volume claims are kept separately.
 * The chart installs its CRDs without `helm.sh/resource-policy: keep`, and deleting a CRD deletes
 * every object of its kind, so the Prometheus CRD is kept with the object it defines.
 */
export const PROTECTED_OBJECTS: readonly ProtectedObject[] = [
    { type: "kubernetes:monitoring.coreos.com/v1:Prometheus" },
    { type: "kubernetes:apiextensions.k8s.io/v1:CustomResourceDefinition", name: "prometheuses.monitoring.coreos.com" },
];

export function protectStatefulObjects(objects: readonly ProtectedObject[] = PROTECTED_OBJECTS): pulumi.ResourceTransform {
    return (args) => {
        const name: unknown = args.props?.metadata?.name;
        if (!objects.some((o) => o.type === args.type && (o.name === undefined || o.name === name))) return undefined;
        return { props: args.props, opts: pulumi.mergeOptions(args.opts, { protect: true, retainOnDelete: true }) };
    };
}
