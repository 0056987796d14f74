// Schema validation with the model packages: real errors caught, uncovered groups named.
import { strict as assert } from "assert";
import { SchemaValidator } from "../../scripts/plan/schemas";
import { deployment } from "./fixtures";

const validator = new SchemaValidator();
const check = (manifest: Record<string, any>) => validator.validate({ apiVersion: manifest.apiVersion, kind: manifest.kind, manifest });

describe("plan schema validation", () => {
    it("accepts a valid Deployment against the Kubernetes OpenAPI schema", async () => {
        assert.deepEqual(await check(deployment("ok")), { status: "valid", source: "kubernetes-models" });
    });

    it("catches a Deployment whose replicas is a string", async () => {
        const result = await check(deployment("bad", { replicas: "3" }));
        assert.equal(result.status, "invalid");
        assert.deepEqual(result.status === "invalid" && result.errors, ["/spec/replicas: must be integer"]);
    });

    it("catches a container without a name (required by the schema)", async () => {
        const manifest = deployment("nameless");
        delete manifest.spec.template.spec.containers[0].name;
        const result = await check(manifest);
        assert.equal(result.status, "invalid");
    });

    it("validates CRDs: Istio, prometheus-operator and Argo CD", async () => {
        const peer = (mode: string) => ({ apiVersion: "security.istio.io/v1", kind: "PeerAuthentication", metadata: { name: "default" }, spec: { mtls: { mode } } });
        assert.equal((await check(peer("STRICT"))).status, "valid");
        const bad = await check(peer("SOMETIMES"));
        assert.ok(bad.status === "invalid" && bad.source === "@kubernetes-models/istio" && /\/spec\/mtls\/mode/.test(bad.errors[0]));

        const monitor = (port: unknown) => ({
            apiVersion: "monitoring.coreos.com/v1", kind: "ServiceMonitor", metadata: { name: "m" },
            spec: { selector: {}, endpoints: [{ port }] },
        });
        assert.equal((await check(monitor("metrics"))).status, "valid");
        assert.equal((await check(monitor(9797))).status, "invalid");

        const app = (destination: unknown) => ({
            apiVersion: "argoproj.io/v1alpha1", kind: "Application", metadata: { name: "a" },
            spec: { project: "default", destination, source: { repoURL: "https://example.com/r.git", path: ".", targetRevision: "main" } },
        });
        assert.equal((await check(app({ server: "https://kubernetes.default.svc", namespace: "x" }))).status, "valid");
        assert.equal((await check(app("in-cluster"))).status, "invalid");
    });

    it("leaves ECK objects unchecked, saying why", async () => {
        const result = await check({ apiVersion: "elasticsearch.k8s.elastic.co/v1", kind: "Elasticsearch", metadata: { name: "logs" }, spec: {} });
        assert.equal(result.status, "unchecked");
        assert.match(result.status === "unchecked" ? result.reason : "", /no maintained npm package ships the ECK CRD schemas/);
    });

    it("leaves unknown groups and versions unchecked, naming them", async () => {
        const other = await check({ apiVersion: "example.com/v1", kind: "Widget" });
        assert.deepEqual(other, { status: "unchecked", reason: 'no schema package covers API group "example.com"' });
        const old = await check({ apiVersion: "apps/v1beta9", kind: "Deployment" });
        assert.deepEqual(old, { status: "unchecked", reason: "kubernetes-models has no schemas for apps/v1beta9" });
    });
});
