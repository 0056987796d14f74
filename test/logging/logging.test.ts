// Logging (EFK): the pinned ECK operator and Fluent Bit charts with each profile's values, the
// Elasticsearch and Kibana resources sized per profile and restricted (no privileged or sysctl
// init container), protection in prod only, file-realm users whose passwords stay secret, the
// retention task and the CA copy, and nothing at all when logging is off.
import { strict as assert } from "assert";
import { findSecretLeaks } from "../harness/secrets";
import { byUrn, childrenOf, ofType, one, RecordedResource, RunResult, runOk } from "../harness";
import { isWrappedSecret, unwrapSecrets } from "../harness/wire";
import { itRendered, ofKind, renderedBy, restrictedAndSizedViolations } from "../harness/renderedCharts";

const CHART = "kubernetes:helm.sh/v4:Chart";
const ELASTICSEARCH = "kubernetes:elasticsearch.k8s.elastic.co/v1:Elasticsearch";
const KIBANA = "kubernetes:kibana.k8s.elastic.co/v1:Kibana";
const SECRET = "kubernetes:core/v1:Secret";
const CONFIG_MAP = "kubernetes:core/v1:ConfigMap";
const JOB = "kubernetes:batch/v1:Job";
const CRON_JOB = "kubernetes:batch/v1:CronJob";
const ROLE = "kubernetes:rbac.authorization.k8s.io/v1:Role";
const COMPONENT = "platform:logging:Logging";

interface Expected {
    nodes: number;
    storage: string;
    resources: { requests: { cpu: string; memory: string }; limits: { memory: string } };
    kibanaReplicas: number;
    retentionDays: number;
    indexReplicas: number;
    /** Jaeger stores traces in Elasticsearch, so it needs the CA. */
    tracingUsesElasticsearch: boolean;
}

// Independent of the code: the sizing per environment (stacks/*/profile.ts).
const EXPECTED: Record<string, Expected> = {
    dev: {
        nodes: 1, storage: "5Gi", kibanaReplicas: 1, retentionDays: 3, indexReplicas: 0,
        resources: { requests: { cpu: "500m", memory: "2Gi" }, limits: { memory: "2Gi" } },
        tracingUsesElasticsearch: false,
    },
    staging: {
        nodes: 3, storage: "50Gi", kibanaReplicas: 1, retentionDays: 7, indexReplicas: 1,
        resources: { requests: { cpu: "1", memory: "4Gi" }, limits: { memory: "4Gi" } },
        tracingUsesElasticsearch: true,
    },
    prod: {
        nodes: 3, storage: "500Gi", kibanaReplicas: 2, retentionDays: 30, indexReplicas: 1,
        resources: { requests: { cpu: "2", memory: "8Gi" }, limits: { memory: "8Gi" } },
        tracingUsesElasticsearch: true,
    },
};

const ok = runOk;

const operatorChart = (run: RunResult) => one(run, CHART, "eck-operator");
const fluentBitChart = (run: RunResult) => one(run, CHART, "fluent-bit");
const elasticsearch = (run: RunResult) => one(run, ELASTICSEARCH, "elasticsearch");
const kibana = (run: RunResult) => one(run, KIBANA, "kibana");
const unwrap = unwrapSecrets;
/** Whether `key` of a Secret's wire stringData is secret (itself, or the whole map). */
const secretKeyIsSecret = (r: RecordedResource, key: string) =>
    isWrappedSecret(r.serializedInputs.stringData) || isWrappedSecret(r.serializedInputs.stringData?.[key]);
const stringData = (r: RecordedResource) => unwrap(r.serializedInputs.stringData);

/** Every resource the logging component registered, directly or through a nested child. */
function loggingResources(run: RunResult): RecordedResource[] {
    const root = ofType(run, COMPONENT);
    const found: RecordedResource[] = [...root];
    for (let i = 0; i < found.length; i++) found.push(...childrenOf(run, found[i]));
    return found;
}

const RESTRICTED_CONTAINER = {
    privileged: false,
    allowPrivilegeEscalation: false,
    runAsNonRoot: true,
    capabilities: { drop: ["ALL"] },
};

function assertRestrictedContainer(where: string, sc: any): void {
    assert.ok(sc, `${where}: has a securityContext`);
    for (const [k, v] of Object.entries(RESTRICTED_CONTAINER)) assert.deepEqual(sc[k], v, `${where}: securityContext.${k}`);
    assert.notEqual(sc.runAsUser, 0, `${where}: not root`);
}

