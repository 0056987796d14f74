import * as assert from "assert";
import { helmChartPinned } from "../../policy/policies";
import { resource } from "./fixtures/pods";
import { resourceMessages } from "./policyCall";

const chart = (props: Record<string, any>, type = "kubernetes:helm.sh/v4:Chart") =>
    resource(type, "monitoring", { namespace: "monitoring", repositoryOpts: { repo: "https://prometheus-community.github.io/helm-charts" }, ...props });

describe("helm-chart-pinned", () => {
    it("accepts exact versions, OCI references and local charts", async () => {
        assert.deepStrictEqual(await resourceMessages(helmChartPinned, chart({ chart: "kube-prometheus-stack", version: "88.5.3" })), []);
        assert.deepStrictEqual(await resourceMessages(helmChartPinned, chart({ chart: "oci://mirror.example.com/charts/base", version: "1.29.1" })), []);
        assert.deepStrictEqual(await resourceMessages(helmChartPinned, chart({ chart: "./charts/local" })), []);
    });

    it("reports a chart without a version", async () => {
        assert.deepStrictEqual(await resourceMessages(helmChartPinned, chart({ chart: "kube-prometheus-stack" })),
            ['Chart monitoring/monitoring: chart "kube-prometheus-stack" has no version, so the newest would be installed']);
    });

    it("reports a version range", async () => {
        assert.deepStrictEqual(await resourceMessages(helmChartPinned, chart({ chart: "argo-cd", version: "^10.1.0" }, "kubernetes:helm.sh/v3:Release")),
            ['Release monitoring/monitoring: chart "argo-cd" version "^10.1.0" is a range, not an exact version']);
    });

    it("does not judge a Chart whose inputs the engine withholds (a remote component under pulumi preview)", async () => {
        assert.deepStrictEqual(await resourceMessages(helmChartPinned, resource("kubernetes:helm.sh/v4:Chart", "monitoring", {})), []);
    });
});
