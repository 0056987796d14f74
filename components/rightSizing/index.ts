// Right-sizing: the Vertical Pod Autoscaler's recommender in its own namespace, restricted and
// sized, with the VerticalPodAutoscaler CRDs (the chart's crds/). It reads pods' usage from the
// resource metrics API and writes a recommendation into each VerticalPodAutoscaler's status; the
// Microservices' VPAs (updateMode "Off") depend on this chart (`chart`), which brings their CRD.
// Installed where platform:rightSizing.enabled is true (infra/platform.ts).
import * as pulumi from "@pulumi/pulumi";
import { ChartAddOn, ChartAddOnArgs } from "../shared/chartAddOn";
import { vpaValues } from "./chartValues";
import { RELEASE } from "./names";
import { RightSizingSettings } from "./settings";

export interface VpaRecommenderArgs extends ChartAddOnArgs {
    settings: RightSizingSettings;
}

export class VpaRecommender extends ChartAddOn {
    constructor(name: string, args: VpaRecommenderArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:rightSizing:VpaRecommender", name, RELEASE, vpaValues(args.settings), args, opts);
    }
}
