// The Microservice contract, checked on the sample shop's services in every stack, and its
// input validation checked directly.
import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { resolveMicroservice } from "../../packages/platform-consumer/src/microservice/resolve";
import { MicroserviceArgs, MonitoringIntegration } from "@reference-platform/consumer/microservice";
import { devProfile } from "../../stacks/dev/profile";
import { POD_SECURITY_KUBERNETES_RELEASE } from "../../components/tenancy/podSecurity";
import { podTemplateOf } from "../../policy/lib/podTemplate";
import { evaluatePod } from "../../policy/pod-security/evaluate";
import { minorOf } from "../../policy/pod-security/version";
import { childrenOf, one, RecordedResource, RunResult, runStack } from "../harness";
import { buildPodTemplate } from "../../packages/platform-consumer/src/microservice/podTemplate";

const SERVICES = ["frontend", "catalog", "orders", "payments"];
// Who calls whom in the sample shop: frontend -> catalog, frontend -> orders -> payments.
const EXPECTED_CALLERS: Record<string, string[]> = { frontend: [], catalog: ["frontend"], orders: ["frontend"], payments: ["orders"] };
/** Reachable through the ingress gateway: the frontend, and the orders and payments APIs. */
const PUBLIC_SERVICES = ["frontend", "orders", "payments"];
const EXPECTED_RESOURCES: Record<string, { requests: Record<string, string>; limits: Record<string, string> }> = {
    dev: { requests: { cpu: "50m", memory: "64Mi" }, limits: { memory: "128Mi" } },
    staging: { requests: { cpu: "100m", memory: "128Mi" }, limits: { memory: "256Mi" } },
    prod: { requests: { cpu: "250m", memory: "256Mi" }, limits: { memory: "512Mi" } },
};

function component(run: RunResult, service: string): RecordedResource {
    return one(run, "platform:workloads:Microservice", `shop-${service}`);
}

function childOfKind(run: RunResult, service: string, kind: string): RecordedResource | undefined {
    const children = childrenOf(run, component(run, service)).filter((r) => r.type.endsWith(`:${kind}`));
    assert.ok(children.length <= 1 || kind === "Deployment", `at most one ${kind}`);
    return children[0];
}

function podSpec(run: RunResult, service: string) {
    return childOfKind(run, service, "Deployment")!.inputs.spec.template.spec;
}

