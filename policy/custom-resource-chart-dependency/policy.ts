// `custom-resource-chart-dependency`: a custom resource depends on the chart that installs its CRD
// (or is rendered by that chart), so it is never created before its CRD exists.
import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { configSpec, readConfig, WithExemptions } from "../lib/config";
import { kubeType } from "../lib/kubeType";
import { reporterFor } from "../lib/report";
import { refOf } from "../lib/stackResources";
import { chartAncestorFinder, crdProviders, isChart, isCrd } from "./charts";

interface CrdDependencyConfig extends WithExemptions {
    crdCharts: Record<string, string[]>;
}

export const DEFAULT_CRD_CHARTS: Record<string, string[]> = {
    "networking.istio.io": ["base", "istiod"],
    "security.istio.io": ["base", "istiod"],
    "telemetry.istio.io": ["base", "istiod"],
    "extensions.istio.io": ["base", "istiod"],
    "monitoring.coreos.com": ["kube-prometheus-stack"],
    "elasticsearch.k8s.elastic.co": ["eck-operator"],
    "kibana.k8s.elastic.co": ["eck-operator"],
    "argoproj.io": ["argo-cd", "argo-rollouts"],
    "external-secrets.io": ["external-secrets"],
};

const spec = configSpec("custom-resource-chart-dependency", ["dependency"], {
    crdCharts: {
        type: "object",
        default: DEFAULT_CRD_CHARTS,
        additionalProperties: { type: "array", items: { type: "string", minLength: 1 }, minItems: 1 },
        description: "CRD API group -> names of the charts that install its CRDs.",
    },
});

function isSatisfied(
    resource: PolicyResource, providers: Set<string>, chartAncestor: (r: PolicyResource | undefined) => PolicyResource | undefined,
): boolean {
    for (let ancestor = resource.parent; ancestor; ancestor = ancestor.parent) {
        if (providers.has(ancestor.urn)) return true;
    }
    return resource.dependencies.some((d) => providers.has(d.urn) || providers.has(chartAncestor(d)?.urn ?? ""));
}

export const customResourceChartDependency: StackValidationPolicy = {
    name: "custom-resource-chart-dependency",
    description: "Every custom resource depends on the chart that installs its CRD.",
    enforcementLevel: "advisory",
    severity: "medium",
    configSchema: spec.schema,
    validateStack: (args, report) => {
        const config = readConfig<CrdDependencyConfig>(args, spec);
        const chartAncestor = chartAncestorFinder();
        const providers = crdProviders(args.resources, config.crdCharts, chartAncestor);
        for (const resource of args.resources) {
            const group = kubeType(resource.type)?.group;
            if (group === undefined || isChart(resource) || isCrd(resource)) continue;
            if (!providers.has(group) && !(group in config.crdCharts)) continue;
            const groupProviders = providers.get(group) ?? new Set<string>();
            if (isSatisfied(resource, groupProviders, chartAncestor)) continue;
            const expected = config.crdCharts[group]?.join(" or ") ?? "the chart that renders its CRD";
            const why = groupProviders.size === 0 ? `; no such chart is in this stack` : "";
            reporterFor(report, refOf(resource), config.exemptions, resource.urn)("dependency",
                `is a ${group} custom resource that does not depend on the chart installing its CRD (${expected})${why}`);
        }
    },
};
