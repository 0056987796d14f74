// An add-on that is one pinned chart in a namespace of its own: the component node, its typed
// values, and the stack's platform:chartValues merged over them (installChart). Each such add-on
// keeps its own type token and settings; this is only what they share.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { ChartSource, ChartValues, installChart } from "./helmChart";

export interface ChartAddOnArgs {
    /** The add-on's namespace, as created by the Tenancy component. */
    namespace: pulumi.Input<string>;
    chart: ChartSource;
    /** platform:chartValues.<chartKey>, merged over the add-on's values. */
    chartValues?: ChartValues;
}

export abstract class ChartAddOn extends pulumi.ComponentResource {
    public readonly chart: k8s.helm.v4.Chart;

    protected constructor(type: string, name: string, release: string, values: object, args: ChartAddOnArgs, opts?: pulumi.ComponentResourceOptions) {
        super(type, name, {}, opts);
        this.chart = installChart(release, {
            source: args.chart,
            namespace: args.namespace,
            values,
            userValues: args.chartValues,
        }, { parent: this });
        this.registerOutputs({});
    }
}
