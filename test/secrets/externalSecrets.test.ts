// Secrets from an external store: the pinned external-secrets chart in its own restricted
// namespace, sized per stack; the stack's one ClusterSecretStore after the chart that installs its
// CRD, authenticating without a static key; dev's store seeded from Pulumi secrets and readable
// only by the store's ServiceAccount; every ESO object valid against ESO's own schemas.
import { strict as assert } from "assert";
import { evaluatePod } from "../../policy/pod-security/evaluate";
import { SchemaValidator } from "../../scripts/plan/schemas";
import { storeProvider, storeServiceAccountAnnotations } from "../../components/secrets/store";
import { StoreSettings } from "../../components/secrets/settings";
import { ofType, one, RecordedResource, runOk, RunResult, runStack } from "../harness";
import { isWrappedSecret } from "../harness/wire";

const CHART = "kubernetes:helm.sh/v4:Chart";
const STORE = "kubernetes:external-secrets.io/v1:ClusterSecretStore";
const EXTERNAL_SECRET = "kubernetes:external-secrets.io/v1:ExternalSecret";
const NAMESPACE = "kubernetes:core/v1:Namespace";

// Restated on purpose: the pin, and what each stack's profile gives.
const PIN = { chart: "external-secrets", version: "2.9.0", repo: "https://charts.external-secrets.io" };
const EXPECTED: Record<string, { store: string; refreshInterval: string; requests: Record<string, string>; limits: Record<string, string> }> = {
    dev: { store: "kubernetes", refreshInterval: "1m", requests: { cpu: "10m", memory: "32Mi" }, limits: { memory: "128Mi" } },
    staging: { store: "vault", refreshInterval: "15m", requests: { cpu: "50m", memory: "64Mi" }, limits: { memory: "256Mi" } },
    prod: { store: "vault", refreshInterval: "1h", requests: { cpu: "100m", memory: "128Mi" }, limits: { memory: "512Mi" } },
};

const chartOf = (run: RunResult): RecordedResource => one(run, CHART, "external-secrets");
const storeOf = (run: RunResult): RecordedResource => ofType(run, STORE)[0];
const validator = new SchemaValidator();
const schemaCheck = (o: Record<string, any>) => validator.validate({ apiVersion: o.apiVersion, kind: o.kind, manifest: o });

/** Every key named like a static credential, anywhere in `value`. */
function staticCredentialKeys(value: unknown, path = ""): string[] {
    if (!value || typeof value !== "object") return [];
    return Object.entries(value).flatMap(([k, v]) => [
        ...(/secretRef|accessKey|secretAccessKey|clientSecret|token|password/i.test(k) ? [`${path}.${k}`] : []),
        ...staticCredentialKeys(v, `${path}.${k}`),
    ]);
}

