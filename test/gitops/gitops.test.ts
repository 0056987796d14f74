// GitOps (Argo CD): the pinned chart with each profile's values, a password of which the chart sees
// only the bcrypt hash, one confined AppProject per team and the root app's sync policy per stack.
import { strict as assert } from "assert";
import { compareSync } from "bcryptjs";
import { mockPasswordHash } from "../../scripts/mock-run/mocks";
import { findSecretLeaks } from "../harness/secrets";
import { ofType, one, RecordedResource, RunResult, runOk, runStack } from "../harness";
import { isWrappedSecret, unwrapSecrets } from "../harness/wire";
import { itRendered, ofKind, podSpecs, renderedBy, restrictedAndSizedViolations } from "../harness/renderedCharts";

const CHART = "kubernetes:helm.sh/v4:Chart";
const APP_PROJECT = "kubernetes:argoproj.io/v1alpha1:AppProject";
const APPLICATION = "kubernetes:argoproj.io/v1alpha1:Application";
const IN_CLUSTER = "https://kubernetes.default.svc";
const BCRYPT = /^\$2[aby]\$\d\d\$[./A-Za-z0-9]{53}$/;

const TEAM_REPOS: Record<string, string[]> = {
    shop: ["https://github.com/example-org/shop-deploy.git"],
    data: ["https://github.com/example-org/data-deploy.git"],
};
const ROOT_REPO = "https://github.com/example-org/platform-apps.git";
const STACKS = ["dev", "staging", "prod"];

const unwrap = unwrapSecrets;

const chartOf = (run: RunResult) => one(run, CHART, "argocd");
/** The chart's values in plaintext (the wire inputs show which parts are secret). */
const valuesOf = (run: RunResult) => unwrap(chartOf(run).serializedInputs.values);
const projectsOf = (run: RunResult) => ofType(run, APP_PROJECT);
const projectNamed = (run: RunResult, name: string) => {
    const found = projectsOf(run).filter((p) => p.inputs.metadata.name === name);
    assert.equal(found.length, 1, `one AppProject ${name}`);
    return found[0];
};
const rootApp = (run: RunResult) => {
    const apps = ofType(run, APPLICATION);
    assert.equal(apps.length, 1, "one root Application");
    return apps[0];
};

const ok = runOk;

const argocdSecret = (run: RunResult) => {
    const [secret] = ofType(run, "kubernetes:core/v1:Secret").filter((s) => s.inputs.metadata.name === "argocd-secret");
    assert.ok(secret, "argocd-secret Secret");
    assert.equal(secret.inputs.metadata.namespace, "argocd");
    const wire = secret.serializedInputs.stringData;
    return { wire, stringData: unwrap(wire) };
};
const exportedAdminPassword = (run: RunResult): string => unwrap((run.outputs.operators as any).argocdAdminPassword);

/** Every string anywhere inside a value. */
function strings(value: unknown): string[] {
    if (typeof value === "string") return [value];
    if (Array.isArray(value)) return value.flatMap(strings);
    if (value && typeof value === "object") return Object.values(value).flatMap(strings);
    return [];
}

// The containers the argo-cd chart renders (the standalone Redis without highAvailability, the
// redis-ha ones with it), as paths into the values that size and secure them.
const ARGO_WORKLOADS = ["controller", "server", "repoServer", "applicationSet"];
const containerResources = (ha: boolean) => [...ARGO_WORKLOADS, ...(ha
    ? ["redis-ha.redis", "redis-ha.sentinel", "redis-ha.splitBrainDetection", "redis-ha.init", "redis-ha.haproxy", "redis-ha.haproxy.init"]
    : ["redis"])];
const at = (values: any, path: string) => path.split(".").reduce((v, k) => v?.[k], values);

