// Every upstream Helm chart the platform installs, pinned in one place. A stack can point any
// chart at a mirror or an OCI registry through `platform:chartRepositories` (air-gapped clusters).
import { ChartSource } from "../components/shared/helmChart";

export const CHARTS = {
    istioBase: { repo: "https://istio-release.storage.googleapis.com/charts", chart: "base", version: "1.29.6" },
    istiod: { repo: "https://istio-release.storage.googleapis.com/charts", chart: "istiod", version: "1.29.6" },
    istioCni: { repo: "https://istio-release.storage.googleapis.com/charts", chart: "cni", version: "1.29.6" },
    istioGateway: { repo: "https://istio-release.storage.googleapis.com/charts", chart: "gateway", version: "1.29.6" },
    kubePrometheusStack: { repo: "https://prometheus-community.github.io/helm-charts", chart: "kube-prometheus-stack", version: "88.5.3" },
    jaeger: { repo: "https://jaegertracing.github.io/helm-charts", chart: "jaeger", version: "4.11.1" },
    eckOperator: { repo: "https://helm.elastic.co", chart: "eck-operator", version: "3.5.0" },
    fluentBit: { repo: "https://fluent.github.io/helm-charts", chart: "fluent-bit", version: "0.58.1" },
    argoCd: { repo: "https://argoproj.github.io/argo-helm", chart: "argo-cd", version: "10.1.1" },
    kiali: { repo: "https://kiali.org/helm-charts", chart: "kiali-server", version: "2.29.0" },
    externalSecrets: { repo: "https://charts.external-secrets.io", chart: "external-secrets", version: "2.9.0" },
    metricsServer: { repo: "https://kubernetes-sigs.github.io/metrics-server/", chart: "metrics-server", version: "3.13.1" },
    vpa: { repo: "https://charts.fairwinds.com/stable", chart: "vpa", version: "5.0.0" },
    keda: { repo: "https://kedacore.github.io/charts", chart: "keda", version: "2.20.2" },
    argoRollouts: { repo: "https://argoproj.github.io/argo-helm", chart: "argo-rollouts", version: "2.41.0" },
} as const satisfies Record<string, ChartSource>;

export type ChartKey = keyof typeof CHARTS;

/**
 * Istio releases a mesh revision may run (platform:mesh.revisions[].version). Each pins all four
 * Istio charts above at that version (only their repo and chart name are taken from CHARTS); the
 * value keys the mesh sets exist in each release's charts. Add a release here to canary it.
 */
export const ISTIO_RELEASES = ["1.29.6", "1.30.3"] as const;
export type IstioRelease = (typeof ISTIO_RELEASES)[number];

export function isIstioRelease(version: string): version is IstioRelease {
    return (ISTIO_RELEASES as readonly string[]).includes(version);
}

export function isChartKey(key: string): key is ChartKey {
    return Object.prototype.hasOwnProperty.call(CHARTS, key);
}

/** Where a stack takes its charts from: per-chart mirrors, or one local directory of archives. */
export interface ChartOrigins {
    chartRepositories: Readonly<Partial<Record<ChartKey, string>>>;
    chartDirectory?: string;
}

/** The pinned source of a chart, with the stack's mirror or local directory applied when it has one. */
export function resolveChart(key: ChartKey, origins: ChartOrigins): ChartSource {
    const pinned = CHARTS[key];
    const repo = origins.chartRepositories[key] ?? pinned.repo;
    return origins.chartDirectory === undefined ? { ...pinned, repo } : { ...pinned, repo, directory: origins.chartDirectory };
}

const ISTIO_CHARTS: readonly ChartKey[] = ["istioBase", "istiod", "istioCni", "istioGateway"];

/** Every archive a stack may install: each pinned chart, and the Istio charts at each release its mesh revisions run. */
export function pinnedArchives(istioVersions: readonly string[]): { key: ChartKey; chart: string; version: string }[] {
    const archives = (Object.keys(CHARTS) as ChartKey[]).map((key) => ({ key, chart: CHARTS[key].chart, version: CHARTS[key].version as string }));
    for (const version of istioVersions) {
        for (const key of ISTIO_CHARTS) {
            if (!archives.some((a) => a.key === key && a.version === version)) archives.push({ key, chart: CHARTS[key].chart, version });
        }
    }
    return archives;
}