for (const [stack, expected] of Object.entries(EXPECTED)) {
    describe(`External Secrets (${stack})`, () => {
        it(`installs ${PIN.chart} ${PIN.version} from its repository into its own restricted namespace`, () => {
            const run = runOk(stack);
            const chart = chartOf(run).inputs;
            assert.deepEqual([chart.chart, chart.version, chart.repositoryOpts?.repo], [PIN.chart, PIN.version, PIN.repo]);
            assert.equal(chart.namespace, "external-secrets");
            const ns = ofType(run, NAMESPACE).find((n) => n.inputs.metadata.name === "external-secrets")!;
            assert.equal(ns.inputs.metadata.labels["pod-security.kubernetes.io/enforce"], "restricted");
        });

        it("sizes the controller per profile and runs all three pods restricted", () => {
            const values = chartOf(runOk(stack)).inputs.values;
            assert.deepEqual(values.resources, { requests: expected.requests, limits: expected.limits });
            for (const [part, pod] of Object.entries({ controller: values, webhook: values.webhook, certController: values.certController })) {
                assert.ok(pod.resources.requests.cpu && pod.resources.requests.memory && pod.resources.limits.memory, `${part} is sized`);
                // The chart drops `enabled` from what it renders; the rest is the pod as the API server sees it.
                const strip = ({ enabled: _e, ...rest }: Record<string, unknown> = {}) => rest;
                const podSpec = { securityContext: strip(pod.podSecurityContext), containers: [{ name: part, image: "x", securityContext: strip(pod.securityContext) }] };
                const findings = evaluatePod({ spec: podSpec } as any, "restricted", 36);
                assert.deepEqual(findings.map((f) => `${f.control.id}: ${f.message}`), [], `${part} meets restricted`);
            }
        });

        it(`reads from one ${expected.store} ClusterSecretStore, created after the chart that installs its CRD`, () => {
            const run = runOk(stack);
            const stores = ofType(run, STORE);
            assert.equal(stores.length, 1);
            assert.equal(stores[0].inputs.metadata.name, "platform");
            assert.deepEqual(Object.keys(stores[0].inputs.spec.provider), [{ kubernetes: "kubernetes", vault: "vault" }[expected.store]]);
            assert.ok(stores[0].dependencies.includes(chartOf(run).urn), "the store depends on the chart");
            assert.deepEqual(staticCredentialKeys(stores[0].inputs.spec), [], "no static credential in the store");
        });

        it(`refreshes every ExternalSecret every ${expected.refreshInterval}`, () => {
            const secrets = ofType(runOk(stack), EXTERNAL_SECRET);
            assert.ok(secrets.length > 0);
            for (const s of secrets) assert.equal(s.inputs.spec.refreshInterval, expected.refreshInterval, s.name);
        });

        it("writes ESO objects that ESO's own schemas accept", async () => {
            const run = runOk(stack);
            for (const o of [...ofType(run, STORE), ...ofType(run, EXTERNAL_SECRET)]) {
                const result = await schemaCheck(o.inputs);
                assert.equal(result.status, "valid", `${o.type} ${o.name}: ${JSON.stringify(result)}`);
            }
        });
    });
}

