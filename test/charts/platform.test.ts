// What the pinned charts really render with each stack's values (a real Helm, the chart cache):
// properties of the objects a real `pulumi preview` registers, which mocks alone never show.
import { strict as assert } from "assert";
import { PLATFORM_API_VERSIONS } from "../../scripts/helm/cluster";
import { RecordedResource } from "../harness";
import { renderedStack, withChartCache } from "../harness/renderedCharts";

const STACKS = ["dev", "staging", "prod"];
const WORKLOAD_KINDS = ["Deployment", "StatefulSet", "DaemonSet"];
const CHART = "kubernetes:helm.sh/v4:Chart";

const kindOf = (r: RecordedResource) => r.inputs?.kind as string | undefined;
const where = (r: RecordedResource) => `${kindOf(r)} ${r.inputs.metadata.namespace}/${r.inputs.metadata.name}`;
const podSpecOf = (r: RecordedResource) => r.inputs.spec.template.spec;
const containersOf = (r: RecordedResource): any[] => [...(podSpecOf(r).initContainers ?? []), ...podSpecOf(r).containers];

/** What a pod does that only a privileged namespace admits (Pod Security's baseline controls). */
function privilegesOf(r: RecordedResource): string[] {
    const pod = podSpecOf(r);
    const found: string[] = [];
    if (pod.hostNetwork) found.push("hostNetwork");
    if (pod.hostPID) found.push("hostPID");
    if (pod.hostIPC) found.push("hostIPC");
    if ((pod.volumes ?? []).some((v: any) => v.hostPath)) found.push("hostPath");
    if (containersOf(r).some((c) => c.securityContext?.privileged)) found.push("privileged");
    return found;
}

/** The program's Namespaces and their enforced Pod Security level. */
function podSecurityLevels(resources: readonly RecordedResource[]): Map<string, string> {
    return new Map(resources.filter((r) => r.type === "kubernetes:core/v1:Namespace")
        .map((r) => [r.inputs.metadata.name, r.inputs.metadata.labels?.["pod-security.kubernetes.io/enforce"]]));
}

withChartCache("the rendered-chart properties (test/charts/platform.test.ts)", (cache) => {
    describe("what the pinned charts render", () => {
        for (const stack of STACKS) {
            describe(stack, () => {
                const rendered = () => renderedStack(stack, cache);
                const workloads = async () => (await rendered()).rendering.children.filter((r) => WORKLOAD_KINDS.includes(kindOf(r)!));

                it("renders every chart the stack installs", async () => {
                    const { run, rendering } = await rendered();
                    assert.equal(rendering.charts.length, run.resources.filter((r) => r.type === CHART).length);
                    for (const c of rendering.charts) {
                        assert.ok(c.rendered, `${c.name}: ${c.reason}`);
                        assert.ok(c.objects > 0, `${c.name} renders objects`);
                    }
                });

                it("needs privileges only in the three known DaemonSets, each in its own privileged namespace", async () => {
                    const { resources } = await rendered();
                    const levels = podSecurityLevels(resources);
                    const privileged = (await workloads()).filter((w) => privilegesOf(w).length > 0);
                    assert.deepEqual(privileged.map(where).sort(), [
                        "DaemonSet fluent-bit/fluent-bit", "DaemonSet istio-cni/istio-cni-node", "DaemonSet node-exporter/node-exporter",
                    ]);
                    for (const w of privileged) {
                        assert.equal(levels.get(w.inputs.metadata.namespace), "privileged", `${where(w)}'s namespace`);
                        const neighbours = privileged.filter((o) => o.inputs.metadata.namespace === w.inputs.metadata.namespace);
                        assert.equal(neighbours.length, 1, `${where(w)} alone in its namespace`);
                    }
                });

                it("runs every other workload with a restricted security context", async () => {
                    for (const w of (await workloads()).filter((o) => privilegesOf(o).length === 0)) {
                        const pod = podSpecOf(w);
                        for (const c of containersOf(w)) {
                            const sc = c.securityContext ?? {};
                            const at = `${where(w)} container ${c.name}`;
                            assert.equal(sc.allowPrivilegeEscalation, false, `${at}: allowPrivilegeEscalation`);
                            assert.ok((sc.capabilities?.drop ?? []).includes("ALL"), `${at}: drops ALL capabilities`);
                            assert.ok(sc.runAsNonRoot ?? pod.securityContext?.runAsNonRoot, `${at}: runAsNonRoot`);
                            const seccomp = sc.seccompProfile?.type ?? pod.securityContext?.seccompProfile?.type;
                            assert.ok(["RuntimeDefault", "Localhost"].includes(seccomp), `${at}: seccomp ${seccomp}`);
                        }
                    }
                });

                it("sizes every container of every workload: CPU and memory requests, a memory limit", async () => {
                    for (const w of await workloads()) {
                        for (const c of containersOf(w)) {
                            if (c.image === "auto") continue; // the injected gateway proxy: sized by istiod's injection template
                            const r = c.resources ?? {};
                            const at = `${where(w)} container ${c.name}`;
                            assert.ok(r.requests?.cpu && r.requests?.memory, `${at}: requests`);
                            assert.ok(r.limits?.memory, `${at}: memory limit`);
                        }
                    }
                });

                it("keeps the node exporter in its own namespace", async () => {
                    const nodeExporter = (await workloads()).filter((w) => w.inputs.metadata.name === "node-exporter");
                    assert.equal(nodeExporter.length, 1);
                    assert.equal(nodeExporter[0].inputs.metadata.namespace, "node-exporter");
                });

                it("renders for a cluster serving every API version the charts' CRDs serve", async () => {
                    const served = (await rendered()).rendering.children.filter((r) => kindOf(r) === "CustomResourceDefinition")
                        .flatMap((crd) => crd.inputs.spec.versions.filter((v: any) => v.served).map((v: any) => `${crd.inputs.spec.group}/${v.name}`));
                    assert.ok(served.length > 0);
                    assert.deepEqual([...new Set(served)].filter((v) => !(PLATFORM_API_VERSIONS as readonly string[]).includes(v)), []);
                });
            });
        }
    });
});
