// Every value the platform passes a chart must change what the chart renders: a value that does
// nothing misleads the next reader and hides the setting that would work. Each Chart of each stack
// is rendered with its values and again without each value path; a path whose removal leaves the
// rendered objects unchanged is inert. Needs the pinned chart archives (a chart cache).
import { strict as assert } from "assert";
import { ofType, runOk } from "../harness";
import { CHART_CACHE, itRendered } from "../harness/renderedCharts";
import { chartName, findArchive } from "../../scripts/helm/chartCache";
import { formatPath, inertValues } from "../../scripts/helm/inertValues";
import { CHART_TYPE, templateRequest } from "../../scripts/helm/renderCharts";
import { unwrapSecrets } from "../../scripts/mock-run/wire";


/**
 * Values kept although some stack's render does not change without them, each with its reason.
 * Chart name -> value paths.
 */
const PINNED: Record<string, { path: string[]; why: string }[]> = {
    base: [{
        path: ["global", "istioNamespace"],
        why: "the mesh component's namespace argument; equal to the chart's default only while that is istio-system",
    }],
    jaeger: [{ path: ["jaeger", "replicas"], why: "the stack's tracing.replicas, passed through; the chart's default only where a stack runs one" }],
    "kube-prometheus-stack": [
        { path: ["prometheus", "prometheusSpec", "replicas"], why: "the stack's monitoring.prometheusReplicas, passed through" },
        { path: ["alertmanager", "alertmanagerSpec", "replicas"], why: "the stack's monitoring.alertmanagerReplicas, passed through" },
        { path: ["grafana", "replicas"], why: "the stack's monitoring.grafanaReplicas, passed through" },
    ],
    "external-secrets": ["securityContext", "webhook.securityContext", "certController.securityContext"].map((key) => ({
        path: key.split("."),
        why: "the restricted container context, written once by the platform: equal to the chart's default in 2.9.0 but for " +
            "privileged, and pinned so a chart upgrade cannot loosen it silently",
    })),
    "metrics-server": [
        { path: ["replicas"], why: "the stack's resourceMetrics.replicas, passed through; the chart's default only where a stack runs one" },
        { path: ["resources", "requests"], why: "the stack's resourceMetrics.resources, passed through; staging's and prod's equal the chart's default" },
        {
            path: ["securityContext"],
            why: "the restricted container context, written once by the platform: equal to the chart's default in 3.13.1 but for " +
                "privileged, and pinned so a chart upgrade cannot loosen it silently",
        },
    ],
    vpa: [
        { path: ["recommender", "resources", "requests"], why: "the stack's rightSizing.resources, passed through; staging's and prod's cpu equals the chart's default" },
        {
            path: ["recommender", "securityContext"],
            why: "the restricted container context, written once by the platform: the chart's default in 5.0.0 lacks privileged, " +
                "runAsNonRoot and seccompProfile, and is pinned so a chart upgrade cannot loosen it silently",
        },
    ],
    keda: ["securityContext", "podSecurityContext"].flatMap((key) => ["operator", "metricServer", "webhooks"].map((pod) => ({
        path: [key, pod],
        why: "the restricted context, written once by the platform: the chart's default in 2.20.2 lacks privileged and runAsNonRoot " +
            "(containers) or the seccomp profile (pods), and is pinned so a chart upgrade cannot loosen it silently",
    }))),
    "argo-rollouts": [
        { path: ["installCRDs"], why: "the Rollout and AnalysisTemplate CRDs the services' objects depend on: the chart's default in 2.41.0, pinned so an upgrade cannot drop them silently" },
        { path: ["keepCRDs"], why: "removing the add-on must not delete every service's Rollout with its CRD: the chart's default in 2.41.0, pinned" },
        { path: ["dashboard", "enabled"], why: "the dashboard serves abort and promote without login: off by the chart's default in 2.41.0, pinned like Kiali's auth" },
        ...["containerSecurityContext", "podSecurityContext"].map((key) => ({
            path: [key],
            why: "the restricted context, written once by the platform: the chart's default in 2.41.0 lacks privileged and runAsNonRoot " +
                "(container) or the seccomp profile (pod), and is pinned so a chart upgrade cannot loosen it silently",
        })),
    ],
    "kiali-server": [
        { path: ["auth"], why: "who may log in: the chart's empty default means token in 2.29; pinned so a chart upgrade cannot change it silently" },
        { path: ["deployment", "view_only_mode"], why: "the stack's mesh.kiali.viewOnly, passed through; security-relevant like auth" },
        { path: ["deployment", "replicas"], why: "the stack's mesh.kiali.replicas, passed through" },
        { path: ["deployment", "resources", "limits"], why: "the stack's mesh.kiali.resources, passed through" },
        { path: ["external_services", "istio", "root_namespace"], why: "the mesh component's root namespace argument; the chart's default only while it is istio-system" },
    ],
};

describe("chart values: none is inert", function () {
    this.timeout(30 * 60 * 1000);
    for (const stack of ["dev", "staging", "prod"]) {
        itRendered(`${stack}: removing any value path the platform sets changes some chart's rendered objects`, async () => {
            const charts = ofType(runOk(stack), CHART_TYPE);
            assert.ok(charts.length > 0, `${stack} registers no chart`);
            const findings = await Promise.all(charts.map(async (chart) => {
                const { chart: name, version } = unwrapSecrets(chart.inputs);
                const archive = findArchive(CHART_CACHE, name, version);
                if ("missing" in archive) return [`${chart.name}: cannot be checked: ${archive.missing}`];
                const pinned = (PINNED[chartName(name)] ?? []).map((p) => p.path);
                const { inert } = await inertValues(templateRequest(chart, archive.file), pinned);
                return inert.map((path) => `${chart.name} (${name} ${version}): ${formatPath(path)}`);
            }));
            const problems = findings.flat();
            if (problems.length > 0) {
                assert.fail(`${stack}: ${problems.length} value path(s) change nothing in the render:\n  ${problems.join("\n  ")}`);
            }
        });
    }
});