describe("External Secrets: dev's store", () => {
    it("reads only the platform-secrets namespace, as the store's ServiceAccount, which may only read Secrets there", () => {
        const run = runOk("dev");
        const provider = storeOf(run).inputs.spec.provider.kubernetes;
        assert.equal(provider.remoteNamespace, "platform-secrets");
        assert.deepEqual(provider.auth.serviceAccount, { name: "platform-secret-store", namespace: "external-secrets" });
        const role = ofType(run, "kubernetes:rbac.authorization.k8s.io/v1:Role").find((r) => r.inputs.metadata.namespace === "platform-secrets")!;
        assert.deepEqual(role.inputs.rules, [{ apiGroups: [""], resources: ["secrets"], verbs: ["get", "list", "watch"] }]);
        const binding = ofType(run, "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding").find((r) => r.inputs.metadata.namespace === "platform-secrets")!;
        assert.deepEqual(binding.inputs.subjects, [{ kind: "ServiceAccount", name: "platform-secret-store", namespace: "external-secrets" }]);
        const ns = ofType(run, NAMESPACE).find((n) => n.inputs.metadata.name === "platform-secrets")!;
        assert.equal(ns.inputs.metadata.labels["pod-security.kubernetes.io/enforce"], "restricted");
    });

    it("holds what the seed gives, as a secret, and generates what the shop needs when the seed lacks it", () => {
        const planted = "sk_test_seeded-provider-key-1234";
        const seeded = runOk("dev", { secretStoreSeed: { secret: JSON.stringify({ "shop-payments": { "provider-api-key": planted }, "billing": { token: "seeded-token-value-5678" } }) } });
        const inStore = (run: RunResult) => ofType(run, "kubernetes:core/v1:Secret").filter((s) => s.inputs.metadata.namespace === "platform-secrets");
        assert.deepEqual(inStore(seeded).map((s) => s.inputs.metadata.name).sort(), ["billing", "shop-payments"]);
        for (const s of inStore(seeded)) assert.ok(isWrappedSecret(s.serializedInputs.stringData), `${s.name}'s data is secret`);
        const payments = inStore(seeded).find((s) => s.inputs.metadata.name === "shop-payments")!;
        assert.equal(payments.serializedInputs.stringData.value["provider-api-key"], planted);
        assert.equal(ofType(seeded, "random:index/randomPassword:RandomPassword").filter((r) => r.name.includes("dev-store")).length, 0);

        const generated = runOk("dev");
        const key = inStore(generated).find((s) => s.inputs.metadata.name === "shop-payments")!.serializedInputs.stringData.value["provider-api-key"];
        assert.ok(typeof key === "string" && key.length >= 32 && generated.secretValues.includes(key), "a generated, secret key");
    });

    it("is absent where the store is not the Kubernetes provider", () => {
        const run = runOk("staging");
        assert.equal(ofType(run, NAMESPACE).filter((n) => n.inputs.metadata.name === "platform-secrets").length, 0);
    });

    it("refuses a seed in plaintext, or for a stack whose store is not dev's, naming the key and never the value", () => {
        const plain = runStack("dev", { secretStoreSeed: { "shop-payments": { "provider-api-key": "plaintext-value-999" } } });
        assert.match(plain.error ?? "", /platform:secretStoreSeed: holds a secret and must be set with `pulumi config set --secret/);
        const staging = runStack("staging", { secretStoreSeed: { secret: JSON.stringify({ "shop-payments": { "provider-api-key": "staging-value-999" } }) } });
        assert.match(staging.error ?? "", /platform:secretStoreSeed: seeds only the dev store .* this stack's store is "vault"/);
        for (const run of [plain, staging]) {
            assert.doesNotMatch(run.error ?? "", /value-999/);
            assert.equal(run.resources.length, 0);
        }
    });
});

describe("External Secrets: each store kind authenticates as the store's ServiceAccount", () => {
    const account = { name: "platform-secret-store", namespace: "external-secrets" };
    const CASES: { store: StoreSettings; annotations: Record<string, string>; auth: (p: any) => unknown }[] = [
        {
            store: { kind: "vault", vault: { server: "https://vault.example.com:8200", path: "secret", version: "v2", kubernetesAuth: { mountPath: "kubernetes", role: "eso" } } },
            annotations: {},
            auth: (p) => p.vault.auth.kubernetes.serviceAccountRef,
        },
        {
            store: { kind: "aws", aws: { region: "eu-west-1", roleArn: "arn:aws:iam::123456789012:role/eso" } },
            annotations: { "eks.amazonaws.com/role-arn": "arn:aws:iam::123456789012:role/eso" },
            auth: (p) => p.aws.auth.jwt.serviceAccountRef,
        },
        {
            store: { kind: "gcp", gcp: { projectId: "shop-prod-1", clusterLocation: "europe-west1", clusterName: "prod", serviceAccount: "eso@shop-prod-1.iam.gserviceaccount.com" } },
            annotations: { "iam.gke.io/gcp-service-account": "eso@shop-prod-1.iam.gserviceaccount.com" },
            auth: (p) => p.gcpsm.auth.workloadIdentity.serviceAccountRef,
        },
        {
            store: { kind: "azure", azure: { vaultUrl: "https://shop.vault.azure.net", tenantId: "00000000-0000-0000-0000-00000000000a", clientId: "00000000-0000-0000-0000-00000000000b" } },
            annotations: { "azure.workload.identity/client-id": "00000000-0000-0000-0000-00000000000b", "azure.workload.identity/tenant-id": "00000000-0000-0000-0000-00000000000a" },
            auth: (p) => p.azurekv.authType === "WorkloadIdentity" && p.azurekv.serviceAccountRef,
        },
    ];
    for (const c of CASES) {
        it(`${c.store.kind}: workload identity or Kubernetes auth, no static key, valid for ESO's schema`, async () => {
            const provider = storeProvider(c.store, account);
            assert.deepEqual(c.auth(provider), account);
            assert.deepEqual(storeServiceAccountAnnotations(c.store), c.annotations);
            assert.deepEqual(staticCredentialKeys(provider), []);
            const manifest = { apiVersion: "external-secrets.io/v1", kind: "ClusterSecretStore", metadata: { name: "platform" }, spec: { provider } };
            assert.equal((await schemaCheck(manifest)).status, "valid");
        });
    }

    it("the aws store through stack config: the ServiceAccount carries the IRSA role", () => {
        const run = runOk("prod", { externalSecrets: { store: { kind: "aws", aws: { region: "eu-west-1", roleArn: "arn:aws:iam::123456789012:role/eso" } } } });
        const sa = ofType(run, "kubernetes:core/v1:ServiceAccount").find((s) => s.inputs.metadata.name === "platform-secret-store")!;
        assert.equal(sa.inputs.metadata.annotations["eks.amazonaws.com/role-arn"], "arn:aws:iam::123456789012:role/eso");
        assert.equal(storeOf(run).inputs.spec.provider.aws.service, "SecretsManager");
    });
});
