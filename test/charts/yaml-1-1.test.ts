// Helm's output is read as the provider's Go parser reads it (YAML 1.1). Argo CD's chart renders
// `defaultMode: 0755` for redis-ha; read as YAML 1.2 it is decimal 755, which the API server
// refuses (0 to 0777 only): the local cluster found this in the prod plan.
import { strict as assert } from "assert";
import { manifestObjects } from "../../scripts/helm/chartChildren";

describe("rendered chart YAML is read as YAML 1.1", () => {
    const rendered = [
        "apiVersion: v1",
        "kind: Pod",
        "metadata: { name: p }",
        "spec:",
        "  volumes:",
        "    - name: health",
        "      configMap: { name: health, defaultMode: 0755 }",
    ].join("\n");

    it("reads a leading-zero file mode as octal, as the provider does", () => {
        const [pod] = manifestObjects(rendered).objects;
        assert.equal(pod.spec.volumes[0].configMap.defaultMode, 0o755);
    });
});
