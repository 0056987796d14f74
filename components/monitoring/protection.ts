// Stateful data rendered inside the chart: a Chart `transforms` entry that protects just the
// objects owning the metrics volumes, so a mistaken replace or `pulumi destroy` cannot drop them.
import * as pulumi from "@pulumi/pulumi";

/** Deleting the Prometheus object deletes its StatefulSet; its volume claims are kept separately. */
export const PROTECTED_TYPES = ["kubernetes:monitoring.coreos.com/v1:Prometheus"];

export function protectStatefulObjects(types: readonly string[] = PROTECTED_TYPES): pulumi.ResourceTransform {
    return (args) => {
        if (!types.includes(args.type)) return undefined;
        return { props: args.props, opts: pulumi.mergeOptions(args.opts, { protect: true, retainOnDelete: true }) };
    };
}