describe("Microservice", () => {
    for (const stack of ["dev", "staging", "prod"]) {
        // Judged by the policy pack's Pod Security controls (ported from pod-security-admission),
        // at the release the namespaces enforce: every pod of every delivery track, whatever its strategy.
        it(`${stack}: every pod of every Microservice passes the restricted Pod Security level`, () => {
            const run = runStack(stack, { shop: { services: { catalog: { delivery: { strategy: "canary", canary: { weight: 10 } } } } } });
            const pods = run.resources
                .filter((r) => r.type === "platform:workloads:Microservice")
                .flatMap((service) => childrenOf(run, service))
                .map((child) => ({ child, pod: podTemplateOf(child.type, child.inputs) }))
                .filter((entry) => entry.pod !== undefined);
            assert.ok(pods.length > SERVICES.length, "every service's Deployments, a canary among them");
            for (const { child, pod } of pods) {
                const findings = evaluatePod(pod!, "restricted", minorOf(POD_SECURITY_KUBERNETES_RELEASE));
                assert.deepEqual(findings.map((f) => `${f.control.id}: ${f.message}`), [], `${child.name}`);
            }
        });

        describe(`shop services in ${stack}`, () => {
            for (const service of SERVICES) {
                it(`${service}: has its ServiceAccount, ConfigMap, Deployment, Service and NetworkPolicy as children`, () => {
                    const run = runStack(stack);
                    for (const kind of ["ServiceAccount", "ConfigMap", "Deployment", "Service", "NetworkPolicy"]) {
                        const child = childOfKind(run, service, kind);
                        assert.ok(child, `${kind} exists`);
                        assert.equal(child.inputs.metadata.namespace, "shop");
                        assert.equal(child.inputs.metadata.name.replace(/-(canary|blue|green)$/, ""), service);
                    }
                    const account = childOfKind(run, service, "ServiceAccount")!;
                    assert.equal(account.inputs.automountServiceAccountToken, false);
                    assert.equal(podSpec(run, service).serviceAccountName, service);
                    assert.equal(podSpec(run, service).automountServiceAccountToken, false);
                });

                it(`${service}: mounts an emptyDir wherever podinfo writes (/data, /tmp)`, () => {
                    const pod = podSpec(runStack(stack), service);
                    const emptyDirs = new Set(pod.volumes.filter((v: any) => v.emptyDir).map((v: any) => v.name));
                    const mounted = pod.containers[0].volumeMounts.filter((m: any) => emptyDirs.has(m.name)).map((m: any) => m.mountPath);
                    assert.deepEqual(mounted.sort(), ["/data", "/tmp"]);
                });

                it(`${service}: requests and limits follow the ${stack} profile`, () => {
                    const c = podSpec(runStack(stack), service).containers[0];
                    assert.deepEqual(c.resources, EXPECTED_RESOURCES[stack]);
                });

                it(`${service}: probes liveness, readiness and startup over the named http port`, () => {
                    const c = podSpec(runStack(stack), service).containers[0];
                    assert.equal(c.livenessProbe.httpGet.path, "/healthz");
                    assert.equal(c.readinessProbe.httpGet.path, "/readyz");
                    assert.ok(c.startupProbe.httpGet.path);
                    for (const probe of [c.livenessProbe, c.readinessProbe, c.startupProbe]) assert.equal(probe.httpGet.port, "http");
                    const ports = Object.fromEntries(c.ports.map((p: any) => [p.name, p.containerPort]));
                    assert.deepEqual(ports, { http: 9898, metrics: 9797 });
                });

                it(`${service}: exposes named ports http and metrics through its Service`, () => {
                    const svc = childOfKind(runStack(stack), service, "Service")!;
                    assert.deepEqual(svc.inputs.spec.ports.map((p: any) => [p.name, p.targetPort]), [["http", "http"], ["metrics", "metrics"]]);
                    assert.equal(svc.inputs.spec.type, "ClusterIP");
                });

                it(`${service}: carries the recommended labels`, () => {
                    const labels = childOfKind(runStack(stack), service, "Deployment")!.inputs.metadata.labels;
                    assert.equal(labels["app.kubernetes.io/name"], service);
                    assert.equal(labels["app.kubernetes.io/instance"], service);
                    assert.equal(labels["app.kubernetes.io/version"], "6.9.2");
                    assert.ok(["frontend", "backend"].includes(labels["app.kubernetes.io/component"]));
                    assert.equal(labels["app.kubernetes.io/part-of"], "shop");
                    assert.equal(labels["app.kubernetes.io/managed-by"], "pulumi");
                    assert.equal(labels["platform.example.com/team"], "shop");
                    assert.equal(labels["platform.example.com/env"], stack);
                });

                it(`${service}: admits only its callers${PUBLIC_SERVICES.includes(service) ? " and the ingress gateway" : ""}, plus metrics scrapes`, () => {
                    const policy = childOfKind(runStack(stack), service, "NetworkPolicy")!.inputs.spec;
                    assert.deepEqual(policy.podSelector.matchLabels, { "app.kubernetes.io/name": service });
                    const callerRule = policy.ingress.find((r: any) => r.from.some((f: any) => f.podSelector));
                    const callers = callerRule ? callerRule.from[0].podSelector.matchExpressions[0].values : [];
                    assert.deepEqual(callers, EXPECTED_CALLERS[service]);
                    const namespaces = policy.ingress.flatMap((r: any) => r.from)
                        .map((f: any) => f.namespaceSelector?.matchLabels["kubernetes.io/metadata.name"]).filter(Boolean);
                    assert.deepEqual(namespaces.sort(), PUBLIC_SERVICES.includes(service) ? ["istio-ingress", "monitoring"] : ["monitoring"]);
                });
            }
        });
    }

    describe("profile differences", () => {
        it("dev runs one replica, without an HPA or a PDB", () => {
            const run = runStack("dev");
            for (const service of SERVICES) {
                assert.equal(childOfKind(run, service, "Deployment")!.inputs.spec.replicas, 1);
                assert.equal(childOfKind(run, service, "HorizontalPodAutoscaler"), undefined);
                assert.equal(childOfKind(run, service, "PodDisruptionBudget"), undefined);
            }
        });

        it("prod runs at least two replicas under an HPA on CPU and memory (catalog: a ScaledObject on request rate), with a PDB", () => {
            const run = runStack("prod");
            for (const service of SERVICES) {
                if (service === "catalog") {
                    const scaled = childOfKind(run, service, "ScaledObject")!;
                    assert.ok(scaled.inputs.spec.minReplicaCount >= 2);
                    assert.ok(scaled.inputs.spec.maxReplicaCount >= scaled.inputs.spec.minReplicaCount);
                    assert.equal(scaled.inputs.spec.scaleTargetRef.kind, "Deployment");
                    assert.equal(childOfKind(run, service, "HorizontalPodAutoscaler"), undefined);
                } else {
                    const hpa = childOfKind(run, service, "HorizontalPodAutoscaler")!;
                    assert.ok(hpa.inputs.spec.minReplicas >= 2);
                    assert.ok(hpa.inputs.spec.maxReplicas >= hpa.inputs.spec.minReplicas);
                    assert.deepEqual(hpa.inputs.spec.metrics.map((m: any) => m.resource.name).sort(), ["cpu", "memory"]);
                    // orders's pods are run by its Rollout (automated canaries), which its HPA scales.
                    assert.equal(hpa.inputs.spec.scaleTargetRef.kind, service === "orders" ? "Rollout" : "Deployment");
                }
                const pdb = childOfKind(run, service, "PodDisruptionBudget")!;
                assert.deepEqual(pdb.inputs.spec.selector.matchLabels,
                    childOfKind(run, service, "Deployment")!.inputs.spec.selector.matchLabels);
                assert.ok(pdb.inputs.spec.maxUnavailable >= 1 || pdb.inputs.spec.minAvailable >= 1);
            }
        });

        it("every Deployment rolls out with maxSurge and maxUnavailable set", () => {
            for (const stack of ["dev", "staging", "prod"]) {
                for (const service of SERVICES) {
                    const strategy = childOfKind(runStack(stack), service, "Deployment")!.inputs.spec.strategy;
                    assert.equal(strategy.type, "RollingUpdate");
                    assert.ok(strategy.rollingUpdate.maxSurge !== undefined && strategy.rollingUpdate.maxUnavailable !== undefined);
                }
            }
        });
    });

    for (const stack of ["dev", "staging", "prod"]) {
        it(`${stack}: payments reads its provider key from the store, as a read-only 0400 file updated in place`, () => {
            const run = runStack(stack);
            const external = childOfKind(run, "payments", "ExternalSecret")!;
            assert.deepEqual(external.inputs.spec.secretStoreRef, { kind: "ClusterSecretStore", name: "platform" });
            assert.deepEqual(external.inputs.spec.data, [{ secretKey: "provider-api-key", remoteRef: { key: "shop-payments", property: "provider-api-key" } }]);
            assert.deepEqual(external.inputs.spec.target, {
                name: "payments-provider-api-key", creationPolicy: "Owner", template: { metadata: { labels: external.inputs.metadata.labels } },
            });
            const pod = podSpec(run, "payments");
            const volume = pod.volumes.find((v: any) => v.projected);
            assert.deepEqual(volume.projected, {
                defaultMode: 0o400,
                sources: [{ secret: { name: "payments-provider-api-key", items: [{ key: "provider-api-key", path: "provider-api-key" }] } }],
            });
            const container = pod.containers[0];
            assert.deepEqual(container.volumeMounts.find((m: any) => m.name === volume.name), { name: volume.name, mountPath: "/var/run/secrets/app", readOnly: true });
            assert.ok(container.volumeMounts.every((m: any) => m.subPath === undefined), "no subPath: a rotated value reaches the pod");
            // A file only: no variable, no envFrom of it, no declared env need, and no Secret of generated values any more.
            assert.deepEqual(container.env ?? [], []);
            assert.ok(container.envFrom.every((e: any) => e.secretRef === undefined));
            assert.equal(childOfKind(run, "payments", "Deployment")!.inputs.spec.template.metadata.annotations, undefined);
            assert.equal(childOfKind(run, "payments", "Secret"), undefined);
            // The Deployment waits for the ExternalSecret, which waits for the store.
            assert.ok(childOfKind(run, "payments", "Deployment")!.dependencies.includes(external.urn));
            const store = run.resources.find((r) => r.type === "kubernetes:external-secrets.io/v1:ClusterSecretStore")!;
            assert.ok(external.dependencies.includes(store.urn));
        });
    }

    describe("input validation", () => {
        const base: MicroserviceArgs = {
            namespace: "shop", team: "shop", environment: "dev", image: "ghcr.io/stefanprodan/podinfo:6.9.2",
            ports: { http: 9898 }, defaults: devProfile.workloads,
            platformNamespaces: { ingressGateway: "istio-ingress", monitoring: "monitoring" },
        };
        const invalid = (overrides: Partial<MicroserviceArgs>, pattern: RegExp) =>
            assert.throws(() => resolveMicroservice("svc", { ...base, ...overrides }), pattern);

        describe("secrets", () => {
            const store = { storeRef: { kind: "ClusterSecretStore" as const, name: "platform" }, refreshInterval: "1h" };
            const withSecret = (secret: Record<string, unknown>, extra: Partial<MicroserviceArgs> = {}): Partial<MicroserviceArgs> =>
                ({ secretStore: store, secrets: [{ name: "api-key", remoteKey: "svc-api", ...secret } as any], ...extra });
            it("takes a secret as a file in the default directory", () => {
                const resolved = resolveMicroservice("svc", { ...base, ...withSecret({ property: "key" }) });
                assert.deepEqual(resolved.secrets, [{ name: "api-key", remoteKey: "svc-api", property: "key", mountPath: "/var/run/secrets/app" }]);
            });
            it("adds an environment variable only when asked, and then declares it on the pod template", async () => {
                const fileOnly = buildPodTemplate({ service: resolveMicroservice("svc", { ...base, ...withSecret({}) }), image: base.image, labels: {}, serviceAccountName: "svc" });
                assert.equal((fileOnly.metadata as any).annotations, undefined);
                const asked = resolveMicroservice("svc", { ...base, ...withSecret({ env: "API_KEY", mountPath: "/etc/api" }) });
                const template = buildPodTemplate({ service: asked, image: base.image, labels: {}, serviceAccountName: "svc" }) as any;
                const pod = { metadata: template.metadata, spec: await new Promise<any>((resolve) => pulumi.output(template.spec).apply(resolve)) };
                assert.deepEqual(pod.spec.containers[0].env, [{ name: "API_KEY", valueFrom: { secretKeyRef: { name: "svc-api-key", key: "api-key" } } }]);
                assert.deepEqual(pod.metadata.annotations, { "platform.example.com/secret-env": "svc-api-key" });
                assert.ok(pod.spec.containers[0].volumeMounts.some((m: any) => m.mountPath === "/etc/api" && m.readOnly === true));
            });
            it("rejects a secret name that is not a DNS label", () =>
                invalid(withSecret({ name: "API_KEY" }), /Microservice "svc" is invalid:\n.*secrets\[0\]\.name: must be a DNS-1123 label.*\(got "API_KEY"\)/));
            it("rejects a secret without its remote key", () =>
                invalid(withSecret({ remoteKey: undefined }), /secrets\[0\]\.remoteKey: required; must be the store's key for the value/));
            it("rejects an unknown field of a secret", () =>
                invalid(withSecret({ value: "hunter2-literal" }), /secrets\[0\]\.value: unknown key; accepted: name, remoteKey, property, mountPath, env/));
            it("rejects secrets without the platform's store", () =>
                invalid(withSecret({}, { secretStore: undefined }), /secrets: they are read from the platform's secret store, and secretStore is not set/));
            it("rejects two secrets of one name", () =>
                invalid({ secretStore: store, secrets: [{ name: "a", remoteKey: "x" }, { name: "a", remoteKey: "y" }] }, /secrets\[1\]\.name: is also secrets\[0\]'s name/));
            it("rejects a secret directory that is also a writable path", () =>
                invalid(withSecret({ mountPath: "/tmp" }), /secrets\[0\]\.mountPath: is also a writable path/));
            it("rejects a relative secret directory", () =>
                invalid(withSecret({ mountPath: "secrets" }), /secrets\[0\]\.mountPath: must be an absolute directory path/));
            it("rejects a Secret name longer than a DNS label", () =>
                invalid(withSecret({ name: "k".repeat(60) }), /secrets\[0\]\.name: gives the Secret name "svc-k+", longer than 63 characters/));
            it("rejects an env var name the kubelet would refuse", () =>
                invalid(withSecret({ env: "1KEY" }), /secrets\[0\]\.env: must be an environment variable name/));
        });

        it("accepts a tag or a digest", () => {
            assert.equal(resolveMicroservice("svc", base).imageVersion, "6.9.2");
            const digest = `ghcr.io/org/app@sha256:${"ab".repeat(32)}`;
            assert.equal(resolveMicroservice("svc", { ...base, image: digest }).imageVersion, "abababababab");
        });
        it("rejects :latest", () => invalid({ image: "nginx:latest" }, /Microservice "svc".*\n.*image: uses the mutable tag "latest"; .*\(got "nginx:latest"\)/));
        it("rejects an untagged image", () => invalid({ image: "registry.local:5000/team/app" }, /image: has no tag; .*\(got "registry\.local:5000\/team\/app"\)/));
        it("rejects a replica count below 1", () => invalid({ replicas: 0 }, /replicas: must be at least 1 \(got 0\)/));
        it("rejects a malformed quantity", () =>
            invalid({ resources: { requests: { cpu: "100m", memory: "500mb" }, limits: { memory: "1Gi" } } },
                /resources\.requests\.memory: must be a Kubernetes quantity .*\(got "500mb"\)/));
        it("rejects a negative request", () =>
            invalid({ resources: { requests: { cpu: "-100m", memory: "64Mi" }, limits: { memory: "1Gi" } } },
                /resources\.requests\.cpu: must be above zero \(got "-100m"\)/));
        it("reads E as exa (10^18 bytes), not as an exponent, when comparing requests with limits", () => {
            const resources = { requests: { cpu: "100m", memory: "2Gi" }, limits: { memory: "1E" } };
            assert.deepEqual(resolveMicroservice("svc", { ...base, resources }).resources, resources);
            invalid({ resources: { requests: { cpu: "100m", memory: "2E" }, limits: { memory: "1E" } } },
                /resources\.requests\.memory: exceeds limits\.memory "1E" \(got "2E"\)/);
        });
        it("rejects requests above limits", () =>
            invalid({ resources: { requests: { cpu: "2", memory: "1Gi" }, limits: { cpu: "1", memory: "1Gi" } } },
                /resources\.requests\.cpu: exceeds limits\.cpu "1" \(got "2"\)/));
        it("rejects a port name Kubernetes would refuse", () =>
            invalid({ ports: { http: 80, "Metrics_Port": 9090 } }, /ports\.Metrics_Port: the key must be a port name: lowercase letters.*\(got key "Metrics_Port"\)/));
        it("rejects a relative writable path", () => invalid({ writablePaths: ["tmp"] }, /writablePaths\[0\]: must be an absolute path such as "\/tmp" \(got "tmp"\)/));
        it("rejects mTLS scraping without the mesh that would terminate it", () => invalid({
            monitoring: {
                // Validation never touches it.
                crdDependency: {} as MonitoringIntegration["crdDependency"],
                mtlsScrape: {
                    certificateFiles: { ca: "/c/root-cert.pem", cert: "/c/cert-chain.pem", key: "/c/key.pem" },
                    prometheus: { namespace: "monitoring", serviceAccount: "prometheus" },
                },
            },
        }, /monitoring\.mtlsScrape: scraping over mesh mTLS needs the mesh/));
    });
});
