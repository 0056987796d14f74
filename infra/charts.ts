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

/** The pinned source of a chart, with the stack's mirror applied when it has one. */
export function resolveChart(key: ChartKey, repositoryOverrides: Readonly<Record<string, string>>): ChartSource {
    const pinned = CHARTS[key];
    return { ...pinned, repo: repositoryOverrides[key] ?? pinned.repo };
}