describe("gitops", () => {
    for (const stack of STACKS) {
        const prod = stack === "prod";
        describe(stack, () => {
            it("installs argo-cd 10.1.1 from argo-helm into the argocd namespace", () => {
                const chart = chartOf(ok(stack)).inputs;
                assert.equal(chart.chart, "argo-cd");
                assert.equal(chart.version, "10.1.1");
                assert.deepEqual(chart.repositoryOpts, { repo: "https://argoproj.github.io/argo-helm" });
                assert.equal(chart.namespace, "argocd");
            });

            itRendered(prod ? "runs highly available: redis-ha, two server replicas, disruption budgets"
                : "runs single replicas without redis-ha or disruption budgets", async () => {
                const objects = await renderedBy(ok(stack), "argocd");
                const workload = (name: string) => objects.find((o) => ["Deployment", "StatefulSet"].includes(o.kind) && o.metadata.name === name);
                for (const name of ["argocd-server", "argocd-repo-server", "argocd-applicationset-controller"]) {
                    assert.equal(workload(name)?.spec.replicas, prod ? 2 : 1, `${name} replicas`);
                }
                assert.equal(workload("argocd-application-controller")?.spec.replicas, 1, "the controller shards by cluster: one replica");
                assert.equal(workload("argocd-redis-ha-server") !== undefined, prod, "redis-ha");
                assert.equal(workload("argocd-redis") !== undefined, !prod, "the standalone Redis");
                const budgets = ofKind(objects, "PodDisruptionBudget");
                if (prod) {
                    const names = budgets.map((b) => b.metadata.name).sort();
                    assert.deepEqual(names, ["argocd-applicationset-controller", "argocd-redis-ha-haproxy-pdb", "argocd-redis-ha-pdb", "argocd-repo-server", "argocd-server"].sort());
                    for (const b of budgets) assert.equal(b.spec.maxUnavailable, 1, `${b.metadata.name} maxUnavailable`);
                } else {
                    assert.deepEqual(budgets, [], "no disruption budget");
                }
            });

            it("disables dex and the Redis secret hook Job, and creates argocd-redis itself", () => {
                const run = ok(stack);
                const values = valuesOf(run);
                assert.equal(values.dex.enabled, false);
                assert.equal(values.redisSecretInit.enabled, false);
                const [secret] = ofType(run, "kubernetes:core/v1:Secret").filter((s) => s.inputs.metadata.name === "argocd-redis");
                assert.ok(secret, "argocd-redis Secret");
                assert.equal(secret.inputs.metadata.namespace, "argocd");
                const stringData = secret.serializedInputs.stringData;
                assert.ok(isWrappedSecret(stringData) || isWrappedSecret(stringData.auth), "Redis password is secret");
                assert.ok(unwrap(stringData).auth.length >= 16);
            });

            it("sizes every container: CPU and memory requests, a memory limit", () => {
                const values = valuesOf(ok(stack));
                for (const path of containerResources(prod)) {
                    const r = at(values, `${path}.resources`);
                    assert.ok(r?.requests?.cpu && r.requests.memory && r.limits?.memory, `${path}.resources`);
                }
            });

            itRendered("runs every container restricted, with requests and a memory limit", async () => {
                const objects = await renderedBy(ok(stack), "argocd");
                assert.ok(podSpecs(objects).length >= (prod ? 6 : 5), "the chart's workloads");
                assert.deepEqual(restrictedAndSizedViolations(objects), []);
            });

            it("keeps the provider's hash of the exported password and a fixed mtime in argocd-secret, not in chart values", () => {
                const run = ok(stack);
                assert.deepEqual(chartOf(run).serializedInputs.values.configs.secret, { createSecret: false });
                const { wire, stringData } = argocdSecret(run);
                assert.ok(isWrappedSecret(wire) || isWrappedSecret(wire["admin.password"]), "hash is a secret");
                assert.match(stringData["admin.passwordMtime"], /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
                const hash = stringData["admin.password"];
                assert.ok(run.secretValues.includes(hash), "the provider's hash, not one computed in the program");
                // The mock's cheap stand-in for bcrypt: a digest of the password it was computed from.
                assert.equal(hash, mockPasswordHash(exportedAdminPassword(run)), "hash of the exported admin password");
            });

            it("never puts a plaintext password in the chart's values, nor any secret outside a wrapper", () => {
                const run = ok(stack);
                const plain = strings(valuesOf(run));
                const passwords = run.secretValues.filter((s) => !BCRYPT.test(s));
                assert.ok(passwords.length >= 2, "admin and Redis passwords were generated");
                for (const secret of passwords) assert.ok(!plain.some((s) => s.includes(secret)), "no password in chart values");
                assert.deepEqual(findSecretLeaks(run), []);
            });

            it("exports the admin password only as a secret, with the in-cluster server URL", () => {
                const { gitops: exported, operators } = ok(stack).outputs as any;
                assert.ok(isWrappedSecret(operators.argocdAdminPassword), "a secret output");
                assert.equal(typeof operators.argocdAdminPassword.value, "string");
                assert.ok(operators.argocdAdminPassword.value.length >= 16);
                assert.equal(operators.argocdRootApplication, "platform-root");
                assert.deepEqual(exported, {
                    namespace: "argocd",
                    serverUrl: "https://argocd-server.argocd.svc.cluster.local",
                    appProjects: { shop: "shop", data: "data" },
                });
            });

            for (const [team, repos] of Object.entries(TEAM_REPOS)) {
                it(`confines team ${team}'s AppProject to its repositories and namespace, no cluster resources`, () => {
                    const spec = projectNamed(ok(stack), team).inputs.spec;
                    assert.deepEqual(spec.sourceRepos, repos);
                    assert.deepEqual(spec.destinations, [{ server: IN_CLUSTER, namespace: team }]);
                    assert.deepEqual(spec.clusterResourceWhitelist ?? [], []);
                    assert.equal(spec.clusterResourceBlacklist, undefined);
                    assert.deepEqual(spec.roles ?? [], []);
                });

                it(`lets team ${team} sync only an allow-list of kinds, without gateways, ingresses or guardrails`, () => {
                    const spec = projectNamed(ok(stack), team).inputs.spec;
                    assert.equal(spec.namespaceResourceBlacklist, undefined, "an allow-list, not a blacklist");
                    const allowed = spec.namespaceResourceWhitelist.map((k: { group: string; kind: string }) => `${k.group}/${k.kind}`);
                    for (const kind of ["apps/Deployment", "/Service", "/ConfigMap", "networking.istio.io/VirtualService", "monitoring.coreos.com/ServiceMonitor"]) {
                        assert.ok(allowed.includes(kind), `${kind} is a team's`);
                    }
                    for (const kind of ["networking.istio.io/Gateway", "gateway.networking.k8s.io/Gateway", "networking.k8s.io/Ingress",
                        "networking.istio.io/ServiceEntry", "networking.istio.io/EnvoyFilter", "security.istio.io/PeerAuthentication",
                        "/ResourceQuota", "/LimitRange", "networking.k8s.io/NetworkPolicy", "rbac.authorization.k8s.io/RoleBinding",
                        "rbac.authorization.k8s.io/Role", "monitoring.coreos.com/AlertmanagerConfig"]) {
                        assert.ok(!allowed.includes(kind), `${kind} is not a team's`);
                    }
                    assert.ok(!allowed.some((k: string) => k.includes("*")), "no wildcard");
                });

                it(`syncs team ${team}'s Applications as a ServiceAccount in its namespace, whose Role grants exactly the allowed kinds`, () => {
                    const run = ok(stack);
                    const spec = projectNamed(run, team).inputs.spec;
                    assert.deepEqual(spec.destinationServiceAccounts, [{ server: IN_CLUSTER, namespace: team, defaultServiceAccount: "argocd-sync" }]);
                    const inTeam = (type: string) => ofType(run, type).filter((r) => r.inputs.metadata.namespace === team && r.inputs.metadata.name === "argocd-sync");
                    assert.equal(inTeam("kubernetes:core/v1:ServiceAccount").length, 1, "the sync ServiceAccount");
                    const [binding] = inTeam("kubernetes:rbac.authorization.k8s.io/v1:RoleBinding");
                    assert.deepEqual(binding.inputs.subjects, [{ kind: "ServiceAccount", name: "argocd-sync", namespace: team }]);
                    assert.deepEqual(binding.inputs.roleRef, { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "argocd-sync" });
                    const [role] = inTeam("kubernetes:rbac.authorization.k8s.io/v1:Role");
                    const granted = role.inputs.rules.flatMap((r: any) => r.apiGroups.flatMap((g: string) => r.resources.map((res: string) => `${g}/${res}`))).sort();
                    const plural = (kind: string) => `${kind.toLowerCase()}s`.replace(/ys$/, "ies");
                    const allowed = spec.namespaceResourceWhitelist.map((k: { group: string; kind: string }) => `${k.group}/${plural(k.kind)}`).sort();
                    assert.deepEqual(granted, allowed, "the Role and the allow-list name the same kinds");
                });
            }

            it("empties Argo CD's built-in default project, so naming it syncs nothing", () => {
                const spec = projectNamed(ok(stack), "default").inputs.spec;
                assert.deepEqual(spec.sourceRepos, []);
                assert.deepEqual(spec.destinations, []);
                assert.deepEqual(spec.namespaceResourceWhitelist, []);
                assert.deepEqual(spec.clusterResourceWhitelist, []);
            });

            it("switches sync impersonation on in argocd-cm", () => {
                assert.equal(valuesOf(ok(stack)).configs.cm["application.sync.impersonation.enabled"], true);
            });

            itRendered("renders argocd-cm with sync impersonation enabled", async () => {
                const objects = await renderedBy(ok(stack), "argocd");
                const cm = objects.find((o) => o.kind === "ConfigMap" && o.metadata.name === "argocd-cm");
                assert.equal(String(cm?.data?.["application.sync.impersonation.enabled"]), "true");
            });

            it("registers one AppProject per team plus the platform's and the emptied default, all in argocd", () => {
                const projects = projectsOf(ok(stack));
                assert.deepEqual(projects.map((p) => p.inputs.metadata.name).sort(), ["data", "default", "platform", "shop"]);
                for (const p of projects) assert.equal(p.inputs.metadata.namespace, "argocd");
            });

            it("limits the platform project to Applications from the root repository in argocd", () => {
                const spec = projectNamed(ok(stack), "platform").inputs.spec;
                assert.deepEqual(spec.sourceRepos, [ROOT_REPO]);
                assert.deepEqual(spec.destinations, [{ server: IN_CLUSTER, namespace: "argocd" }]);
                assert.deepEqual(spec.namespaceResourceWhitelist, [{ group: "argoproj.io", kind: "Application" }]);
                assert.deepEqual(spec.clusterResourceWhitelist ?? [], []);
            });

            it(`points the root Application at envs/${stack} and syncs ${prod ? "manually" : "automatically with prune and selfHeal"}`, () => {
                const app = rootApp(ok(stack)).inputs;
                assert.equal(app.metadata.name, "platform-root");
                assert.equal(app.metadata.namespace, "argocd");
                assert.equal(app.spec.project, "platform");
                assert.deepEqual(app.spec.source, { repoURL: ROOT_REPO, path: `envs/${stack}`, targetRevision: "main" });
                assert.deepEqual(app.spec.destination, { server: IN_CLUSTER, namespace: "argocd" });
                if (prod) assert.equal(app.spec.syncPolicy.automated, undefined);
                else assert.deepEqual(app.spec.syncPolicy.automated, { prune: true, selfHeal: true });
                assert.ok(app.spec.syncPolicy.syncOptions.includes("CreateNamespace=false"));
            });

            it("makes every AppProject and Application depend on the argo-cd chart (its CRDs)", () => {
                const run = ok(stack);
                const chartUrn = chartOf(run).urn;
                assert.ok(chartUrn);
                const crs: RecordedResource[] = [...projectsOf(run), ...ofType(run, APPLICATION)];
                assert.equal(crs.length, 5);
                for (const cr of crs) assert.ok(cr.dependencies.includes(chartUrn), `${cr.name} depends on the chart`);
            });
        });
    }

    it("syncs prod automatically when the stack says so", () => {
        const run = ok("prod", { gitops: { syncPolicy: { automated: true, prune: true, selfHeal: false } } });
        assert.deepEqual(rootApp(run).inputs.spec.syncPolicy.automated, { prune: true, selfHeal: false });
    });

    it("keeps the stack's chart values over the defaults, and the defaults beside them", () => {
        const run = ok("dev", {
            chartValues: { argoCd: { server: { replicas: 3, extraArgs: ["--insecure"] }, configs: { cm: { "exec.enabled": true } } } },
        });
        const values = valuesOf(run);
        assert.equal(values.server.replicas, 3);
        assert.deepEqual(values.server.extraArgs, ["--insecure"]);
        assert.equal(values.configs.cm["exec.enabled"], true);
        assert.ok(values.server.resources.limits.memory, "default server resources kept");
        assert.deepEqual(values.configs.secret, { createSecret: false }, "argocd-secret stays the component's");
    });

    it("keeps the mtime fixed across runs while the password is new", () => {
        const adminSecret = (run: RunResult) => unwrap(ofType(run, "kubernetes:core/v1:Secret")
            .find((s) => s.inputs.metadata.name === "argocd-secret")!.serializedInputs.stringData);
        const first = adminSecret(ok("dev"));
        const second = adminSecret(ok("dev", { gitops: { enabled: true } }));
        assert.equal(second["admin.passwordMtime"], first["admin.passwordMtime"]);
        assert.notEqual(second["admin.password"], first["admin.password"]);
    });

    it("gives a new team its own AppProject with exactly its repositories", () => {
        const payments = { name: "payments", group: "team-payments", costCenter: "cc-3003", sourceRepos: ["https://git.example.com/payments/a.git", "https://git.example.com/payments/b.git"] };
        const shop = { name: "shop", group: "team-shop", costCenter: "cc-1001", sourceRepos: TEAM_REPOS.shop };
        const run = ok("staging", { tenancy: { teams: [shop, payments] } });
        assert.deepEqual(projectsOf(run).map((p) => p.inputs.metadata.name).sort(), ["default", "payments", "platform", "shop"]);
        const spec = projectNamed(run, "payments").inputs.spec;
        assert.deepEqual(spec.sourceRepos, payments.sourceRepos);
        assert.deepEqual(spec.destinations, [{ server: IN_CLUSTER, namespace: "payments" }]);
    });

    it("gives Argo CD a real bcrypt hash of the exported password, as the random provider computes it", () => {
        // The one run with real bcrypt in the mocks (about 70 ms a password): Argo CD accepts only bcrypt.
        const run = runStack("prod", {}, { bcryptHashes: true });
        assert.equal(run.error, undefined);
        const hash = argocdSecret(run).stringData["admin.password"];
        assert.match(hash, /^\$2a\$10\$[./A-Za-z0-9]{53}$/, "bcrypt, the provider's $2a$ prefix and cost 10");
        const password = exportedAdminPassword(run);
        assert.ok(compareSync(password, hash), "hash of the exported admin password");
        assert.ok(!compareSync(`${password}x`, hash), "and of no other");
    });

    it("registers nothing when disabled", () => {
        const run = ok("dev", { gitops: { enabled: false } });
        const argo = run.resources.filter((r) =>
            r.type.startsWith("platform:gitops") || r.type.includes("argoproj.io") ||
            (r.type === CHART && r.inputs.chart === "argo-cd") ||
            r.inputs?.metadata?.name === "argocd" || r.inputs?.metadata?.namespace === "argocd" ||
            r.type === "random:index/randomPassword:RandomPassword" && r.name.startsWith("gitops"));
        assert.deepEqual(argo.map((r) => `${r.type} ${r.name}`), []);
        assert.deepEqual(run.outputs.gitops, { namespace: null, serverUrl: null, appProjects: null });
        assert.equal((run.outputs.operators as any).argocdAdminPassword, null);
    });
});
