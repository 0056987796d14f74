// `autoscaling-metrics-source`: every HorizontalPodAutoscaler that scales on cpu or memory has a
// resource metrics API to read. Either the stack registers metrics.k8s.io (metrics-server's
// APIService) or its config says the cluster serves it (GKE, AKS). Otherwise the HPA reports
// <unknown>, never scales, and nothing else says so.
import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { configSpec, readConfig, WithExemptions } from "../lib/config";
import { reporterFor } from "../lib/report";
import { ofKind, refOf } from "../lib/stackResources";

interface MetricsSourceConfig extends WithExemptions {
    clusterServesMetricsApi: boolean;
}

/** The aggregated API an HPA on cpu or memory reads, as metrics-server registers it. */
const RESOURCE_METRICS_API_SERVICE = "v1beta1.metrics.k8s.io";

const spec = configSpec("autoscaling-metrics-source", ["noMetricsSource"], {
    clusterServesMetricsApi: {
        type: "boolean",
        default: false,
        description: "The cluster serves metrics.k8s.io itself (GKE, AKS): the stack need not install metrics-server.",
    },
});

/** The resources an HPA scales on that only metrics.k8s.io serves: cpu and memory, named or by default. */
function resourceMetricNames(hpa: PolicyResource): string[] {
    const metrics = hpa.props.spec?.metrics;
    // autoscaling/v1 scales on cpu only; v2 without metrics defaults to 80% cpu.
    if (metrics === undefined) return ["cpu"];
    const names = (metrics as any[])
        .filter((m) => m?.type === "Resource" || m?.type === "ContainerResource")
        .map((m) => String((m.type === "Resource" ? m.resource : m.containerResource)?.name ?? "?"));
    return [...new Set(names)];
}

export const autoscalingMetricsSource: StackValidationPolicy = {
    name: "autoscaling-metrics-source",
    description: "A HorizontalPodAutoscaler on cpu or memory has metrics.k8s.io to read: metrics-server in the stack, or the cluster's own.",
    enforcementLevel: "advisory",
    severity: "medium",
    configSchema: spec.schema,
    validateStack: (args, report) => {
        const config = readConfig<MetricsSourceConfig>(args, spec);
        if (config.clusterServesMetricsApi) return;
        const served = ofKind(args.resources, ["apiregistration.k8s.io"], "APIService")
            .some((s) => s.props.metadata?.name === RESOURCE_METRICS_API_SERVICE);
        if (served) return;
        for (const hpa of ofKind(args.resources, ["autoscaling"], "HorizontalPodAutoscaler")) {
            const names = resourceMetricNames(hpa);
            if (names.length === 0) continue;
            reporterFor(report, refOf(hpa), config.exemptions, hpa.urn)("noMetricsSource",
                `scales on ${names.join(" and ")}, but nothing serves metrics.k8s.io: the stack registers no ${RESOURCE_METRICS_API_SERVICE} ` +
                "APIService and its config does not say the cluster serves it, so the autoscaler reports <unknown> and never scales. " +
                'Install metrics-server (platform:resourceMetrics.source "metrics-server") or, on a cluster that serves the API ' +
                '(GKE, AKS), set source "cluster"');
        }
    },
};
