// Scaling on traffic: KEDA in its own namespace, restricted and sized, with its CRDs (the chart's
// templates). A Microservice that sets autoscaling.requestRate gets a ScaledObject, which depends on
// this chart (`chart`); KEDA's operator reads the rate from Prometheus, creates the HPA, and serves
// it the value through external.metrics.k8s.io (the chart's APIService).
// Installed where platform:requestScaling.enabled is true (infra/platform.ts).
import * as pulumi from "@pulumi/pulumi";
import { ChartAddOn, ChartAddOnArgs } from "../shared/chartAddOn";
import { kedaValues } from "./chartValues";
import { RELEASE } from "./names";
import { RequestScalingSettings } from "./settings";

export interface KedaArgs extends ChartAddOnArgs {
    settings: RequestScalingSettings;
}

export class Keda extends ChartAddOn {
    constructor(name: string, args: KedaArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:requestScaling:Keda", name, RELEASE, kedaValues(args.settings), args, opts);
    }
}