function assertRestrictedPod(where: string, pod: any): void {
    assert.equal(pod.securityContext?.runAsNonRoot, true, `${where}: pod runAsNonRoot`);
    assert.equal(pod.securityContext?.seccompProfile?.type, "RuntimeDefault", `${where}: pod seccomp`);
    for (const c of [...(pod.containers ?? []), ...(pod.initContainers ?? [])]) {
        assertRestrictedContainer(`${where} ${c.name}`, c.securityContext);
        assert.ok(c.resources?.requests?.cpu && c.resources?.requests?.memory, `${where} ${c.name}: requests`);
        assert.ok(c.resources?.limits?.memory, `${where} ${c.name}: memory limit`);
    }
}

describe("logging", () => {
    for (const stack of Object.keys(EXPECTED)) {
        const e = EXPECTED[stack];
        const prod = stack === "prod";
        describe(stack, () => {
            it("installs eck-operator 3.5.0 from helm.elastic.co, namespace-scoped and restricted", () => {
                const chart = operatorChart(ok(stack)).inputs;
                assert.equal(chart.chart, "eck-operator");
                assert.equal(chart.version, "3.5.0");
                assert.equal(chart.repositoryOpts.repo, "https://helm.elastic.co");
                assert.equal(chart.namespace, "elastic-system");
                const v = chart.values;
                assert.deepEqual(v.managedNamespaces, ["logging"]);
                assert.equal(v.createClusterScopedResources, false, "no ClusterRole reading every Secret");
                assert.equal(v.webhook.enabled, false);
                assert.equal(v.config.validateStorageClass, false);
            });

            itRendered("renders one restricted, sized operator and the ECK CRDs", async () => {
                const objects = await renderedBy(ok(stack), "eck-operator");
                const [operator] = ofKind(objects, "StatefulSet");
                assert.equal(operator?.spec.replicas, 1);
                assert.deepEqual(restrictedAndSizedViolations(objects), []);
                const crds = ofKind(objects, "CustomResourceDefinition").map((c) => c.metadata.name);
                for (const crd of ["elasticsearches.elasticsearch.k8s.elastic.co", "kibanas.kibana.k8s.elastic.co"]) assert.ok(crds.includes(crd), crd);
            });

            it(`creates Elasticsearch with ${e.nodes} node(s), ${e.storage} volumes and the profile's resources`, () => {
                const es = elasticsearch(ok(stack)).inputs;
                assert.equal(es.metadata.namespace, "logging");
                assert.equal(es.metadata.name, "elasticsearch");
                assert.match(es.spec.version, /^9\.\d+\.\d+$/, "a pinned Elastic Stack 9 version");
                assert.equal(es.spec.nodeSets.length, 1);
                const nodeSet = es.spec.nodeSets[0];
                assert.equal(nodeSet.count, e.nodes);
                assert.equal(nodeSet.volumeClaimTemplates.length, 1);
                assert.equal(nodeSet.volumeClaimTemplates[0].metadata.name, "elasticsearch-data");
                assert.equal(nodeSet.volumeClaimTemplates[0].spec.resources.requests.storage, e.storage);
                const main = nodeSet.podTemplate.spec.containers.find((c: any) => c.name === "elasticsearch");
                assert.deepEqual(main.resources, e.resources);
            });

            it("needs no privileged or sysctl init container: mmap off, restricted pod template", () => {
                const es = elasticsearch(ok(stack)).inputs;
                const nodeSet = es.spec.nodeSets[0];
                assert.equal(nodeSet.config["node.store.allow_mmap"], false);
                const pod = nodeSet.podTemplate.spec;
                assertRestrictedPod("elasticsearch", pod);
                for (const init of pod.initContainers ?? []) {
                    assert.notEqual(init.securityContext?.privileged, true, `${init.name} is not privileged`);
                    assert.ok(!JSON.stringify(init).includes("sysctl"), `${init.name} runs no sysctl`);
                    assert.ok(!init.image, `${init.name} only adjusts one of ECK's own init containers`);
                }
                assert.deepEqual((pod.initContainers ?? []).map((c: any) => c.name).sort(),
                    ["elastic-internal-init-filesystem", "elastic-internal-suspend"]);
            });

            it(`creates Kibana with ${e.kibanaReplicas} replica(s), connected to Elasticsearch, restricted`, () => {
                const kb = kibana(ok(stack)).inputs;
                assert.equal(kb.metadata.namespace, "logging");
                assert.equal(kb.spec.count, e.kibanaReplicas);
                assert.deepEqual(kb.spec.elasticsearchRef, { name: "elasticsearch" });
                assert.equal(kb.spec.version, elasticsearch(ok(stack)).inputs.spec.version, "same stack version");
                assertRestrictedPod("kibana", kb.spec.podTemplate.spec);
            });

            it("makes Elasticsearch and Kibana depend on the ECK operator chart", () => {
                const run = ok(stack);
                const operator = operatorChart(run).urn;
                assert.ok(elasticsearch(run).dependencies.includes(operator), "Elasticsearch waits for its CRD");
                assert.ok(kibana(run).dependencies.includes(operator), "Kibana waits for its CRD");
            });

            it(prod ? "protects Elasticsearch and keeps its volume claims" : "leaves Elasticsearch unprotected", () => {
                const es = elasticsearch(ok(stack));
                assert.equal(es.protect, prod);
                assert.equal(es.retainOnDelete, prod);
                assert.equal(es.inputs.spec.volumeClaimDeletePolicy,
                    prod ? "DeleteOnScaledownOnly" : "DeleteOnScaledownAndClusterDeletion");
                assert.equal(kibana(ok(stack)).protect, false, "Kibana is stateless");
            });

            it("gives Fluent Bit, Jaeger, Grafana and the retention task their own file-realm users", () => {
                const run = ok(stack);
                const es = elasticsearch(run).inputs;
                const realm = es.spec.auth.fileRealm.map((r: any) => r.secretName).sort();
                assert.equal(realm.length, 4);
                const users: string[] = [];
                for (const secretName of realm) {
                    const secret = ofType(run, SECRET).find((s) => s.inputs.metadata?.name === secretName && s.inputs.metadata?.namespace === "logging");
                    assert.ok(secret, `Secret ${secretName} exists in logging`);
                    assert.equal(secret.inputs.type, "kubernetes.io/basic-auth");
                    assert.ok(secretKeyIsSecret(secret, "password"), `${secretName}: password is secret`);
                    assert.ok(stringData(secret).password.length >= 32);
                    assert.ok(stringData(secret).roles, `${secretName}: has a role`);
                    users.push(stringData(secret).username);
                }
                assert.deepEqual(users.sort(), ["fluent-bit", "grafana", "jaeger", "retention"]);
                const rolesRef = es.spec.auth.roles[0].secretName;
                const roles = ofType(run, SECRET).find((s) => s.inputs.metadata?.name === rolesRef);
                const rolesYml = JSON.parse(stringData(roles!)["roles.yml"]);
                for (const role of ["platform_log_writer", "platform_trace_writer", "platform_observability_reader"]) {
                    assert.ok(rolesYml[role], `role ${role} defined`);
                    assert.ok(!rolesYml[role].cluster.includes("all"), `${role} is not a cluster admin`);
                }
            });

            it("keeps every generated password out of plaintext", () => {
                const run = ok(stack);
                const mine = new Set(loggingResources(run).map((r) => `${r.type} ${r.name}`));
                const leaks = findSecretLeaks(run).filter((l) => mine.has(l.where) || l.where === "stack outputs");
                assert.deepEqual(leaks, []);
                const fluentBitValues = JSON.stringify(fluentBitChart(run).inputs.values);
                for (const secret of run.secretValues) assert.ok(!fluentBitValues.includes(secret), "no password in Fluent Bit's values");
            });

            it("installs fluent-bit 0.58.1 as a DaemonSet in fluent-bit, tailing CRI logs with Kubernetes metadata", () => {
                const chart = fluentBitChart(ok(stack)).inputs;
                assert.equal(chart.chart, "fluent-bit");
                assert.equal(chart.version, "0.58.1");
                assert.equal(chart.repositoryOpts.repo, "https://fluent.github.io/helm-charts");
                assert.equal(chart.namespace, "fluent-bit");
                const v = chart.values;
                assert.match(v.config.inputs, /Name\s+tail/);
                assert.match(v.config.inputs, /Path\s+\/var\/log\/containers\/\*\.log/);
                assert.match(v.config.inputs, /multiline\.parser\s+cri\b/);
                assert.ok(v.resources.requests.cpu && v.resources.requests.memory && v.resources.limits.memory);
            });

            itRendered("renders the fluent-bit DaemonSet with the kubernetes filter merging JSON logs", async () => {
                const objects = await renderedBy(ok(stack), "fluent-bit");
                assert.deepEqual(ofKind(objects, "DaemonSet").map((d) => d.metadata.name), ["fluent-bit"]);
                assert.deepEqual(ofKind(objects, "Deployment"), []);
                const config = ofKind(objects, "ConfigMap").find((c) => c.metadata.name === "fluent-bit")?.data?.["fluent-bit.conf"] ?? "";
                assert.match(config, /\[FILTER\]\s+Name\s+kubernetes/);
                assert.match(config, /Merge_Log\s+On/);
                assert.match(config, /Name\s+tail/);
            });

            it("ships to Elasticsearch over verified TLS with credentials from a Secret", () => {
                const run = ok(stack);
                const v = fluentBitChart(run).inputs.values;
                const out: string = v.config.outputs;
                assert.match(out, /Name\s+es\b/);
                assert.match(out, /Host\s+elasticsearch-es-http\.logging\.svc\b/);
                assert.match(out, /Port\s+9200/);
                assert.match(out, /tls\s+On/);
                assert.match(out, /tls\.verify\s+On/);
                const caFile = /tls\.ca_file\s+(\S+)/.exec(out)?.[1];
                assert.ok(caFile, "a CA file");
                const mount = v.extraVolumeMounts.find((m: any) => caFile!.startsWith(m.mountPath));
                const volume = v.extraVolumes.find((vol: any) => vol.name === mount.name);
                assert.equal(volume.secret.secretName, "elasticsearch-ca");
                assert.match(out, /Logstash_Format\s+On/);
                assert.match(out, /Logstash_Prefix\s+k8s-logs/);
                assert.match(out, /Suppress_Type_Name\s+On/);
                assert.match(out, /Replace_Dots\s+On/);
                assert.match(out, /HTTP_User\s+\$\{ES_USERNAME\}/);
                assert.match(out, /HTTP_Passwd\s+\$\{ES_PASSWORD\}/);
                const env = Object.fromEntries(v.env.map((x: any) => [x.name, x.valueFrom?.secretKeyRef]));
                assert.deepEqual(env.ES_PASSWORD, { name: "elasticsearch-credentials", key: "password" });
                assert.deepEqual(env.ES_USERNAME, { name: "elasticsearch-credentials", key: "username" });
                const credentials = ofType(run, SECRET).find((s) =>
                    s.inputs.metadata?.name === "elasticsearch-credentials" && s.inputs.metadata?.namespace === "fluent-bit");
                assert.ok(credentials, "the credentials Secret lives in Fluent Bit's namespace");
                assert.equal(stringData(credentials).username, "fluent-bit");
                assert.ok(secretKeyIsSecret(credentials, "password"));
            });

            it(`deletes log and trace indices after ${e.retentionDays} days`, () => {
                const run = ok(stack);
                const bodies = ofType(run, CONFIG_MAP).find((c) => c.inputs.metadata?.name === "elasticsearch-retention");
                assert.ok(bodies, "retention request bodies");
                const policy = JSON.parse(bodies.inputs.data["policy.json"]);
                assert.equal(policy.policy.phases.delete.min_age, `${e.retentionDays}d`);
                assert.deepEqual(policy.policy.phases.delete.actions, { delete: {} });
                const template = JSON.parse(bodies.inputs.data["log-index-template.json"]);
                assert.deepEqual(template.index_patterns, ["k8s-logs-*"]);
                assert.equal(template.template.settings["index.lifecycle.name"], "platform-retention");
                assert.equal(template.template.settings["index.number_of_replicas"], e.indexReplicas);
                for (const type of [JOB, CRON_JOB]) {
                    const task = one(run, type, "elasticsearch-retention").inputs;
                    const pod = type === JOB ? task.spec.template.spec : task.spec.jobTemplate.spec.template.spec;
                    assertRestrictedPod(`retention ${type}`, pod);
                    const script = pod.containers[0].command.join(" ");
                    assert.match(script, /_ilm\/policy\/platform-retention/);
                    assert.match(script, /jaeger-\*/, "Jaeger's indices get the policy too");
                    const env = Object.fromEntries(pod.containers[0].env.map((x: any) => [x.name, x]));
                    assert.equal(env.ES_PASSWORD.valueFrom.secretKeyRef.name, "es-user-retention");
                    assert.match(pod.containers[0].image, /^curlimages\/curl:\d+\.\d+\.\d+$/);
                }
            });

            it(`copies the Elasticsearch CA to fluent-bit${e.tracingUsesElasticsearch ? " and tracing" : ", not tracing"}`, () => {
                const run = ok(stack);
                const job = one(run, JOB, "elasticsearch-ca-sync").inputs;
                const pod = job.spec.template.spec;
                assertRestrictedPod("ca-sync", pod);
                const env = Object.fromEntries(pod.containers[0].env.map((x: any) => [x.name, x.value]));
                const targets: string[] = env.TARGET_NAMESPACES.split(" ").sort();
                assert.ok(targets.includes("fluent-bit"));
                assert.equal(targets.includes("tracing"), e.tracingUsesElasticsearch);
                assert.ok(!targets.includes("logging"), "the source namespace has the original");
                const syncRoles = ofType(run, ROLE).filter((r) => r.inputs.metadata.name === "elasticsearch-ca-sync");
                const writable = syncRoles.filter((r) => r.inputs.rules.some((rule: any) => rule.verbs.includes("patch")));
                assert.deepEqual(writable.map((r) => r.inputs.metadata.namespace).sort(), targets, "may write only where it copies to");
                for (const role of writable) {
                    const patch = role.inputs.rules.find((rule: any) => rule.verbs.includes("patch"));
                    assert.deepEqual(patch.resourceNames, ["elasticsearch-ca"]);
                }
                const source = syncRoles.find((r) => r.inputs.metadata.namespace === "logging");
                assert.deepEqual(source!.inputs.rules, [{
                    apiGroups: [""], resources: ["secrets"], resourceNames: ["elasticsearch-es-http-certs-public"], verbs: ["get"],
                }]);
            });

            it("exports the namespace, in-cluster URLs and the Kibana login's Secret name", () => {
                const outputs = ok(stack).outputs.logging as Record<string, unknown>;
                assert.equal((ok(stack).outputs.namespaces as any).logging, "logging");
                assert.deepEqual(outputs, {
                    elasticsearchUrl: "https://elasticsearch-es-http.logging.svc:9200",
                    kibanaUrl: "https://kibana-kb-http.logging.svc:5601",
                    credentialsSecretName: "elasticsearch-es-elastic-user",
                });
            });
        });
    }

    describe("overrides", () => {
        it("registers nothing when logging is disabled", () => {
            const run = ok("dev", { logging: { enabled: false } });
            assert.deepEqual(ofType(run, COMPONENT), []);
            assert.deepEqual(ofType(run, ELASTICSEARCH), []);
            assert.deepEqual(ofType(run, KIBANA), []);
            assert.deepEqual(ofType(run, CHART).filter((c) => ["eck-operator", "fluent-bit"].includes(c.name)), []);
            assert.deepEqual(run.resources.filter((r) => /elasticsearch|fluent-bit|es-user/.test(r.name)), []);
            assert.deepEqual(run.outputs.logging, { elasticsearchUrl: null, kibanaUrl: null, credentialsSecretName: null });
        });

        it("keeps user chart values over the defaults", () => {
            const run = ok("dev", {
                chartValues: {
                    fluentBit: { logLevel: "debug", resources: { limits: { memory: "512Mi" } } },
                    eckOperator: { config: { logVerbosity: "1" } },
                },
            });
            const fb = fluentBitChart(run).inputs.values;
            assert.equal(fb.logLevel, "debug");
            assert.equal(fb.resources.limits.memory, "512Mi", "user value wins");
            assert.equal(fb.resources.requests.memory, "64Mi", "default sibling kept");
            assert.match(fb.config.outputs, /Name\s+es\b/, "untouched defaults kept");
            const op = operatorChart(run).inputs.values;
            assert.equal(op.config.logVerbosity, "1");
            assert.equal(op.config.validateStorageClass, false);
        });

        it("sizes Elasticsearch from stack config over the profile", () => {
            const run = ok("staging", { logging: { elasticsearchNodes: 5, elasticsearchStorageSize: "80Gi" } });
            const nodeSet = elasticsearch(run).inputs.spec.nodeSets[0];
            assert.equal(nodeSet.count, 5);
            assert.equal(nodeSet.volumeClaimTemplates[0].spec.resources.requests.storage, "80Gi");
            assert.ok(byUrn(run, elasticsearch(run).parent!)?.type === COMPONENT);
        });
    });
});
