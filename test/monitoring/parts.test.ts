// The monitoring component's pure parts: Grafana datasources per enabled add-on and their
// cross-links, the prod protection transform, and the in-cluster URLs.
import { strict as assert } from "assert";
import { PROFILES } from "../../stacks/profiles";
import { monitoringValues, MonitoringValuesInput } from "../../components/monitoring/chartValues";
import { protectStatefulObjects } from "../../components/monitoring/protection";
import { ALERTMANAGER_SERVICE, GRAFANA_SERVICE, PROMETHEUS_SERVICE, serviceUrl, STACK_FULLNAME, GRAFANA_FULLNAME } from "../../components/monitoring/names";

const JAEGER = "http://jaeger.tracing.svc:16686";
const ES = { url: "https://logs-es-http.logging.svc:9200", username: "grafana", indexPattern: "logs-*", messageField: "log" };

function grafanaFor(datasources: MonitoringValuesInput["datasources"]) {
    return monitoringValues({
        settings: PROFILES.dev.monitoring,
        namespace: "monitoring",
        dashboardNamespaces: ["shop"],
        nodeExporterNamespace: "node-exporter",
        grafanaAdminSecretName: "admin",
        alertmanagerConfigSecretName: "am",
        datasourceSecretName: datasources.elasticsearch ? "ds" : undefined,
        datasources,
        retainVolumes: false,
        rightSizing: false,
    });
}
const byType = (sources: { type: string }[], type: string) => sources.find((s) => s.type === type) as any;

