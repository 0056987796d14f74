// Progressive delivery: Argo Rollouts from its pinned chart, in its own restricted namespace; its one
// controller restricted, sized by the profile and scraped by Prometheus; its access narrowed (no
// wildcard, no write on Secrets, no aggregation into edit/admin, only Istio's traffic router); and
// the network flows it needs (the API server, Prometheus) and no more. Off in dev.
import { strict as assert } from "assert";
import { MONITORING_OFF, ofType, one, RecordedResource, RunResult, runOk } from "../harness";
import { assertOwnRestrictedNamespace } from "../harness/addOns";
import { itRendered, ofKind, renderedBy, restrictedAndSizedViolations } from "../harness/renderedCharts";
import { TYPES } from "../harness/types";

const { chart: CHART, namespace: NAMESPACE, networkPolicy: NETPOL, serviceMonitor: SERVICE_MONITOR } = TYPES;
// Restated on purpose: the pin, the namespace, the CRDs the services' objects need, the sizing of
// stacks/base.ts, the controller's metrics port (the chart's containerPorts.metrics) and
// Prometheus's Service port (the monitoring chart's).
const PIN = { chart: "argo-rollouts", version: "2.41.0", repo: "https://argoproj.github.io/argo-helm" };
const NS = "argo-rollouts";
const CRDS = ["analysisruns.argoproj.io", "analysistemplates.argoproj.io", "clusteranalysistemplates.argoproj.io",
    "experiments.argoproj.io", "rollouts.argoproj.io"];
const SIZED = { requests: { cpu: "50m", memory: "128Mi" }, limits: { cpu: "500m", memory: "512Mi" } };
const METRICS_PORT = 8090;
const PROMETHEUS_PORT = 9090;
const SECRET_WRITES = ["create", "update", "patch", "delete", "deletecollection", "*"];

const installs = (run: RunResult) => ofType(run, CHART).some((c) => c.inputs.chart === PIN.chart);

/** The ports a namespace's NetworkPolicies open for egress to `peerNamespace`. */
function egressPorts(run: RunResult, namespace: string, peerNamespace: string): number[] {
    return ofType(run, NETPOL)
        .filter((p) => p.inputs.metadata.namespace === namespace)
        .flatMap((p) => (p.inputs.spec.egress ?? []) as Record<string, any>[])
        .filter((rule) => (rule.to ?? []).some((peer: any) => peer.namespaceSelector?.matchLabels?.["kubernetes.io/metadata.name"] === peerNamespace))
        .flatMap((rule) => (rule.ports ?? []).map((p: { port: number }) => p.port));
}

describe("progressive delivery (dev)", () => {
    it("installs no Argo Rollouts: dev moves traffic by hand-set weights", () => {
        const run = runOk("dev");
        assert.equal(installs(run), false);
        assert.equal(ofType(run, NAMESPACE).some((n) => n.inputs.metadata.name === NS), false);
    });
});

