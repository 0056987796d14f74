// Per-service observability on the sample shop: the scrape, RED and SLO burn-rate alerts that
// only read series the service (or the platform) really has, a Grafana dashboard, OTLP traces
// and JSON logs; nothing of it without the monitoring stack.
import { strict as assert } from "assert";
import * as path from "path";
import { parse as parseYaml } from "yaml";
import { MESH_OFF, MONITORING_OFF, one, ofType, RunResult } from "../harness";
import { chartUrn, kindOf, ok, onlyKind, SHOP_NAMESPACE, TYPES } from "./support";

const SERVICES = ["frontend", "catalog", "orders", "payments"];

// What podinfo's /metrics serves (stefanprodan/podinfo pkg/api/http/metrics.go: a counter
// http_requests_total{status} and a histogram http_request_duration_seconds{method,path,status}),
// plus what kube-state-metrics publishes about every container.
const PODINFO_SERIES = ["http_requests_total", "http_request_duration_seconds_bucket", "http_request_duration_seconds_sum", "http_request_duration_seconds_count"];
const PODINFO_LABELS: Record<string, string[]> = {
    http_requests_total: ["status"],
    http_request_duration_seconds_bucket: ["method", "path", "status", "le"],
};
const KUBE_STATE_METRICS_SERIES = ["kube_pod_container_status_restarts_total"];
// What the Argo Rollouts controller publishes about each Rollout (argoproj/argo-rollouts
// controller/metrics/prommetrics.go: rollout_info{namespace,name,strategy,traffic_router,phase}),
// read by a progressive service's canary alerts.
const ARGO_ROLLOUTS_SERIES = ["rollout_info"];
// Each series' own labels, beside the target's (namespace is the Rollout's: its ServiceMonitor honours the series' labels).
const SERIES_LABELS: Record<string, string[]> = { ...PODINFO_LABELS, rollout_info: ["name", "strategy", "traffic_router", "phase"] };
// Labels a ServiceMonitor target gets from service discovery.
const TARGET_LABELS = ["namespace", "service", "pod", "container", "endpoint", "job", "track"];

const PROMQL_WORDS = new Set(["and", "or", "unless", "bool", "offset", "by", "without", "on", "ignoring", "group_left", "group_right"]);

/** Metric names an expression reads: identifiers that are neither functions, keywords, labels nor literals. */
function metricsIn(expr: string): string[] {
    const stripped = expr
        .replace(/"(?:[^"\\]|\\.)*"/g, '""')
        .replace(/\{[^}]*\}/g, " ")
        .replace(/\[[^\]]*\]/g, " ")
        .replace(/\b(by|without|on|ignoring)\s*\([^)]*\)/g, " ");
    const names: string[] = [];
    for (const m of stripped.matchAll(/(?<![\w.])([a-zA-Z_:][a-zA-Z0-9_:]*)(\s*\()?/g)) {
        if (m[2] || PROMQL_WORDS.has(m[1])) continue;
        names.push(m[1]);
    }
    return names;
}

/** Label names used in the matchers of selectors on `metric`. */
function matcherLabels(expr: string, metric: string): string[] {
    const labels: string[] = [];
    for (const m of expr.matchAll(new RegExp(`${metric}\\{([^}]*)\\}`, "g"))) {
        for (const l of m[1].matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)/g)) labels.push(l[1]);
    }
    return labels;
}

interface Rule { record?: string; alert?: string; expr: string; for?: string; labels?: Record<string, string> }
const rulesOf = (run: RunResult, service: string): Rule[] =>
    onlyKind(run, service, TYPES.prometheusRule).inputs.spec.groups.flatMap((g: any) => g.rules);

