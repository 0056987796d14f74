// What every single-chart add-on in a namespace of its own (components/shared/chartAddOn.ts) must
// show under the mocks: its pinned chart from its repository, and a restricted namespace outside
// the mesh. The pin and the namespace are the test's own, restated, never read from the code.
import { strict as assert } from "assert";
import { ofType, one, RunResult } from "./index";

export interface ChartPin {
    chart: string;
    version: string;
    repo: string;
}

export function assertOwnRestrictedNamespace(run: RunResult, release: string, pin: ChartPin, namespace: string): void {
    const chart = one(run, "kubernetes:helm.sh/v4:Chart", release).inputs;
    assert.deepEqual([chart.chart, chart.version, chart.repositoryOpts?.repo, chart.namespace], [pin.chart, pin.version, pin.repo, namespace]);
    const ns = ofType(run, "kubernetes:core/v1:Namespace").find((n) => n.inputs.metadata.name === namespace);
    assert.ok(ns, `namespace ${namespace} is created`);
    assert.equal(ns.inputs.metadata.labels["pod-security.kubernetes.io/enforce"], "restricted");
    assert.notEqual(ns.inputs.metadata.labels["istio-injection"], "enabled", `${namespace} is outside the mesh`);
}
