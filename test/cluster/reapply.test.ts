// The second-apply check of `cluster:verify`: a change counts only where the platform's manifest
// sets the field; what a controller moves in a field the platform leaves to it does not.
import { strict as assert } from "assert";
import { changedByApply } from "../../scripts/cluster/verify/reapply";

const deployment = (replicas: number, generation: number, image = "registry.example/app:1.0.0", revision = "1") => JSON.stringify({
    apiVersion: "apps/v1", kind: "Deployment",
    metadata: { name: "app", namespace: "shop", generation, annotations: { "deployment.kubernetes.io/revision": revision } },
    spec: { replicas, template: { spec: { containers: [{ name: "app", image }] } } },
});
const sent = { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "app", annotations: {} }, spec: { template: { spec: { containers: [{ name: "app", image: "registry.example/app:1.0.0" }] } } } };

describe("cluster:verify's second apply", () => {
    it("reports nothing when nothing moved", () => {
        assert.equal(changedByApply(deployment(1, 1), deployment(1, 1), sent), undefined);
    });

    it("ignores an HPA scaling replicas the manifest leaves unset, and the generation it bumps", () => {
        assert.equal(changedByApply(deployment(1, 1), deployment(2, 2), sent), undefined);
    });

    it("ignores an annotation a controller adds under a map the manifest sends empty", () => {
        assert.equal(changedByApply(deployment(1, 1, undefined, "1"), deployment(1, 1, undefined, "2"), sent), undefined);
    });

    it("reports a field the manifest sets, with its path", () => {
        const changed = changedByApply(deployment(1, 1, "registry.example/app:0.9.0"), deployment(1, 2), sent);
        assert.equal(changed, ".spec.template.spec.containers.0.image");
    });

    it("reports replicas once the manifest sets them", () => {
        const withReplicas = { ...sent, spec: { ...sent.spec, replicas: 1 } };
        assert.equal(changedByApply(deployment(2, 2), deployment(1, 3), withReplicas), ".spec.replicas");
    });
});
