// Which charts install which CRD groups: from the stack's config (chart names), and from the
// CustomResourceDefinitions a chart renders when the CLI expands it.
import { appendTo } from "../lib/groups";
import { PolicyResource } from "@pulumi/policy";
import { kubeType } from "../lib/kubeType";

export const isChart = (r: PolicyResource): boolean => {
    const t = kubeType(r.type);
    return t?.group === "helm.sh" && (t.kind === "Chart" || t.kind === "Release");
};

export const isCrd = (r: PolicyResource): boolean => {
    const t = kubeType(r.type);
    return t?.group === "apiextensions.k8s.io" && t.kind === "CustomResourceDefinition";
};

/** "kube-prometheus-stack" for "kube-prometheus-stack", "prometheus-community/kube-prometheus-stack" or an OCI reference. */
export function chartBaseName(chart: unknown): string {
    if (typeof chart !== "string") return "";
    const withoutDigest = chart.split("@")[0];
    const base = withoutDigest.slice(withoutDigest.lastIndexOf("/") + 1);
    // A pulled archive, named as `helm pull` names it: <chart>-<version>.tgz.
    const archive = /^(.+)-v?\d+\.\d+\.\d+[^/]*\.(tgz|tar\.gz)$/.exec(base);
    if (archive) return archive[1];
    return base.split(":")[0];
}

/** The nearest ancestor (or the resource itself) that is a chart, memoised per URN. */
export function chartAncestorFinder(): (r: PolicyResource | undefined) => PolicyResource | undefined {
    const memo = new Map<string, PolicyResource | undefined>();
    const find = (r: PolicyResource | undefined): PolicyResource | undefined => {
        if (!r) return undefined;
        if (memo.has(r.urn)) return memo.get(r.urn);
        const found = isChart(r) ? r : find(r.parent);
        memo.set(r.urn, found);
        return found;
    };
    return find;
}

/** CRD group -> URNs of the charts (and standalone CRDs) that install it. */
export function crdProviders(
    resources: readonly PolicyResource[], crdCharts: Record<string, string[]>,
    chartAncestor: (r: PolicyResource | undefined) => PolicyResource | undefined,
): Map<string, Set<string>> {
    const providers = new Map<string, Set<string>>();
    const add = (group: string, urn: string) => {
        const set = providers.get(group) ?? new Set<string>();
        set.add(urn);
        providers.set(group, set);
    };
    const groupsByChart = new Map<string, string[]>();
    for (const [group, charts] of Object.entries(crdCharts)) {
        for (const chart of charts) appendTo(groupsByChart, chart, group);
    }
    for (const r of resources) {
        if (isChart(r)) {
            for (const group of groupsByChart.get(chartBaseName(r.props.chart)) ?? []) add(group, r.urn);
        } else if (typeof r.props?.metadata?.labels?.["helm.sh/chart"] === "string") {
            // The real engine does not show a Chart's `chart` input to the pack; its rendered
            // children name the chart in Helm's label (<chart>-<version>).
            const chart = chartAncestor(r.parent);
            const name = chartBaseName(`${r.props.metadata.labels["helm.sh/chart"]}.tgz`);
            if (chart) for (const group of groupsByChart.get(name) ?? []) add(group, chart.urn);
        }
        if (isCrd(r) && typeof r.props.spec?.group === "string") {
            add(r.props.spec.group, r.urn);
            const chart = chartAncestor(r.parent);
            if (chart) add(r.props.spec.group, chart.urn);
        }
    }
    return providers;
}