describe("monitoring parts", () => {
    describe("Grafana datasources", () => {
        it("adds Jaeger only with tracing, Elasticsearch only with logging", () => {
            const types = (d: MonitoringValuesInput["datasources"]) => grafanaFor(d).grafana.additionalDataSources.map((s) => s.type);
            assert.deepEqual(types({}), []);
            assert.deepEqual(types({ jaegerQueryUrl: JAEGER }), ["jaeger"]);
            assert.deepEqual(types({ elasticsearch: ES }), ["elasticsearch"]);
            assert.deepEqual(types({ jaegerQueryUrl: JAEGER, elasticsearch: ES }).sort(), ["elasticsearch", "jaeger"]);
        });

        it("links exemplars to Jaeger and stores them only when tracing is enabled", () => {
            const withTracing = grafanaFor({ jaegerQueryUrl: JAEGER });
            const jaeger = byType(withTracing.grafana.additionalDataSources, "jaeger");
            assert.equal(withTracing.grafana.sidecar.datasources?.exemplarTraceIdDestinations.datasourceUid, jaeger.uid);
            assert.ok(withTracing.prometheus.prometheusSpec.enableFeatures.includes("exemplar-storage"));
            const without = grafanaFor({});
            assert.equal(without.grafana.sidecar.datasources, undefined);
            assert.deepEqual(without.prometheus.prometheusSpec.enableFeatures, []);
        });

        it("links traces to logs and log trace ids back to traces when both are enabled", () => {
            const sources = grafanaFor({ jaegerQueryUrl: JAEGER, elasticsearch: ES }).grafana.additionalDataSources;
            const jaeger = byType(sources, "jaeger");
            const es = byType(sources, "elasticsearch");
            assert.equal(jaeger.url, JAEGER);
            assert.equal(jaeger.jsonData.tracesToLogsV2.datasourceUid, es.uid);
            assert.equal(jaeger.jsonData.tracesToLogsV2.filterByTraceID, true);
            const link = es.jsonData.dataLinks[0];
            assert.equal(link.field, "trace_id");
            assert.equal(link.datasourceUid, jaeger.uid);
            // "$$" survives Grafana's environment expansion as a literal "$" for its own macro.
            assert.equal(link.url, "$${__value.raw}");
        });

        it("drops the cross-links when the other side is missing", () => {
            const jaeger = byType(grafanaFor({ jaegerQueryUrl: JAEGER }).grafana.additionalDataSources, "jaeger");
            assert.equal(jaeger.jsonData.tracesToLogsV2, undefined);
            const es = byType(grafanaFor({ elasticsearch: ES }).grafana.additionalDataSources, "elasticsearch");
            assert.equal(es.jsonData.dataLinks, undefined);
        });

        it("reads the Elasticsearch password from Grafana's environment, never from the values", () => {
            const v = grafanaFor({ elasticsearch: ES });
            const es = byType(v.grafana.additionalDataSources, "elasticsearch");
            assert.equal(es.url, ES.url);
            assert.equal(es.basicAuth, true);
            assert.equal(es.basicAuthUser, "grafana");
            assert.match(es.secureJsonData.basicAuthPassword, /^\$\{[A-Z_]+\}$/);
            assert.equal(v.grafana.envFromSecret, "ds");
        });

        it("verifies Elasticsearch's certificate against the CA Secret when one is given", () => {
            const v = grafanaFor({ elasticsearch: { ...ES, caSecret: { name: "elasticsearch-ca", key: "ca.crt" } } });
            const es = byType(v.grafana.additionalDataSources, "elasticsearch");
            assert.equal(es.jsonData.tlsAuthWithCACert, true);
            assert.equal(es.jsonData.tlsSkipVerify, undefined);
            const variable = /^\$\{([A-Z_]+)\}$/.exec(es.secureJsonData.tlsCACert)?.[1];
            assert.ok(variable, "the CA comes from Grafana's environment");
            assert.deepEqual(v.grafana.envValueFrom?.[variable], { secretKeyRef: { name: "elasticsearch-ca", key: "ca.crt" } });
        });

        it("skips certificate verification only when no CA Secret is given", () => {
            const v = grafanaFor({ elasticsearch: ES });
            assert.equal(byType(v.grafana.additionalDataSources, "elasticsearch").jsonData.tlsSkipVerify, true);
            assert.equal(v.grafana.envValueFrom, undefined);
        });
    });

    describe("Prometheus mesh certificate", () => {
        const prometheusSpecFor = (meshCertificatesRevision?: string) => monitoringValues({
            settings: PROFILES.prod.monitoring,
            namespace: "monitoring",
            dashboardNamespaces: ["shop"],
            nodeExporterNamespace: "node-exporter",
            grafanaAdminSecretName: "admin",
            alertmanagerConfigSecretName: "am",
            datasources: {},
            retainVolumes: true,
            meshCertificatesRevision,
            rightSizing: false,
        }).prometheus.prometheusSpec;

        it("injects a sidecar of the given revision that writes its certificate where Prometheus reads it", () => {
            const spec = prometheusSpecFor("canary");
            assert.deepEqual(spec.podMetadata?.labels, { "istio.io/rev": "canary" });
            const written = JSON.parse(spec.podMetadata!.annotations["proxy.istio.io/config"]).proxyMetadata.OUTPUT_CERTS;
            const [sidecarMount] = JSON.parse(spec.podMetadata!.annotations["sidecar.istio.io/userVolumeMount"]);
            assert.equal(sidecarMount.mountPath, written);
            assert.equal(spec.volumeMounts?.find((m) => m.name === sidecarMount.name)?.mountPath, "/etc/prom-certs");
        });

        it("leaves the keys out entirely without a revision (the chart then renders none)", () => {
            const spec = prometheusSpecFor(undefined);
            assert.ok(!("podMetadata" in spec) && !("volumes" in spec) && !("volumeMounts" in spec));
        });
    });

    describe("protection transform", () => {
        const transform = protectStatefulObjects();
        const args = (type: string, name = "x") => ({
            type, name, custom: true, props: { metadata: { name }, spec: {} }, opts: { parent: undefined },
        }) as any;
        const CRD = "kubernetes:apiextensions.k8s.io/v1:CustomResourceDefinition";

        it("protects and retains the Prometheus object", () => {
            const result = transform(args("kubernetes:monitoring.coreos.com/v1:Prometheus")) as any;
            assert.equal(result.opts.protect, true);
            assert.equal(result.opts.retainOnDelete, true);
            assert.deepEqual(result.props, { metadata: { name: "x" }, spec: {} });
        });

        it("protects and retains the Prometheus CRD, whose deletion would delete the object", () => {
            const result = transform(args(CRD, "prometheuses.monitoring.coreos.com")) as any;
            assert.equal(result.opts.protect, true);
            assert.equal(result.opts.retainOnDelete, true);
        });

        it("leaves every other object alone", () => {
            for (const type of ["kubernetes:apps/v1:Deployment", "kubernetes:monitoring.coreos.com/v1:Alertmanager", "kubernetes:core/v1:Secret"]) {
                assert.equal(transform(args(type)), undefined, type);
            }
            assert.equal(transform(args(CRD, "alertmanagers.monitoring.coreos.com")), undefined, "another CRD");
        });
    });

    describe("in-cluster names", () => {
        const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
        const services = { PROMETHEUS_SERVICE, ALERTMANAGER_SERVICE, GRAFANA_SERVICE };

        it("are DNS-1123 labels, each Service's its own", () => {
            const names = Object.values(services).map((service) => service.name);
            for (const name of [...names, STACK_FULLNAME, GRAFANA_FULLNAME]) assert.match(name, DNS_LABEL);
            assert.equal(new Set(names).size, names.length, names.join(", "));
        });

        it("make URLs that reach each Service in the namespace given, on its port", () => {
            for (const [constant, service] of Object.entries(services)) {
                const url = new URL(serviceUrl(service, "observability"));
                assert.equal(url.hostname, `${service.name}.observability.svc`, constant);
                assert.equal(Number(url.port || 80), service.port, constant);
            }
        });
    });
});
