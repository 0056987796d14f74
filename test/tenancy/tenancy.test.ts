// Tenancy: each team namespace carries its guardrails, at the level each environment promises.
import { strict as assert } from "assert";
import { childrenOf, ofType, one, RunResult, runStack } from "../harness";

const TEAMS = ["shop", "data"];
const EXPECTED_TENANT_LEVEL: Record<string, string> = { dev: "baseline", staging: "restricted", prod: "restricted" };
const NS = "kubernetes:core/v1:Namespace";
const NETPOL = "kubernetes:networking.k8s.io/v1:NetworkPolicy";

function inNamespace(run: RunResult, type: string, namespace: string) {
    return ofType(run, type).filter((r) => r.inputs.metadata?.namespace === namespace);
}

// Where the data of a protected stack lives: deleting either namespace would delete its volume claims.
const STATEFUL_NAMESPACES = ["logging", "monitoring"];
const PROTECTS_STATEFUL_DATA: Record<string, boolean> = { dev: false, staging: false, prod: true };

describe("tenancy", () => {
    for (const stack of ["dev", "staging", "prod"]) {
        describe(stack, () => {
            it(PROTECTS_STATEFUL_DATA[stack]
                ? "protects and retains exactly the namespaces that hold Elasticsearch's and Prometheus's volumes"
                : "protects no namespace", () => {
                const guarded = ofType(runStack(stack), NS).filter((ns) => ns.protect || ns.retainOnDelete);
                for (const ns of guarded) assert.ok(ns.protect && ns.retainOnDelete, `${ns.name}: protect and retainOnDelete together`);
                assert.deepEqual(guarded.map((ns) => ns.inputs.metadata.name).sort(), PROTECTS_STATEFUL_DATA[stack] ? STATEFUL_NAMESPACES : []);
            });

            for (const team of TEAMS) {
                it(`labels the ${team} namespace for Pod Security (${EXPECTED_TENANT_LEVEL[stack]}), the mesh, the team and its cost center`, () => {
                    const labels = one(runStack(stack), NS, team).inputs.metadata.labels;
                    for (const mode of ["enforce", "audit", "warn"]) {
                        assert.equal(labels[`pod-security.kubernetes.io/${mode}`], EXPECTED_TENANT_LEVEL[stack]);
                    }
                    assert.equal(labels["istio.io/rev"], "1-29");
                    assert.equal(labels["platform.example.com/team"], team);
                    assert.match(labels["platform.example.com/cost-center"], /^cc-\d+$/);
                    assert.equal(labels["platform.example.com/tenant"], "true");
                });

                it(`gives ${team} a quota and container defaults`, () => {
                    const run = runStack(stack);
                    const [quota] = inNamespace(run, "kubernetes:core/v1:ResourceQuota", team);
                    for (const key of ["requests.cpu", "requests.memory", "limits.cpu", "limits.memory", "pods", "persistentvolumeclaims", "requests.storage"]) {
                        assert.ok(quota.inputs.spec.hard[key], `quota sets ${key}`);
                    }
                    assert.equal(quota.inputs.spec.hard["services.loadbalancers"], "0", "no LoadBalancer Service of a team's own");
                    assert.equal(quota.inputs.spec.hard["services.nodeports"], "0", "no NodePort Service of a team's own");
                    const [limitRange] = inNamespace(run, "kubernetes:core/v1:LimitRange", team);
                    const container = limitRange.inputs.spec.limits.find((l: { type: string }) => l.type === "Container");
                    assert.ok(container.default.memory && container.defaultRequest.cpu && container.defaultRequest.memory);
                });

                it(`denies all traffic in ${team}, then allows DNS, the gateway and monitoring`, () => {
                    const policies = inNamespace(runStack(stack), NETPOL, team);
                    const deny = policies.find((p) => p.inputs.metadata.name === "default-deny");
                    assert.ok(deny);
                    assert.deepEqual(deny.inputs.spec.podSelector, {});
                    assert.deepEqual([...deny.inputs.spec.policyTypes].sort(), ["Egress", "Ingress"]);
                    assert.equal(deny.inputs.spec.ingress, undefined);
                    assert.equal(deny.inputs.spec.egress, undefined);

                    const dns = policies.find((p) => p.inputs.spec.egress?.some((e: any) =>
                        e.ports?.some((port: any) => port.port === 53 && port.protocol === "UDP")));
                    assert.ok(dns, "DNS egress allowed");
                    assert.equal(dns.inputs.spec.egress[0].to[0].namespaceSelector.matchLabels["kubernetes.io/metadata.name"], "kube-system");

                    const ingressFrom = policies.flatMap((p) => p.inputs.spec.ingress ?? [])
                        .flatMap((rule: any) => rule.from ?? [])
                        .map((peer: any) => peer.namespaceSelector?.matchLabels?.["kubernetes.io/metadata.name"]);
                    assert.ok(ingressFrom.includes("istio-ingress"), "ingress gateway admitted");
                    assert.ok(ingressFrom.includes("monitoring"), "monitoring scrapes admitted");
                });

                it(`binds ${team}'s group to a Role without wildcards, Secrets or exec`, () => {
                    const run = runStack(stack);
                    const role = inNamespace(run, "kubernetes:rbac.authorization.k8s.io/v1:Role", team).find((r) => r.inputs.metadata.name === "team-developer")!;
                    for (const rule of role.inputs.rules) {
                        for (const field of ["verbs", "resources", "apiGroups"]) assert.ok(!rule[field].includes("*"), `no wildcard ${field}`);
                        assert.ok(!rule.resources.includes("secrets"), "no access to Secrets");
                        assert.ok(!rule.resources.includes("pods/exec") && !rule.resources.includes("pods/attach"), "no exec/attach");
                    }
                    const binding = inNamespace(run, "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding", team).find((r) => r.inputs.metadata.name === "team-developer")!;
                    assert.deepEqual(binding.inputs.subjects, [{ apiGroup: "rbac.authorization.k8s.io", kind: "Group", name: `team-${team}` }]);
                    assert.equal(binding.inputs.roleRef.kind, "Role");
                    assert.equal(binding.inputs.roleRef.name, role.inputs.metadata.name);
                });
            }

            it("creates the add-on namespaces with a written reason wherever they are not restricted", () => {
                const run = runStack(stack);
                const platformNamespaces = ofType(run, NS).filter((r) => r.inputs.metadata.labels["platform.example.com/tenant"] === "false");
                const privileged = platformNamespaces
                    .filter((r) => r.inputs.metadata.labels["pod-security.kubernetes.io/enforce"] !== "restricted")
                    .map((r) => r.inputs.metadata.name).sort();
                // The three host-access agents named in DESIGN.md, each in a namespace of its own.
                assert.deepEqual(privileged, ["fluent-bit", "istio-cni", "node-exporter"]);
                for (const ns of platformNamespaces.filter((r) => privileged.includes(r.inputs.metadata.name))) {
                    assert.ok(ns.inputs.metadata.annotations["platform.example.com/pod-security-reason"].length > 20);
                }
            });
        });
    }

    it("creates an add-on's namespaces only when the add-on is on", () => {
        const run = runStack("dev", { logging: { enabled: false }, tracing: { enabled: false } });
        const names = ofType(run, NS).map((r) => r.inputs.metadata.name);
        for (const absent of ["logging", "elastic-system", "fluent-bit", "tracing"]) assert.ok(!names.includes(absent), absent);
        assert.ok(names.includes("monitoring"));
    });

    it("leaves sidecar injection off when the mesh is off", () => {
        const run = runStack("dev", { mesh: { enabled: false } });
        assert.equal(one(run, NS, "shop").inputs.metadata.labels["istio.io/rev"], undefined);
    });

    it("parents each team's objects under its TeamNamespace component", () => {
        const run = runStack("prod");
        const team = one(run, "platform:tenancy:TeamNamespace", "shop");
        const kinds = childrenOf(run, team).map((r) => r.type.split(":").pop()).sort();
        for (const kind of ["LimitRange", "Namespace", "NetworkPolicy", "ResourceQuota", "Role", "RoleBinding"]) {
            assert.ok(kinds.includes(kind), kind);
        }
    });
});
