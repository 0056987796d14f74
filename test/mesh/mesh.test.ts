// Service mesh: the four Istio charts pinned and configured per stack, mTLS and tracing per profile,
// the shared Gateway, ordering on the CRD chart and control plane, and the edge as the platform's
// only LoadBalancer, run as the real program per stack.
import { strict as assert } from "assert";
import { otlpEndpoint } from "../../components/mesh/chartValues";
import { MESH_OFF, ofType, one, RecordedResource, runOk, RunResult, StackOverrides } from "../harness";
import { itRendered, ofKind, podSpecs, renderedBy, renderedChildren } from "../harness/renderedCharts";

const CHART = "kubernetes:helm.sh/v4:Chart";
const SERVICE = "kubernetes:core/v1:Service";
const NAMESPACE = "kubernetes:core/v1:Namespace";
const PEER_AUTHENTICATION = "kubernetes:security.istio.io/v1:PeerAuthentication";
const TELEMETRY = "kubernetes:telemetry.istio.io/v1:Telemetry";
const GATEWAY = "kubernetes:networking.istio.io/v1:Gateway";
const MESH_COMPONENT = "platform:mesh:Mesh";

const ISTIO_REPO = "https://istio-release.storage.googleapis.com/charts";
const ISTIO_VERSION = "1.29.6";
const REVISION = "1-29";
const OTLP_COLLECTOR = { service: "jaeger-collector.tracing.svc.cluster.local", port: 4317 };
const OTLP_COLLECTOR_ENDPOINT = { host: OTLP_COLLECTOR.service, port: OTLP_COLLECTOR.port };

// Chart resource name -> upstream chart and the namespace it installs into.
const CHARTS = {
    "istio-base": { chart: "base", namespace: "istio-system" },
    // The profiles' only revision; test/mesh/revisions.test.ts installs a canary next to it.
    "istiod-1-29": { chart: "istiod", namespace: "istio-system" },
    "istio-cni": { chart: "cni", namespace: "istio-cni" },
    "istio-ingressgateway": { chart: "gateway", namespace: "istio-ingress" },
} as const;

// Independent expectations: the profiles' promises for the mesh, restated here on purpose.
const EXPECTED = {
    dev: { mtls: "PERMISSIVE", sampling: 100, istiodReplicas: 1, gatewayReplicas: 1, hosts: ["shop.localtest.me"] },
    staging: { mtls: "STRICT", sampling: 10, istiodReplicas: 2, gatewayReplicas: 2, hosts: ["shop.staging.example.com"] },
    prod: { mtls: "STRICT", sampling: 1, istiodReplicas: 3, gatewayReplicas: 3, hosts: ["shop.example.com"] },
} as const;

// The sysctls the Pod Security baseline (and so restricted) level allows.
const SAFE_SYSCTLS = [
    "kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.ip_unprivileged_port_start",
    "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range",
];

const ok = runOk;

const chart = (run: RunResult, name: keyof typeof CHARTS) => one(run, CHART, name);
const valuesOf = (run: RunResult, name: keyof typeof CHARTS) => chart(run, name).inputs.values;

interface GatewayServer { port: { number: number; protocol: string }; hosts: string[]; tls: Record<string, unknown> }
const serverOn = (servers: GatewayServer[], port: number) => {
    const found = servers.filter((s) => s.port.number === port);
    assert.equal(found.length, 1, `one server on port ${port}`);
    return found[0];
};
const meshResources = (run: RunResult) => {
    const mesh = ofType(run, MESH_COMPONENT);
    return mesh.length === 0 ? [] : run.resources.filter((r) => r.parent === mesh[0].urn);
};

/** The one object of a type the mesh component registers (services add their own Istio objects). */
const onlyOne = (run: RunResult, type: string): RecordedResource => {
    const found = meshResources(run).filter((r) => r.type === type);
    assert.equal(found.length, 1, `one ${type} from the mesh`);
    return found[0];
};