describe("per-service observability", () => {
    it("(the checker finds every series an expression reads)", () => {
        assert.deepEqual(metricsIn('sum by (pod, le) (rate(foo_total{a="b", c=~"5.."}[5m])) / on (pod) bar_bytes > 14.4 * 0.001 and baz'),
            ["foo_total", "bar_bytes", "baz"]);
        assert.deepEqual(matcherLabels('rate(foo_total{namespace="x", code=~"5.."}[1m])', "foo_total"), ["namespace", "code"]);
    });

    for (const stack of ["dev", "staging", "prod"]) {
        describe(stack, () => {
            for (const service of SERVICES) {
                it(`${service}: is scraped on its metrics port once its CRDs exist`, () => {
                    const run = ok(stack);
                    const monitor = onlyKind(run, service, TYPES.serviceMonitor);
                    assert.equal(monitor.inputs.metadata.namespace, SHOP_NAMESPACE);
                    assert.deepEqual(monitor.inputs.spec.endpoints.map((e: any) => [e.port, e.path]), [["metrics", "/metrics"]]);
                    // The selector picks exactly the service's own Service.
                    const selector = monitor.inputs.spec.selector.matchLabels;
                    const matching = ofType(run, TYPES.service).filter((s) => s.inputs.metadata.namespace === SHOP_NAMESPACE &&
                        Object.entries(selector).every(([k, v]) => s.inputs.metadata.labels[k] === v));
                    assert.deepEqual(matching.map((s) => s.inputs.metadata.name), [service]);
                    assert.ok(matching[0].inputs.spec.ports.some((p: any) => p.name === "metrics"));
                    const crds = chartUrn(run, "kube-prometheus-stack");
                    assert.ok(monitor.dependencies.includes(crds));
                    assert.ok(onlyKind(run, service, TYPES.prometheusRule).dependencies.includes(crds));
                });

                it(`${service}: alerts only on series podinfo, kube-state-metrics and Argo Rollouts expose`, () => {
                    const rules = rulesOf(ok(stack), service);
                    const recorded = new Set(rules.filter((r) => r.record).map((r) => r.record!));
                    const exposed = new Set([...PODINFO_SERIES, ...KUBE_STATE_METRICS_SERIES, ...ARGO_ROLLOUTS_SERIES]);
                    for (const rule of rules) {
                        const read = metricsIn(rule.expr);
                        assert.ok(read.length > 0, `${rule.record ?? rule.alert} reads some series`);
                        for (const metric of read) {
                            assert.ok(exposed.has(metric) || (!rule.record && recorded.has(metric)),
                                `${rule.record ?? rule.alert} reads ${metric}, which nothing exposes`);
                        }
                        for (const [metric, own] of Object.entries(SERIES_LABELS)) {
                            for (const label of matcherLabels(rule.expr, metric)) {
                                assert.ok([...own, ...TARGET_LABELS].includes(label), `${metric} has no label ${label}`);
                            }
                        }
                    }
                });

                it(`${service}: has RED alerts on 5xx ratio, p95 latency from the histogram, and restarts`, () => {
                    const alerts = rulesOf(ok(stack), service).filter((r) => r.alert);
                    const byName = (name: string) => alerts.filter((a) => a.alert === name);
                    assert.match(byName("ServiceHighErrorRatio")[0].expr, /error_ratio:rate5m/);
                    assert.match(byName("ServiceHighLatencyP95")[0].expr,
                        /histogram_quantile\(0\.95, sum by \([^)]*\ble\b[^)]*\) \(rate\(http_request_duration_seconds_bucket\{/);
                    assert.match(byName("ServiceContainerRestarts")[0].expr, /increase\(kube_pod_container_status_restarts_total\{namespace="shop", container="/);
                    for (const alert of alerts) {
                        assert.ok(["critical", "warning"].includes(alert.labels!.severity));
                        assert.equal(alert.labels!.service, service);
                        assert.equal(alert.labels!.namespace, SHOP_NAMESPACE);
                    }
                });

                it(`${service}: ships a Grafana dashboard the sidecar loads`, () => {
                    const run = ok(stack);
                    const dashboards = ofType(run, TYPES.configMap).filter((c) => c.inputs.metadata.labels?.grafana_dashboard === "1" &&
                        c.inputs.metadata.namespace === SHOP_NAMESPACE && c.inputs.metadata.name === `${service}-dashboard`);
                    assert.equal(dashboards.length, 1);
                    const files = Object.values(dashboards[0].inputs.data) as string[];
                    assert.equal(files.length, 1);
                    const model = JSON.parse(files[0]);
                    const exprs = model.panels.flatMap((p: any) => p.targets.map((t: any) => t.expr)).join("\n");
                    const titles = model.panels.map((p: any) => p.title.toLowerCase()).join(" | ");
                    for (const word of ["request rate", "error", "latency", "cpu", "memory", "restarts"]) assert.ok(titles.includes(word), word);
                    for (const q of ["0.5", "0.95", "0.99"]) assert.ok(exprs.includes(`histogram_quantile(${q},`), `p${Number(q) * 100}`);
                    assert.ok(exprs.includes(`service="${service}"`));
                    assert.ok(model.uid.length <= 40);
                });
            }
        });
    }

    describe("scrape transport", () => {
        const monitorOf = (run: RunResult, service: string) => onlyKind(run, service, TYPES.serviceMonitor).inputs.spec;
        const endpointOf = (run: RunResult, service: string) => monitorOf(run, service).endpoints[0];
        /** The TLS settings Prometheus applies to a monitor's scrapes: those of the scrape class it names. */
        const scrapeTls = (run: RunResult, service: string) => {
            const name = monitorOf(run, service).scrapeClass;
            assert.ok(name, `${service}: names a scrape class`);
            const classes = prometheusSpec(run).scrapeClasses.filter((c: any) => c.name === name);
            assert.equal(classes.length, 1, `Prometheus defines scrape class ${name}`);
            return classes[0].tlsConfig;
        };
        const prometheusSpec = (run: RunResult) =>
            one(run, TYPES.chart, "kube-prometheus-stack").inputs.values.prometheus.prometheusSpec;

        /** Where, in the Prometheus container, the files the injected sidecar writes (OUTPUT_CERTS) show up. */
        function certificateDirSeenByPrometheus(run: RunResult): string {
            const spec = prometheusSpec(run);
            const annotations = spec.podMetadata.annotations;
            // Istio reads proxy.istio.io/config as YAML (JSON is YAML too).
            const outputDir = parseYaml(annotations["proxy.istio.io/config"]).proxyMetadata.OUTPUT_CERTS;
            const sidecarMount = JSON.parse(annotations["sidecar.istio.io/userVolumeMount"])
                .find((m: any) => path.posix.normalize(m.mountPath) === path.posix.normalize(outputDir));
            assert.ok(sidecarMount, "the sidecar writes into a mounted volume");
            const volume = spec.volumes.find((v: any) => v.name === sidecarMount.name);
            assert.deepEqual(volume.emptyDir, { medium: "Memory" }, "a pod-local memory volume, so the key never hits disk");
            const prometheusMount = spec.volumeMounts.find((m: any) => m.name === sidecarMount.name);
            assert.ok(prometheusMount, "the Prometheus container mounts the same volume");
            return prometheusMount.mountPath;
        }

        for (const stack of ["staging", "prod"]) {
            it(`${stack} (STRICT): scrapes every service over mesh mTLS with the certificate Prometheus's sidecar writes`, () => {
                const run = ok(stack);
                const dir = certificateDirSeenByPrometheus(run);
                for (const service of SERVICES) {
                    const endpoint = endpointOf(run, service);
                    assert.equal(endpoint.scheme, "https");
                    // Prometheus refuses a monitor that names files itself (arbitraryFSAccessThroughSMs.deny).
                    assert.equal(endpoint.tlsConfig, undefined, "no files in the monitor");
                    assert.deepEqual(scrapeTls(run, service), {
                        caFile: path.posix.join(dir, "root-cert.pem"),
                        certFile: path.posix.join(dir, "cert-chain.pem"),
                        keyFile: path.posix.join(dir, "key.pem"),
                        // Workload certificates carry a SPIFFE identity, not a DNS name or IP.
                        insecureSkipVerify: true,
                    });
                }
            });
        }

        it("dev (PERMISSIVE): scrapes in plaintext, since PERMISSIVE ports refuse TLS without Istio's ALPN", () => {
            const run = ok("dev");
            for (const service of SERVICES) {
                assert.equal(endpointOf(run, service).scheme, "http");
                assert.equal(endpointOf(run, service).tlsConfig, undefined);
                assert.equal(monitorOf(run, service).scrapeClass, undefined);
            }
        });

        it("switches to mTLS scraping when a stack's mesh turns STRICT", () => {
            const run = ok("dev", { mesh: { mtlsMode: "STRICT" } });
            const dir = certificateDirSeenByPrometheus(run);
            for (const service of SERVICES) {
                assert.equal(endpointOf(run, service).scheme, "https");
                assert.equal(scrapeTls(run, service).certFile, path.posix.join(dir, "cert-chain.pem"));
            }
        });

        it("scrapes in plaintext without the mesh", () => {
            const run = ok("prod", MESH_OFF);
            for (const service of SERVICES) {
                assert.equal(endpointOf(run, service).scheme, "http");
                assert.equal(endpointOf(run, service).tlsConfig, undefined);
            }
        });
    });

    describe("SLO burn-rate alerts", () => {
        // Google SRE workbook, multiwindow multi-burn-rate: [long, short, burn factor, severity].
        const WINDOWS: [string, string, number, string][] = [
            ["1h", "5m", 14.4, "critical"], ["6h", "30m", 6, "critical"], ["1d", "2h", 3, "warning"], ["3d", "6h", 1, "warning"],
        ];
        const burnAlerts = (run: RunResult, service: string) => rulesOf(run, service).filter((r) => r.alert === "ServiceErrorBudgetBurn");

        function assertBudget(run: RunResult, service: string, budget: number): void {
            const alerts = burnAlerts(run, service);
            assert.deepEqual(alerts.map((a) => a.labels!.severity).sort(), ["critical", "warning"]);
            for (const [long, short, factor, severity] of WINDOWS) {
                const expr = alerts.find((a) => a.labels!.severity === severity)!.expr;
                for (const window of [long, short]) {
                    const compared = new RegExp(`:rate${window}\\{[^}]*service="${service}"[^}]*\\} > \\(${factor} \\* ${budget}\\)`);
                    assert.match(expr, compared, `${severity}: ${window} window at ${factor}x a budget of ${budget}`);
                }
                // Long and short windows of one pair must both burn.
                assert.match(expr, new RegExp(`rate${long}[^\\n]*\\n\\s*and\\s*\\n\\s*[^\\n]*rate${short}`));
            }
            const recorded = new Set(rulesOf(run, service).filter((r) => r.record).map((r) => r.record));
            for (const [long, short] of WINDOWS) for (const w of [long, short]) assert.ok([...recorded].some((r) => r!.endsWith(`:rate${w}`)), w);
        }

        it("follows each service's SLO from the profile (staging: frontend 99.9, catalog 99.5)", () => {
            const run = ok("staging");
            assertBudget(run, "frontend", 0.001);
            assertBudget(run, "catalog", 0.005);
        });

        it("defaults to 99.9% when the profile sets no SLO (dev)", () => assertBudget(ok("dev"), "orders", 0.001));

        it("moves with the slo knob", () => {
            const run = ok("prod", { shop: { services: { payments: { slo: 99 } } } });
            assertBudget(run, "payments", 0.01);
            assert.equal(burnAlerts(run, "payments")[0].labels!.slo, "99");
        });

        it("pages fast and tickets slow", () => {
            for (const alert of burnAlerts(ok("staging"), "frontend")) {
                assert.equal(alert.for, alert.labels!.severity === "critical" ? "2m" : "15m");
            }
        });
    });

    describe("traces and logs", () => {
        it("exports traces over OTLP gRPC to the tracing collector", () => {
            const run = ok("staging");
            for (const service of SERVICES) {
                const config = kindOf(run, service, TYPES.configMap).find((c) => c.inputs.metadata.name === service)!;
                assert.equal(config.inputs.data.OTEL_EXPORTER_OTLP_ENDPOINT, "http://jaeger-collector.tracing.svc.cluster.local:4317");
                assert.equal(config.inputs.data.OTEL_EXPORTER_OTLP_PROTOCOL, "grpc");
                assert.equal(config.inputs.data.OTEL_SERVICE_NAME, service);
                const [deployment] = kindOf(run, service, TYPES.deployment);
                const container = deployment.inputs.spec.template.spec.containers[0];
                assert.ok(container.args.includes(`--otel-service-name=${service}`), "podinfo's switch that turns tracing on");
                assert.ok(container.envFrom.some((e: any) => e.configMapRef?.name === service));
            }
        });

        it("exports no traces when tracing is off", () => {
            const run = ok("staging", { tracing: { enabled: false } });
            for (const service of SERVICES) {
                const config = kindOf(run, service, TYPES.configMap).find((c) => c.inputs.metadata.name === service)!;
                assert.ok(Object.keys(config.inputs.data).every((k) => !k.startsWith("OTEL_")));
                const [deployment] = kindOf(run, service, TYPES.deployment);
                assert.ok(!deployment.inputs.spec.template.spec.containers[0].args.some((a: string) => a.startsWith("--otel")));
            }
        });

        it("logs at info level to stdout (podinfo's JSON encoder), with no log file", () => {
            const run = ok("prod");
            for (const service of SERVICES) {
                const [deployment] = kindOf(run, service, TYPES.deployment);
                const container = deployment.inputs.spec.template.spec.containers[0];
                assert.ok(container.args.includes("--level=info"));
                assert.ok(!container.args.some((a: string) => /log-?file|--log-output/.test(a)));
            }
        });
    });

    it("creates no ServiceMonitor, PrometheusRule or dashboard without the monitoring stack", () => {
        const run = ok("staging", MONITORING_OFF);
        for (const service of SERVICES) {
            for (const type of [TYPES.serviceMonitor, TYPES.prometheusRule]) assert.equal(kindOf(run, service, type).length, 0);
            assert.deepEqual(kindOf(run, service, TYPES.configMap).map((c) => c.inputs.metadata.name), [service]);
        }
        assert.equal(ofType(run, TYPES.configMap).filter((c) => c.inputs.metadata.labels?.grafana_dashboard).length, 0);
    });
});
