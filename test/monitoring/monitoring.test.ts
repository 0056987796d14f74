// Monitoring: kube-prometheus-stack pinned and sized per profile, restricted pods, Alertmanager
// routing, Grafana secrets, Istio scraping and prod protection, run as the real program per stack.
import { strict as assert } from "assert";
import { MESH_OFF, ofType, one, RecordedResource, RunResult, runStack } from "../harness";
import { findSecretLeaks } from "../harness/secrets";
import { isSecretValue } from "../harness/wire";
import { itRendered, ofKind, podSpecs, renderedBy, restrictedAndSizedViolations } from "../harness/renderedCharts";
import { parse as parseYaml } from "yaml";

const CHART = "kubernetes:helm.sh/v4:Chart";
const SECRET = "kubernetes:core/v1:Secret";
const SERVICE_MONITOR = "kubernetes:monitoring.coreos.com/v1:ServiceMonitor";
const POD_MONITOR = "kubernetes:monitoring.coreos.com/v1:PodMonitor";
const NAMESPACE = "kubernetes:core/v1:Namespace";
// Keys Istio's Prometheus integration guide ("TLS settings") sets on the Prometheus pod.
const CERT_SIDECAR_ANNOTATIONS = [
    "traffic.sidecar.istio.io/includeInboundPorts", "traffic.sidecar.istio.io/includeOutboundIPRanges",
    "proxy.istio.io/config", "sidecar.istio.io/userVolumeMount",
];
const MTLS_MODE = { dev: "PERMISSIVE", staging: "STRICT", prod: "STRICT" } as const;

// Independent expectations: the profiles' promises for metrics, restated here on purpose.
const EXPECTED = {
    dev: { retention: "2d", storage: "5Gi", prometheusReplicas: 1, alertmanagerReplicas: 1, grafanaReplicas: 1, protect: false },
    staging: { retention: "7d", storage: "50Gi", prometheusReplicas: 1, alertmanagerReplicas: 2, grafanaReplicas: 1, protect: false },
    prod: { retention: "30d", storage: "200Gi", prometheusReplicas: 2, alertmanagerReplicas: 3, grafanaReplicas: 2, protect: true },
} as const;

const WEBHOOK = "https://hooks.example/abc";

const isSecretWrapper = isSecretValue;
/** A value as the provider would finally see it: secret wrappers removed. */
function reveal(v: any): any {
    if (isSecretWrapper(v)) return reveal(v.value);
    if (Array.isArray(v)) return v.map(reveal);
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, reveal(x)]));
    return v;
}

function stackChart(run: RunResult): RecordedResource {
    return one(run, CHART, "kube-prometheus-stack");
}
const values = (run: RunResult) => stackChart(run).inputs.values;
const secretNamed = (run: RunResult, name: string) =>
    ofType(run, SECRET).find((s) => reveal(s.inputs).metadata?.name === name);

function alertmanagerConfig(run: RunResult) {
    const configSecretName = values(run).alertmanager.alertmanagerSpec.configSecret;
    const secret = secretNamed(run, configSecretName);
    assert.ok(secret, `the Secret ${configSecretName} the Alertmanager reads exists`);
    return JSON.parse(reveal(secret.inputs).stringData["alertmanager.yaml"]);
}

