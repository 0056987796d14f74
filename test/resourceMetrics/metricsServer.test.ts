// The resource metrics API: every stack's HPAs have something serving metrics.k8s.io. metrics-server
// installs from its pinned chart into its own restricted namespace; dev's skips the kubelets'
// self-signed certificates (kind, k3d), the others verify them; two replicas get a budget; a stack
// on a cluster that serves the API itself installs nothing, and its pack config says so.
import { strict as assert } from "assert";
import { ofType, runOk } from "../harness";
import { assertOwnRestrictedNamespace } from "../harness/addOns";
import { itRendered, ofKind, renderedBy, restrictedAndSizedViolations } from "../harness/renderedCharts";
import { stackPolicyConfig } from "../../infra/policyConfig";

const CHART = "kubernetes:helm.sh/v4:Chart";
const NAMESPACE = "kubernetes:core/v1:Namespace";
const HPA = "kubernetes:autoscaling/v2:HorizontalPodAutoscaler";
// Restated on purpose: the pin, the flag kind's kubelets need and the API the HPAs read.
const PIN = { chart: "metrics-server", version: "3.13.1", repo: "https://kubernetes-sigs.github.io/metrics-server/" };
const INSECURE_FLAG = "--kubelet-insecure-tls";
const METRICS_API = "v1beta1.metrics.k8s.io";
const EXPECTED: Record<string, { insecure: boolean; replicas: number; hpas: boolean }> = {
    dev: { insecure: true, replicas: 1, hpas: false },
    staging: { insecure: false, replicas: 2, hpas: true },
    prod: { insecure: false, replicas: 2, hpas: true },
};

for (const [stack, expected] of Object.entries(EXPECTED)) {
    describe(`resource metrics (${stack})`, () => {
        it(`installs ${PIN.chart} ${PIN.version} from its repository into its own restricted namespace, outside the mesh`, () => {
            assertOwnRestrictedNamespace(runOk(stack), "metrics-server", PIN, "metrics-server");
        });

        itRendered(`registers ${METRICS_API} and runs ${expected.replicas} restricted, sized replica(s) ${expected.insecure ? "skipping" : "verifying"} kubelet certificates`, async () => {
            const objects = await renderedBy(runOk(stack), "metrics-server");
            assert.deepEqual(ofKind(objects, "APIService").map((s) => s.metadata.name), [METRICS_API]);
            const [deployment] = ofKind(objects, "Deployment");
            assert.equal(deployment.spec.replicas, expected.replicas);
            assert.equal(deployment.spec.template.spec.containers[0].args.includes(INSECURE_FLAG), expected.insecure);
            assert.deepEqual(restrictedAndSizedViolations(objects), []);
            assert.equal(ofKind(objects, "PodDisruptionBudget").length, expected.replicas >= 2 ? 1 : 0, "a budget with two replicas or more");
        });

        it(`${expected.hpas ? "has HPAs, with" : "has no HPA; still"} metrics-server serving them, and the pack's config does not claim the cluster serves the API`, () => {
            const run = runOk(stack);
            assert.equal(ofType(run, HPA).length > 0, expected.hpas);
            assert.equal(stackPolicyConfig(stack as "dev")["autoscaling-metrics-source"].clusterServesMetricsApi, false);
        });
    });
}

describe("resource metrics: a cluster that serves the API itself", () => {
    it("installs no metrics-server and no namespace for it, and keeps the HPAs", () => {
        const run = runOk("prod", { resourceMetrics: { source: "cluster" } });
        assert.equal(ofType(run, CHART).some((c) => c.inputs.chart === PIN.chart), false);
        assert.equal(ofType(run, NAMESPACE).some((n) => n.inputs.metadata.name === "metrics-server"), false);
        assert.ok(ofType(run, HPA).length > 0);
    });
});