/** The shared public Gateway (prod's egress gateway has its own, in istio-egress: test/mesh/egressGateway.test.ts). */
const publicGateway = (run: RunResult): RecordedResource => {
    const found = meshResources(run).filter((r) => r.type === GATEWAY && r.inputs.metadata.namespace === "istio-ingress");
    assert.equal(found.length, 1, "one Gateway in istio-ingress from the mesh");
    return found[0];
};

/** Every object anywhere inside a value that declares `type: LoadBalancer`. */
function loadBalancerTypes(value: unknown): number {
    if (Array.isArray(value)) return value.reduce((n: number, v) => n + loadBalancerTypes(v), 0);
    if (value && typeof value === "object") {
        const own = (value as Record<string, unknown>).type === "LoadBalancer" ? 1 : 0;
        return own + Object.values(value).reduce((n: number, v) => n + loadBalancerTypes(v), 0);
    }
    return 0;
}

describe("mesh", () => {
    for (const stack of ["dev", "staging", "prod"] as const) {
        const expected = EXPECTED[stack];
        const ha = (replicas: number) => replicas > 1;
        describe(stack, () => {
            it(`installs base, istiod, cni and gateway ${ISTIO_VERSION} from the Istio repository into their namespaces`, () => {
                const run = ok(stack);
                for (const [name, { chart: chartName, namespace }] of Object.entries(CHARTS)) {
                    const inputs = chart(run, name as keyof typeof CHARTS).inputs;
                    assert.equal(inputs.chart, chartName, name);
                    assert.equal(inputs.version, ISTIO_VERSION, name);
                    assert.deepEqual(inputs.repositoryOpts, { repo: ISTIO_REPO }, name);
                    assert.equal(inputs.namespace, namespace, name);
                }
            });

            it(`points the default validation webhook at revision ${REVISION} and fails closed`, () => {
                const base = valuesOf(ok(stack), "istio-base");
                assert.equal(base.defaultRevision, REVISION);
                assert.equal(base.global.istioNamespace, "istio-system");
                assert.equal(base.base.validationFailurePolicy, "Fail");
            });

            it(`runs istiod as revision ${REVISION} with ${expected.istiodReplicas} replica(s), relying on the CNI agent`, () => {
                const istiod = valuesOf(ok(stack), "istiod-1-29");
                assert.equal(istiod.revision, REVISION);
                assert.equal(istiod.global.istioNamespace, "istio-system");
                assert.equal(istiod.cni.enabled, true, "pods get no NET_ADMIN istio-init container");
                assert.equal(istiod.taint.namespace, "istio-cni");
                assert.equal(istiod.replicaCount, expected.istiodReplicas);
                assert.equal(istiod.autoscaleEnabled, ha(expected.istiodReplicas));
                if (ha(expected.istiodReplicas)) assert.equal(istiod.autoscaleMin, expected.istiodReplicas);
                assert.equal(istiod.global.defaultPodDisruptionBudget.enabled, ha(expected.istiodReplicas));
                assert.equal(istiod.seccompProfile.type, "RuntimeDefault");
                assert.ok(istiod.resources.requests.cpu && istiod.resources.requests.memory && istiod.resources.limits.memory);
            });

            it("gives injected sidecars a seccomp profile and full requests and limits (team quotas cap limits.cpu)", () => {
                const proxy = valuesOf(ok(stack), "istiod-1-29").global.proxy;
                assert.equal(proxy.seccompProfile.type, "RuntimeDefault");
                const r = proxy.resources;
                assert.ok(r.requests.cpu && r.requests.memory && r.limits.cpu && r.limits.memory, JSON.stringify(r));
            });

            it("logs every request to stdout as JSON and traces over OTLP to the collector", () => {
                const meshConfig = valuesOf(ok(stack), "istiod-1-29").meshConfig;
                assert.equal(meshConfig.accessLogFile, "/dev/stdout");
                assert.equal(meshConfig.accessLogEncoding, "JSON");
                assert.equal(meshConfig.trustDomain, "cluster.local");
                assert.equal(meshConfig.extensionProviders.length, 1);
                assert.deepEqual(meshConfig.extensionProviders[0].opentelemetry, OTLP_COLLECTOR);
            });

            it(`samples ${expected.sampling}% of requests through a mesh-wide Telemetry naming that provider`, () => {
                const run = ok(stack);
                const telemetry = onlyOne(run, TELEMETRY).inputs;
                assert.equal(telemetry.apiVersion, "telemetry.istio.io/v1");
                assert.deepEqual([telemetry.metadata.namespace, telemetry.metadata.name], ["istio-system", "mesh-default"]);
                assert.equal(telemetry.spec.tracing.length, 1);
                assert.equal(telemetry.spec.tracing[0].randomSamplingPercentage, expected.sampling);
                const provider = valuesOf(run, "istiod-1-29").meshConfig.extensionProviders[0].name;
                assert.deepEqual(telemetry.spec.tracing[0].providers, [{ name: provider }]);
            });

            it(`sets mesh-wide mTLS to ${expected.mtls}`, () => {
                const peer = onlyOne(ok(stack), PEER_AUTHENTICATION).inputs;
                assert.equal(peer.apiVersion, "security.istio.io/v1");
                assert.deepEqual([peer.metadata.namespace, peer.metadata.name], ["istio-system", "default"]);
                assert.equal(peer.spec.selector, undefined, "applies to every workload");
                assert.deepEqual(peer.spec.mtls, { mode: expected.mtls });
                assert.equal(peer.spec.portLevelMtls, undefined);
                const rootLevel = ofType(ok(stack), PEER_AUTHENTICATION).filter((p) => p.inputs.metadata.namespace === "istio-system");
                assert.equal(rootLevel.length, 1, "the only PeerAuthentication in the root namespace");
            });

            it("installs the CNI agent in its privileged namespace with the quota its node-critical priority needs", () => {
                const run = ok(stack);
                const cni = valuesOf(run, "istio-cni");
                assert.equal(cni.resourceQuotas.enabled, true);
                assert.ok(cni.resources.limits.memory, "a memory limit (the chart's requests are kept)");
                const ns = one(run, NAMESPACE, "istio-cni").inputs.metadata.labels;
                assert.equal(ns["pod-security.kubernetes.io/enforce"], "privileged");
            });

            it(`runs the ingress gateway on revision ${REVISION}: ${expected.gatewayReplicas} replica(s), a LoadBalancer Service`, () => {
                const run = ok(stack);
                const gw = valuesOf(run, "istio-ingressgateway");
                assert.equal(gw.revision, REVISION);
                const ns = one(run, NAMESPACE, "istio-ingress").inputs.metadata.labels;
                assert.equal(ns["pod-security.kubernetes.io/enforce"], "restricted");
                assert.equal(ns["istio.io/rev"], REVISION);
            });

            it("gives the gateway pods a restricted security context, resources and only safe sysctls", () => {
                const gw = valuesOf(ok(stack), "istio-ingressgateway");
                assert.equal(gw.securityContext.runAsNonRoot, true);
                assert.equal(gw.securityContext.seccompProfile.type, "RuntimeDefault");
                for (const sysctl of gw.securityContext.sysctls ?? []) assert.ok(SAFE_SYSCTLS.includes(sysctl.name), sysctl.name);
                const c = gw.containerSecurityContext;
                assert.equal(c.allowPrivilegeEscalation, false);
                assert.equal(c.privileged, false);
                assert.equal(c.runAsNonRoot, true);
                assert.ok(c.runAsUser > 0);
                assert.deepEqual(c.capabilities.drop, ["ALL"]);
                assert.equal(c.capabilities.add, undefined);
                assert.equal(c.seccompProfile.type, "RuntimeDefault");
                assert.ok(gw.resources.limits.memory);
            });

            itRendered(`renders the gateway with ${expected.gatewayReplicas} replica(s) as its floor, sized like the CNI agent`, async () => {
                const objects = await renderedBy(ok(stack), "istio-ingressgateway");
                const [deployment] = ofKind(objects, "Deployment");
                assert.equal(deployment?.metadata.name, "istio-ingressgateway");
                const hpa = ofKind(objects, "HorizontalPodAutoscaler");
                const budgets = ofKind(objects, "PodDisruptionBudget");
                if (ha(expected.gatewayReplicas)) {
                    assert.equal(deployment.spec.replicas, undefined, "the autoscaler owns the count");
                    assert.equal(hpa.length, 1, "an autoscaler");
                    assert.equal(hpa[0].spec.minReplicas, expected.gatewayReplicas, "the profile's count is the floor");
                    assert.ok(hpa[0].spec.maxReplicas > expected.gatewayReplicas);
                    assert.deepEqual(budgets.map((b) => b.spec.maxUnavailable), [1]);
                } else {
                    assert.equal(deployment.spec.replicas, expected.gatewayReplicas);
                    assert.deepEqual([hpa.length, budgets.length], [0, 0], "no autoscaler, no budget");
                }
                const cni = await renderedBy(ok(stack), "istio-cni");
                for (const { where, spec } of podSpecs([...objects, ...cni])) {
                    for (const c of spec.containers) {
                        const r = c.resources ?? {};
                        assert.ok(r.requests?.cpu && r.requests?.memory && r.limits?.memory, `${where} ${c.name}: requests and a memory limit`);
                    }
                }
            });

            it("configures exactly one LoadBalancer in the platform: the ingress gateway's Service", () => {
                const run = ok(stack);
                const services = ofType(run, SERVICE).filter((s) => s.inputs.spec?.type === "LoadBalancer");
                assert.deepEqual(services.map((s) => s.name), [], "no LoadBalancer Service outside a chart");
            });

            itRendered("renders exactly one LoadBalancer Service: the ingress gateway's", async () => {
                const rendered = (await renderedChildren(ok(stack))).map((r) => r.inputs);
                const balancers = ofKind(rendered, "Service").filter((svc) => svc.spec?.type === "LoadBalancer");
                assert.deepEqual(balancers.map((svc) => `${svc.metadata.namespace}/${svc.metadata.name}`), ["istio-ingress/istio-ingressgateway"]);
            });

            it("serves the public hosts through a shared Gateway: HTTPS with the stack's certificate, HTTP redirects", () => {
                const run = ok(stack);
                const gateway = publicGateway(run).inputs;
                assert.equal(gateway.apiVersion, "networking.istio.io/v1");
                assert.deepEqual([gateway.metadata.namespace, gateway.metadata.name], ["istio-ingress", "public-gateway"]);
                // The gateway chart labels its pods istio=<name without the "istio-" prefix>.
                assert.deepEqual(gateway.spec.selector, { istio: "ingressgateway" });
                const https = serverOn(gateway.spec.servers, 443);
                assert.equal(https.port.protocol, "HTTPS");
                // Namespace-qualified: only the shop team's VirtualServices bind the public hosts.
                assert.deepEqual(https.hosts, expected.hosts.map((h) => `shop/${h}`));
                assert.deepEqual(https.tls, { mode: "SIMPLE", credentialName: "shop-tls" });
                const http = serverOn(gateway.spec.servers, 80);
                assert.equal(http.port.protocol, "HTTP");
                assert.deepEqual(http.hosts, expected.hosts.map((h) => `shop/${h}`));
                assert.deepEqual(http.tls, { httpsRedirect: true });
                assert.equal(gateway.spec.servers.length, 2);
            });

            it("scopes Gateways to their namespace and exports routing objects to their own namespace by default", () => {
                const values = valuesOf(ok(stack), "istiod-1-29");
                assert.equal(values.env.PILOT_SCOPE_GATEWAY_TO_NAMESPACE, "true");
                assert.deepEqual(values.meshConfig.defaultVirtualServiceExportTo, ["."]);
                assert.deepEqual(values.meshConfig.defaultDestinationRuleExportTo, ["."]);
            });

            itRendered("renders istiod with gateways scoped to their namespace and the export defaults in the mesh config", async () => {
                const objects = await renderedBy(ok(stack), "istiod-1-29");
                const deployment = ofKind(objects, "Deployment").find((d) => d.metadata.name === "istiod-1-29")!;
                const env = deployment.spec.template.spec.containers[0].env;
                assert.equal(env.find((e: any) => e.name === "PILOT_SCOPE_GATEWAY_TO_NAMESPACE")?.value, "true");
                const meshCm = ofKind(objects, "ConfigMap").find((c) => c.metadata.name === "istio-1-29")!;
                assert.match(meshCm.data.mesh, /defaultVirtualServiceExportTo:\n\s*- \./);
                assert.match(meshCm.data.mesh, /defaultDestinationRuleExportTo:\n\s*- \./);
            });

            it("creates the control plane and gateway after the CRDs, and every Istio object after the CRDs and istiod", () => {
                const run = ok(stack);
                const base = chart(run, "istio-base").urn;
                const istiod = chart(run, "istiod-1-29").urn;
                assert.ok(chart(run, "istiod-1-29").dependencies.includes(base), "istiod after base");
                assert.ok(chart(run, "istio-ingressgateway").dependencies.includes(base), "gateway after base");
                assert.ok(chart(run, "istio-ingressgateway").dependencies.includes(istiod), "gateway after istiod (injection)");
                const istioObjects = run.resources.filter((r) => /^kubernetes:[a-z.]+\.istio\.io\//.test(r.type));
                assert.equal(istioObjects.length >= 3, true);
                for (const r of meshResources(run).filter((m) => istioObjects.includes(m))) {
                    assert.ok(r.dependencies.includes(base), `${r.type} ${r.name} depends on the base chart`);
                    assert.ok(r.dependencies.includes(istiod), `${r.type} ${r.name} depends on istiod`);
                }
            });

            it("exports the mesh contract: revision, trust domain, mTLS mode, istiod and the gateway", () => {
                const { mesh: exported, operators, namespaces } = ok(stack).outputs as any;
                assert.equal(operators.istiodServiceName, `istiod-${REVISION}`);
                assert.equal(namespaces.meshControlPlane, "istio-system");
                assert.deepEqual(exported, {
                    revision: REVISION,
                    trustDomain: "cluster.local",
                    mtlsMode: expected.mtls,
                    gatewayNamespace: "istio-ingress",
                    gatewayServiceName: "istio-ingressgateway",
                    gatewayRef: "istio-ingress/public-gateway",
                    gatewayPrincipal: "cluster.local/ns/istio-ingress/sa/istio-ingressgateway",
                    // The console's Service, in the mesh's root namespace (test/kiali checks the chart).
                    kialiUrl: "http://kiali.istio-system.svc:20001",
                });
            });
        });
    }

    describe("switches", () => {
        it("registers no mesh resource, namespace or LoadBalancer when the mesh is disabled", () => {
            const run = ok("prod", MESH_OFF);
            assert.deepEqual(ofType(run, MESH_COMPONENT), []);
            assert.deepEqual(run.resources.filter((r) => r.type.includes(".istio.io/")).map((r) => r.type), []);
            const istioCharts = ofType(run, CHART).filter((c) => c.inputs.repositoryOpts?.repo === ISTIO_REPO);
            assert.deepEqual(istioCharts.map((c) => c.name), []);
            const names = ofType(run, NAMESPACE).map((n) => n.inputs.metadata.name);
            for (const ns of ["istio-system", "istio-cni", "istio-ingress"]) assert.ok(!names.includes(ns), ns);
            assert.equal(ofType(run, CHART).filter((c) => loadBalancerTypes(c.inputs.values) > 0).length, 0);
            assert.ok(Object.values(run.outputs.mesh as object).every((v) => v === null), "mesh contract fields are null");
        });

        it("exports no spans when tracing is disabled: no provider, no Telemetry; logs and mTLS stay", () => {
            const run = ok("staging", { tracing: { enabled: false } });
            assert.deepEqual(ofType(run, TELEMETRY), []);
            const meshConfig = valuesOf(run, "istiod-1-29").meshConfig;
            assert.equal(meshConfig.extensionProviders, undefined);
            assert.equal(meshConfig.accessLogFile, "/dev/stdout");
            assert.equal(onlyOne(run, PEER_AUTHENTICATION).inputs.spec.mtls.mode, "STRICT");
        });

        it("drops access logging when the profile turns it off", () => {
            const meshConfig = valuesOf(ok("dev", { mesh: { accessLogging: false } }), "istiod-1-29").meshConfig;
            assert.equal(meshConfig.accessLogFile, undefined);
            assert.equal(meshConfig.accessLogEncoding, undefined);
        });
    });

    describe("tracing endpoint", () => {
        it("reads the tracing component's host:port and refuses anything else", () => {
            assert.deepEqual(otlpEndpoint("jaeger-collector.tracing.svc.cluster.local:4317"), OTLP_COLLECTOR_ENDPOINT);
            for (const bad of ["http://jaeger-collector:4317", "jaeger-collector", "jaeger-collector:port", ""]) {
                assert.throws(() => otlpEndpoint(bad), /not host:port/, bad);
            }
        });
    });

    describe("stack values", () => {
        const overrides: StackOverrides = {
            chartValues: {
                istioBase: { base: { excludedCRDs: ["wasmplugins.extensions.istio.io"] } },
                istiod: { meshConfig: { trustDomain: "corp.example", outboundTrafficPolicy: { mode: "REGISTRY_ONLY" } }, resources: { requests: { cpu: "1" } } },
                istioCni: { global: { platform: "k3d" } },
                istioGateway: { service: { annotations: { "service.beta.kubernetes.io/aws-load-balancer-type": "nlb" } } },
            },
            chartRepositories: { istiod: "oci://mirror.example/istio" },
        };

        it("survive the merge next to the component's defaults", () => {
            const run = ok("prod", overrides);
            const base = valuesOf(run, "istio-base");
            assert.deepEqual(base.base.excludedCRDs, ["wasmplugins.extensions.istio.io"]);
            assert.equal(base.base.validationFailurePolicy, "Fail");
            const istiod = valuesOf(run, "istiod-1-29");
            assert.equal(istiod.meshConfig.trustDomain, "corp.example");
            assert.deepEqual(istiod.meshConfig.outboundTrafficPolicy, { mode: "REGISTRY_ONLY" });
            assert.equal(istiod.meshConfig.accessLogEncoding, "JSON");
            assert.deepEqual(istiod.meshConfig.extensionProviders[0].opentelemetry, OTLP_COLLECTOR);
            assert.equal(istiod.resources.requests.cpu, "1");
            assert.ok(istiod.resources.requests.memory, "sibling keys kept");
            assert.equal(istiod.revision, REVISION);
            const cni = valuesOf(run, "istio-cni");
            assert.equal(cni.global.platform, "k3d");
            assert.equal(cni.resourceQuotas.enabled, true);
            const gw = valuesOf(run, "istio-ingressgateway");
            assert.equal(gw.service.annotations["service.beta.kubernetes.io/aws-load-balancer-type"], "nlb");
        });

        it("a configured trust domain is exported with the gateway's identity in it", () => {
            const exported = ok("prod", overrides).outputs.mesh as Record<string, unknown>;
            assert.equal(exported.trustDomain, "corp.example");
            assert.equal(exported.gatewayPrincipal, "corp.example/ns/istio-ingress/sa/istio-ingressgateway");
        });

        it("a chart mirror replaces only that chart's repository, version kept", () => {
            const run = ok("prod", overrides);
            const istiod = chart(run, "istiod-1-29").inputs;
            assert.equal(istiod.chart, "oci://mirror.example/istio/istiod");
            assert.equal(istiod.version, ISTIO_VERSION);
            assert.equal(istiod.repositoryOpts, undefined);
            assert.deepEqual(chart(run, "istio-base").inputs.repositoryOpts, { repo: ISTIO_REPO });
        });
    });
});