describe("monitoring", () => {
    for (const stack of ["dev", "staging", "prod"] as const) {
        const expected = EXPECTED[stack];
        describe(stack, () => {
            it("installs kube-prometheus-stack 88.5.3 from prometheus-community into the monitoring namespace", () => {
                const chart = stackChart(runStack(stack));
                assert.equal(chart.inputs.chart, "kube-prometheus-stack");
                assert.equal(chart.inputs.version, "88.5.3");
                assert.equal(chart.inputs.repositoryOpts.repo, "https://prometheus-community.github.io/helm-charts");
                assert.equal(chart.inputs.namespace, "monitoring");
            });

            it(`keeps ${expected.retention} of metrics on ${expected.storage}, with ${expected.prometheusReplicas} Prometheus replica(s)`, () => {
                const spec = values(runStack(stack)).prometheus.prometheusSpec;
                assert.equal(spec.retention, expected.retention);
                assert.equal(spec.replicas, expected.prometheusReplicas);
                assert.equal(spec.storageSpec.volumeClaimTemplate.spec.resources.requests.storage, expected.storage);
                assert.ok(spec.resources.requests.cpu && spec.resources.requests.memory && spec.resources.limits.memory);
            });

            it("sizes Alertmanager and Grafana per profile", () => {
                const v = values(runStack(stack));
                assert.equal(v.alertmanager.alertmanagerSpec.replicas, expected.alertmanagerReplicas);
                assert.equal(v.grafana.replicas, expected.grafanaReplicas);
            });

            it("picks up ServiceMonitors, PodMonitors and rules from every namespace, whatever their labels", () => {
                const spec = values(runStack(stack)).prometheus.prometheusSpec;
                for (const kind of ["serviceMonitor", "podMonitor", "rule", "probe", "scrapeConfig"]) {
                    assert.equal(spec[`${kind}SelectorNilUsesHelmValues`], false, `${kind} selector not limited to the release label`);
                    assert.equal(spec[`${kind}Selector`], undefined);
                    assert.equal(spec[`${kind}NamespaceSelector`], undefined, `${kind}s from all namespaces`);
                }
            });

            it("runs the node exporter in its own namespace so the monitoring namespace stays restricted", () => {
                const run = runStack(stack);
                assert.equal(values(run)["prometheus-node-exporter"].namespaceOverride, "node-exporter");
                const ns = (name: string) => one(run, "kubernetes:core/v1:Namespace", name).inputs.metadata.labels["pod-security.kubernetes.io/enforce"];
                assert.equal(ns("monitoring"), "restricted");
                assert.equal(ns("node-exporter"), "privileged");
                const nodeExporterNs = one(run, "kubernetes:core/v1:Namespace", "node-exporter");
                assert.ok(stackChart(run).dependencies.includes(nodeExporterNs.urn), "the chart waits for the node exporter's namespace");
            });

            itRendered("gives every pod in the monitoring namespace a restricted security context and resources", async () => {
                const objects = (await renderedBy(runStack(stack), "kube-prometheus-stack")).filter((o) => o.metadata.namespace === "monitoring");
                assert.ok(podSpecs(objects).length >= 3, "operator, Grafana and kube-state-metrics");
                assert.deepEqual(restrictedAndSizedViolations(objects), []);
                // Prometheus and Alertmanager pods are the operator's, from these resources' specs.
                for (const kind of ["Prometheus", "Alertmanager"]) {
                    const [cr] = ofKind(objects, kind);
                    assert.ok(cr, kind);
                    assert.equal(cr.spec.securityContext.runAsNonRoot, true, `${kind}: runAsNonRoot`);
                    assert.equal(cr.spec.securityContext.seccompProfile.type, "RuntimeDefault", `${kind}: seccomp`);
                    const res = cr.spec.resources;
                    assert.ok(res?.requests?.cpu && res.requests.memory && res.limits?.memory, `${kind}: requests and memory limit`);
                }
            });

            it("needs no Helm hook (Chart v4 skips them): no admission webhook and its certificate Jobs", () => {
                const operator = values(runStack(stack)).prometheusOperator;
                assert.equal(operator.admissionWebhooks.enabled, false);
                assert.equal(operator.tls.enabled, false, "no TLS Secret that only a hook Job would create");
            });

            it("routes critical and warning alerts grouped by namespace and service; critical inhibits warning", () => {
                const run = runStack(stack);
                const spec = values(run).alertmanager.alertmanagerSpec;
                assert.equal(spec.useExistingSecret, true, "the chart renders no config of its own");
                const config = alertmanagerConfig(run);
                const receivers = config.receivers.map((r: { name: string }) => r.name);
                assert.ok(receivers.includes("critical") && receivers.includes("warning"));
                for (const label of ["namespace", "service", "alertname"]) assert.ok(config.route.group_by.includes(label), `grouped by ${label}`);
                const routeFor = (severity: string) => config.route.routes.find((r: { matchers: string[] }) =>
                    r.matchers.some((m) => m.replace(/\s/g, "") === `severity="${severity}"`));
                assert.equal(routeFor("critical")?.receiver, "critical");
                assert.equal(routeFor("warning")?.receiver, "warning");
                const inhibit = config.inhibit_rules.find((r: any) =>
                    r.source_matchers.some((m: string) => /severity\s*=\s*"?critical"?/.test(m)) &&
                    r.target_matchers.some((m: string) => /severity\s*=~?\s*"?[^"]*warning/.test(m)));
                assert.ok(inhibit, "a critical alert inhibits warnings");
                assert.deepEqual([...inhibit.equal].sort(), ["alertname", "namespace", "service"]);
            });

            it("sends critical alerts nowhere when no webhook is configured", () => {
                const critical = alertmanagerConfig(runStack(stack)).receivers.find((r: { name: string }) => r.name === "critical");
                assert.deepEqual(Object.keys(critical), ["name"]);
            });

            it("sends critical alerts to the secret webhook without ever writing the URL in plaintext", () => {
                const run = runStack(stack, { alertWebhookUrl: { secret: WEBHOOK } });
                assert.equal(run.error, undefined);
                const critical = alertmanagerConfig(run).receivers.find((r: { name: string }) => r.name === "critical");
                assert.equal(critical.webhook_configs[0].url, WEBHOOK);
                assert.ok(run.secretValues.includes(WEBHOOK));
                assert.deepEqual(findSecretLeaks(run), []);
                assert.ok(!JSON.stringify(stackChart(run).serializedInputs).includes("hooks.example"), "not in the chart values");
            });

            it("takes Grafana's admin password from a RandomPassword, through an existing Secret", () => {
                const run = runStack(stack);
                const grafana = values(run).grafana;
                assert.equal(grafana.adminPassword, undefined, "no password in the chart values");
                const secret = secretNamed(run, grafana.admin.existingSecret);
                assert.ok(secret, "the Secret named by admin.existingSecret exists");
                assert.equal(reveal(secret.inputs.metadata).namespace, "monitoring");
                const stored = reveal(secret.inputs).stringData;
                const password = stored["admin-password"];
                assert.ok(stored["admin-user"], "the grafana chart's default user key present");
                assert.ok(run.secretValues.includes(password), "the password is the RandomPassword's result");
                assert.ok(ofType(run, "random:index/randomPassword:RandomPassword").some((p) => p.parent?.includes("Monitoring")));
                assert.ok(isSecretWrapper(secret.serializedInputs.stringData), "stringData travels as a secret");
                assert.ok(stackChart(run).dependencies.includes(secret.urn), "the chart waits for the admin Secret");
                assert.deepEqual(findSecretLeaks(run), []);
            });

            it("loads dashboards from labelled ConfigMaps in its own and the tenants' namespaces, with Roles there only", () => {
                const run = runStack(stack);
                const grafana = values(run).grafana;
                const tenants = ofType(run, "kubernetes:core/v1:Namespace")
                    .filter((n) => n.inputs.metadata.labels?.["platform.example.com/tenant"] === "true")
                    .map((n) => n.inputs.metadata.name);
                assert.ok(tenants.length > 0, "the stack has tenant namespaces");
                const dashboards = grafana.sidecar.dashboards;
                assert.equal(dashboards.resource, "configmap");
                assert.deepEqual([...dashboards.searchNamespace].sort(), ["monitoring", ...tenants].sort());
                assert.deepEqual(grafana.rbac, { namespaced: true, namespaces: tenants });
            });

            itRendered("renders Grafana reading its admin from the Secret's keys and dashboards labelled grafana_dashboard=1", async () => {
                const run = runStack(stack);
                const objects = await renderedBy(run, "kube-prometheus-stack");
                const grafana = ofKind(objects, "Deployment").find((d) => d.metadata.name === "monitoring-grafana");
                assert.ok(grafana, "the Grafana Deployment");
                const containers: any[] = grafana.spec.template.spec.containers;
                const env = (name: string) => Object.fromEntries((containers.find((c) => c.name === name)?.env ?? []).map((e: any) => [e.name, e]));
                const secretName = values(run).grafana.admin.existingSecret;
                const stored = reveal(secretNamed(run, secretName)!.inputs).stringData;
                for (const variable of ["GF_SECURITY_ADMIN_USER", "GF_SECURITY_ADMIN_PASSWORD"]) {
                    const ref = env("grafana")[variable]?.valueFrom?.secretKeyRef;
                    assert.equal(ref?.name, secretName, `${variable} from the admin Secret`);
                    assert.ok(stored[ref.key], `${variable}: the Secret has key ${ref.key}`);
                }
                const sidecar = env("grafana-sc-dashboard");
                assert.equal(sidecar.LABEL?.value, "grafana_dashboard");
                assert.equal(sidecar.LABEL_VALUE?.value, "1");
                assert.equal(sidecar.RESOURCE?.value, "configmap");
            });

            itRendered("exports URLs that name Services the chart renders, on their ports", async () => {
                const run = runStack(stack);
                const services = ofKind(await renderedBy(run, "kube-prometheus-stack"), "Service");
                const exported = run.outputs.monitoring as Record<string, unknown>;
                for (const key of ["prometheusUrl", "alertmanagerUrl", "grafanaUrl"]) {
                    const url = new URL(exported[key] as string);
                    const [name, namespace, svc] = url.hostname.split(".");
                    assert.equal(svc, "svc", key);
                    const service = services.find((s) => s.metadata.name === name && (s.metadata.namespace ?? "monitoring") === namespace);
                    assert.ok(service, `${key}: a rendered Service ${namespace}/${name}`);
                    const port = Number(url.port || (url.protocol === "https:" ? 443 : 80));
                    assert.ok(service.spec.ports.some((p: any) => p.port === port), `${key}: Service ${name} serves port ${port}`);
                }
            });

            it("keeps Prometheus volumes on deletion only where stateful data is protected", () => {
                const policy = values(runStack(stack)).prometheus.prometheusSpec.persistentVolumeClaimRetentionPolicy;
                if (expected.protect) assert.deepEqual(policy, { whenDeleted: "Retain", whenScaled: "Retain" });
                else assert.equal(policy, undefined);
            });

            it("exports the in-cluster URLs and the Grafana admin Secret's name, matching what the chart will create", () => {
                const run = runStack(stack);
                const v = values(run);
                assert.deepEqual(run.outputs.monitoring, {
                    prometheusUrl: `http://${v.fullnameOverride}-prometheus.monitoring.svc:9090`,
                    alertmanagerUrl: `http://${v.fullnameOverride}-alertmanager.monitoring.svc:9093`,
                    grafanaUrl: `http://${v.grafana.fullnameOverride}.monitoring.svc`,
                    // Only a STRICT mesh (staging, prod) has Prometheus scrape with its mesh certificate.
                    mtlsScrape: stack === "dev" ? null : {
                        caFile: "/etc/prom-certs/root-cert.pem",
                        certFile: "/etc/prom-certs/cert-chain.pem",
                        keyFile: "/etc/prom-certs/key.pem",
                        prometheusNamespace: "monitoring",
                        prometheusServiceAccount: "monitoring-prometheus",
                    },
                });
                assert.equal((run.outputs.namespaces as any).monitoring, "monitoring");
                assert.equal((run.outputs.operators as any).grafanaAdminSecretName, v.grafana.admin.existingSecret);
            });

            if (MTLS_MODE[stack] === "STRICT") {
                it("gives Prometheus a certificate-only sidecar of the teams' mesh revision, capturing no traffic", () => {
                    const run = runStack(stack);
                    const spec = values(run).prometheus.prometheusSpec;
                    // The revision the tenant namespaces (whose pods Prometheus scrapes) are injected by.
                    const teamRevision = one(run, NAMESPACE, "shop").inputs.metadata.labels["istio.io/rev"];
                    assert.ok(teamRevision);
                    assert.deepEqual(spec.podMetadata.labels, { "istio.io/rev": teamRevision });
                    const a = spec.podMetadata.annotations;
                    assert.equal(a["traffic.sidecar.istio.io/includeInboundPorts"], "", "no inbound port redirected");
                    assert.equal(a["traffic.sidecar.istio.io/includeOutboundIPRanges"], "", "no outbound range redirected");
                    const outputDir = parseYaml(a["proxy.istio.io/config"]).proxyMetadata.OUTPUT_CERTS;
                    assert.ok(outputDir.startsWith("/"));
                    const sidecarMounts = JSON.parse(a["sidecar.istio.io/userVolumeMount"]);
                    assert.deepEqual(sidecarMounts.map((m: any) => m.mountPath), [outputDir]);
                    assert.deepEqual(spec.volumes, [{ name: sidecarMounts[0].name, emptyDir: { medium: "Memory" } }]);
                    assert.deepEqual(spec.volumeMounts, [{ name: sidecarMounts[0].name, mountPath: "/etc/prom-certs", readOnly: true }]);
                });

                it("keeps the monitoring namespace restricted with the injected sidecar (CNI, no istio-init, RuntimeDefault seccomp)", () => {
                    const run = runStack(stack);
                    const ns = one(run, NAMESPACE, "monitoring").inputs.metadata.labels;
                    assert.equal(ns["pod-security.kubernetes.io/enforce"], "restricted");
                    // Only the Prometheus pod opts in; no other pod of the namespace gets a sidecar.
                    assert.equal(ns["istio.io/rev"], undefined);
                    assert.equal(ns["istio-injection"], undefined);
                    const annotations = values(run).prometheus.prometheusSpec.podMetadata.annotations;
                    assert.deepEqual(Object.keys(annotations).sort(), [...CERT_SIDECAR_ANNOTATIONS].sort(),
                        "nothing that asks for TPROXY, NET_BIND_SERVICE or another image");
                    // What the injector builds the sidecar from: istiod's values for that revision.
                    const revision = values(run).prometheus.prometheusSpec.podMetadata.labels["istio.io/rev"];
                    const istiod = ofType(run, CHART).filter((c) => c.inputs.chart === "istiod" && c.inputs.values.revision === revision);
                    assert.equal(istiod.length, 1, `one istiod of revision ${revision}`);
                    const v = istiod[0].inputs.values;
                    assert.equal(v.cni.enabled, true, "the CNI agent redirects traffic: istio-validation instead of a NET_ADMIN istio-init");
                    assert.notEqual(v.global.proxy.privileged, true);
                    assert.deepEqual(v.global.proxy.seccompProfile, { type: "RuntimeDefault" });
                    const r = v.global.proxy.resources;
                    assert.ok(r.requests.cpu && r.requests.memory && r.limits.memory, "the sidecar is sized");
                });
            } else {
                it("gives Prometheus no sidecar: the PERMISSIVE mesh takes plaintext scrapes", () => {
                    const spec = values(runStack(stack)).prometheus.prometheusSpec;
                    for (const key of ["podMetadata", "volumes", "volumeMounts"]) assert.equal(spec[key], undefined, key);
                });
            }

            it("scrapes istiod and every Envoy when the mesh is enabled, each monitor in the namespace it scrapes, after the CRDs", () => {
                const run = runStack(stack);
                const chartUrn = stackChart(run).urn;
                const istiod = one(run, SERVICE_MONITOR, "istiod");
                assert.equal(istiod.inputs.metadata.namespace, "istio-system");
                assert.equal(istiod.inputs.spec.namespaceSelector, undefined, "Prometheus ignores namespace selectors");
                assert.equal(istiod.inputs.spec.endpoints[0].port, "http-monitoring");
                const envoy = ofType(run, POD_MONITOR).filter((m) => m.inputs.metadata.name === "envoy-stats");
                // prod runs the egress gateway too (its profile's mesh.egressGateway).
                const meshed = ["data", "istio-ingress", "monitoring", "shop", ...(stack === "prod" ? ["istio-egress"] : [])];
                assert.deepEqual(envoy.map((m) => m.inputs.metadata.namespace).sort(), meshed.sort());
                for (const monitor of envoy) {
                    assert.equal(monitor.inputs.spec.namespaceSelector, undefined);
                    assert.equal(monitor.inputs.spec.podMetricsEndpoints[0].port, "http-envoy-prom");
                    assert.equal(monitor.inputs.spec.podMetricsEndpoints[0].path, "/stats/prometheus");
                }
                for (const monitor of [istiod, ...envoy]) {
                    assert.ok(monitor.dependencies.includes(chartUrn), `${monitor.name} depends on the chart with its CRD`);
                }
            });

            it("keeps tenants' monitors to their namespace and away from Prometheus's files; labels their series with it", () => {
                const spec = values(runStack(stack)).prometheus.prometheusSpec;
                assert.deepEqual(spec.arbitraryFSAccessThroughSMs, { deny: true });
                assert.equal(spec.ignoreNamespaceSelectors, true);
                assert.equal(spec.enforcedNamespaceLabel, "namespace");
            });

            itRendered("renders a Prometheus that refuses monitors' files, ignores their namespace selectors and enforces the namespace label", async () => {
                const objects = await renderedBy(runStack(stack), "kube-prometheus-stack");
                const [prometheus] = ofKind(objects, "Prometheus");
                assert.deepEqual(prometheus.spec.arbitraryFSAccessThroughSMs, { deny: true });
                assert.equal(prometheus.spec.ignoreNamespaceSelectors, true);
                assert.equal(prometheus.spec.enforcedNamespaceLabel, "namespace");
                // The chart's own monitors then live in the namespaces they scrape, and select nothing across namespaces.
                for (const monitor of [...ofKind(objects, "ServiceMonitor"), ...ofKind(objects, "PodMonitor")]) {
                    const names = monitor.spec.namespaceSelector?.matchNames ?? [];
                    assert.ok(names.every((n: string) => n === monitor.metadata.namespace), `${monitor.metadata.namespace}/${monitor.metadata.name}: selects ${names}`);
                    assert.notEqual(monitor.spec.namespaceSelector?.any, true, `${monitor.metadata.name}: any namespace`);
                }
            });
        });
    }

    it("registers no Istio monitors without the mesh", () => {
        const run = runStack("dev", { mesh: { enabled: false } });
        assert.equal(run.error, undefined);
        assert.ok(stackChart(run));
        const ours = [...ofType(run, SERVICE_MONITOR), ...ofType(run, POD_MONITOR)]
            .filter((m) => m.parent?.includes("platform:monitoring:Monitoring"));
        assert.deepEqual(ours.map((m) => m.name), []);
    });

    it("gives Prometheus no mesh sidecar, label, annotation or volume without the mesh", () => {
        for (const stack of ["staging", "prod"]) {
            const spec = values(runStack(stack, MESH_OFF)).prometheus.prometheusSpec;
            for (const key of ["podMetadata", "volumes", "volumeMounts"]) assert.equal(spec[key], undefined, `${stack}: ${key}`);
        }
    });

    it("gives Prometheus the certificate sidecar when a PERMISSIVE stack turns STRICT", () => {
        const run = runStack("dev", { mesh: { mtlsMode: "STRICT" } });
        const spec = values(run).prometheus.prometheusSpec;
        assert.equal(spec.podMetadata.labels["istio.io/rev"], one(run, NAMESPACE, "shop").inputs.metadata.labels["istio.io/rev"]);
        assert.equal(spec.volumeMounts[0].mountPath, "/etc/prom-certs");
    });

    it("registers nothing when disabled", () => {
        const run = runStack("dev", { monitoring: { enabled: false } });
        assert.equal(run.error, undefined);
        assert.equal(run.resources.filter((r) => r.type.startsWith("platform:monitoring:")).length, 0);
        assert.equal(ofType(run, CHART, "kube-prometheus-stack").length, 0);
        assert.equal(run.resources.filter((r) => r.type.startsWith("kubernetes:monitoring.coreos.com/")).length, 0);
        for (const ns of ["monitoring", "node-exporter"]) assert.equal(ofType(run, "kubernetes:core/v1:Namespace", ns).length, 0);
        assert.equal(ofType(run, "random:index/randomPassword:RandomPassword").filter((p) => p.name === "grafana-admin").length, 0);
    });

    it("keeps the stack's own chart values over the defaults without losing the rest", () => {
        const run = runStack("dev", {
            chartValues: {
                kubePrometheusStack: {
                    prometheus: { prometheusSpec: { retention: "99d", scrapeInterval: "15s" } },
                    grafana: { sidecar: { dashboards: { folderAnnotation: "grafana_folder" } } },
                },
            },
        });
        const v = values(run);
        assert.equal(v.prometheus.prometheusSpec.retention, "99d");
        assert.equal(v.prometheus.prometheusSpec.scrapeInterval, "15s");
        assert.equal(v.prometheus.prometheusSpec.storageSpec.volumeClaimTemplate.spec.resources.requests.storage, "5Gi");
        assert.equal(v.grafana.sidecar.dashboards.folderAnnotation, "grafana_folder");
        assert.equal(v.grafana.sidecar.dashboards.resource, "configmap");
    });

    it("mirrors the chart repository when the stack says so", () => {
        const run = runStack("dev", { chartRepositories: { kubePrometheusStack: "oci://registry.example/charts" } });
        const chart = stackChart(run);
        assert.equal(chart.inputs.chart, "oci://registry.example/charts/kube-prometheus-stack");
        assert.equal(chart.inputs.version, "88.5.3");
    });

    it("adds Jaeger and Elasticsearch datasources, cross-linked, when tracing and logging are enabled", () => {
        const run = runStack("dev");
        const grafana = values(run).grafana;
        const byType = (type: string) => grafana.additionalDataSources.find((s: { type: string }) => s.type === type);
        const jaeger = byType("jaeger");
        const es = byType("elasticsearch");
        assert.equal(jaeger.url, "http://jaeger-query.tracing.svc.cluster.local:16686");
        assert.equal(es.url, "https://elasticsearch-es-http.logging.svc:9200");
        assert.equal(es.jsonData.index, "k8s-logs-*");
        assert.equal(grafana.sidecar.datasources.exemplarTraceIdDestinations.datasourceUid, jaeger.uid);
        assert.equal(jaeger.jsonData.tracesToLogsV2.datasourceUid, es.uid);
        assert.equal(es.jsonData.dataLinks[0].datasourceUid, jaeger.uid);

        // The password reaches Grafana only through its environment, from a Secret of its own namespace.
        const variable = /^\$\{([A-Z_]+)\}$/.exec(es.secureJsonData.basicAuthPassword)?.[1];
        assert.ok(variable, "secureJsonData expands an environment variable");
        const credentials = secretNamed(run, grafana.envFromSecret);
        assert.ok(credentials, "the envFromSecret Secret exists");
        assert.equal(reveal(credentials.inputs.metadata).namespace, "monitoring");
        const password = reveal(credentials.inputs).stringData[variable];
        assert.ok(run.secretValues.includes(password), "it holds the logging component's generated password");
        assert.ok(isSecretWrapper(credentials.serializedInputs.stringData));
        // The CA Secret the logging component copies into the monitoring namespace.
        const caVariable = /^\$\{([A-Z_]+)\}$/.exec(es.secureJsonData.tlsCACert)?.[1] as string;
        assert.deepEqual(grafana.envValueFrom[caVariable], { secretKeyRef: { name: "elasticsearch-ca", key: "ca.crt" } });
        assert.deepEqual(findSecretLeaks(run), []);
    });

    it("adds only the Prometheus datasource when neither tracing nor logging is enabled", () => {
        const run = runStack("dev", { tracing: { enabled: false }, logging: { enabled: false } });
        assert.equal(run.error, undefined);
        const grafana = values(run).grafana;
        assert.deepEqual(grafana.additionalDataSources, []);
        assert.equal(grafana.sidecar.datasources, undefined, "the chart's own Prometheus datasource, without exemplar links");
        assert.equal(grafana.envFromSecret, undefined);
    });
});