for (const stack of ["staging", "prod"]) {
    describe(`progressive delivery (${stack})`, function () {
        this.timeout(10 * 60 * 1000);

        it(`installs ${PIN.chart} ${PIN.version} from its repository into its own restricted namespace, outside the mesh`, () => {
            assertOwnRestrictedNamespace(runOk(stack), "argo-rollouts", PIN, NS);
        });

        itRendered("runs one controller, restricted and sized by the profile, with the CRDs the services' Rollouts need, and no dashboard", async () => {
            const objects = await renderedBy(runOk(stack), "argo-rollouts");
            const deployments = ofKind(objects, "Deployment");
            assert.deepEqual(deployments.map((d) => d.metadata.name), ["argo-rollouts"], "the controller alone: no dashboard");
            const [controller] = deployments;
            assert.equal(controller.spec.replicas, 1);
            assert.equal(controller.spec.template.spec.serviceAccountName, "argo-rollouts");
            assert.deepEqual(restrictedAndSizedViolations(objects), []);
            const [container] = controller.spec.template.spec.containers;
            assert.deepEqual(container.resources, SIZED);
            assert.equal(container.securityContext.readOnlyRootFilesystem, true);
            const crds = ofKind(objects, "CustomResourceDefinition");
            assert.deepEqual(crds.map((c) => c.metadata.name).sort(), CRDS);
            for (const crd of crds) {
                assert.equal(crd.metadata.annotations?.["helm.sh/resource-policy"], "keep", `${crd.metadata.name} outlives the add-on, and so do the Rollouts`);
            }
            // Nothing the API server calls: no webhook, no aggregated API, so no flow into the namespace from it.
            for (const kind of ["ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "APIService"]) {
                assert.deepEqual(ofKind(objects, kind), [], kind);
            }
        });

        itRendered("grants no wildcard, no write on Secrets, nothing to edit or admin, and only Istio's traffic routing", async () => {
            const objects = await renderedBy(runOk(stack), "argo-rollouts");
            const roles = [...ofKind(objects, "ClusterRole"), ...ofKind(objects, "Role")];
            assert.deepEqual(roles.map((r) => r.metadata.name), ["argo-rollouts"], "the controller's role alone: no aggregate-to-view/edit/admin roles");
            const groups = new Set<string>();
            for (const rule of roles[0].rules) {
                const where = JSON.stringify(rule);
                for (const field of ["apiGroups", "resources", "verbs"]) assert.ok(!rule[field].includes("*"), `no wildcard: ${where}`);
                rule.apiGroups.forEach((g: string) => groups.add(g));
                if (rule.resources.includes("secrets")) {
                    assert.deepEqual(rule.verbs.filter((v: string) => SECRET_WRITES.includes(v)), [], `Secrets are read, never written: ${where}`);
                }
                if (rule.resources.includes("configmaps")) assert.deepEqual([...rule.verbs].sort(), ["get", "list", "watch"], `ConfigMaps read-only: ${where}`);
            }
            assert.ok(groups.has("networking.istio.io"), "moves the weights of the services' VirtualServices");
            for (const other of ["networking.gloo.solo.io", "gateway.networking.k8s.io", "split.smi-spec.io", "getambassador.io", "traefik.io", "elbv2.k8s.aws"]) {
                assert.ok(!groups.has(other), `no rules for ${other}, a traffic router this platform does not run`);
            }
        });

        itRendered("is scraped: a ServiceMonitor after the monitoring CRDs selects the controller's metrics Service on its metrics port", async () => {
            const run = runOk(stack);
            const objects = await renderedBy(run, "argo-rollouts");
            const monitors = ofType(run, SERVICE_MONITOR).filter((m) => m.inputs.metadata.namespace === NS);
            assert.equal(monitors.length, 1);
            const [monitor] = monitors;
            assert.ok(monitor.dependencies?.includes(one(run, CHART, "kube-prometheus-stack").urn), "waits for the chart that brings its CRD");
            const selected = ofKind(objects, "Service").filter((s) =>
                Object.entries(monitor.inputs.spec.selector.matchLabels).every(([k, v]) => s.metadata.labels?.[k] === v));
            assert.deepEqual(selected.map((s) => s.metadata.name), ["argo-rollouts-metrics"]);
            const [endpoint] = monitor.inputs.spec.endpoints;
            const port = selected[0].spec.ports.find((p: { name: string }) => p.name === endpoint.port);
            assert.ok(port, `the Service has a port named ${endpoint.port}`);
            assert.match(port.name, /^http(-|$)/, "its name says its protocol (Istio's IST0118)");
            const [container] = ofKind(objects, "Deployment")[0].spec.template.spec.containers;
            const target = container.ports.find((p: { name: string; containerPort: number }) => p.name === port.targetPort || p.containerPort === port.targetPort);
            assert.equal(target?.containerPort, METRICS_PORT);
        });

        it("opens the API server and Prometheus to the controller, and its metrics port to Prometheus's scrapes", () => {
            const run = runOk(stack);
            assert.ok(egressPorts(run, NS, "monitoring").includes(PROMETHEUS_PORT), "queries Prometheus for its analyses");
            const ingress = ofType(run, NETPOL).filter((p) => p.inputs.metadata.namespace === NS)
                .flatMap((p) => (p.inputs.spec.ingress ?? []) as Record<string, any>[])
                .filter((rule) => (rule.from ?? []).some((peer: any) => peer.namespaceSelector?.matchLabels?.["kubernetes.io/metadata.name"] === "monitoring"));
            assert.deepEqual(ingress.flatMap((rule) => rule.ports.map((p: { port: number }) => p.port)), [METRICS_PORT]);
            const apiServer = ofType(run, NETPOL).filter((p) => p.inputs.metadata.namespace === NS)
                .flatMap((p) => (p.inputs.spec.egress ?? []) as Record<string, any>[])
                .filter((rule) => (rule.to ?? []).some((peer: any) => peer.ipBlock))
                .flatMap((rule) => rule.ports.map((p: { port: number }) => p.port));
            assert.ok(apiServer.includes(443) || apiServer.includes(6443), `reaches the API server: ${apiServer.join(", ")}`);
        });
    });
}

describe("progressive delivery without monitoring, or off", function () {
    this.timeout(10 * 60 * 1000);
    const inNamespace = (resources: RecordedResource[]) => resources.filter((r) => r.inputs.metadata?.namespace === NS);

    it("without monitoring: still installs the controller, with no ServiceMonitor and no path to or from the monitoring namespace", () => {
        const run = runOk("prod", MONITORING_OFF);
        assert.ok(installs(run));
        assert.deepEqual(inNamespace(ofType(run, SERVICE_MONITOR)), []);
        assert.deepEqual(egressPorts(run, NS, "monitoring"), []);
    });

    it("off: installs no Argo Rollouts and no namespace for it", () => {
        // Without the controller, orders cannot be an automated canary: it rolls.
        const run = runOk("prod", { progressiveDelivery: { enabled: false }, shop: { services: { orders: { delivery: { strategy: "rolling" } } } } });
        assert.equal(installs(run), false);
        assert.equal(ofType(run, NAMESPACE).some((n) => n.inputs.metadata.name === NS), false);
        assert.deepEqual(inNamespace(ofType(run, NETPOL)), []);
    });
});
