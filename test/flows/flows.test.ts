// Default-deny in every platform namespace, and the flow check: every flow the plan's objects need
// is a row of the flow table (infra/flows.ts) and the NetworkPolicies allow it, and they allow
// nothing the table does not list.
import { strict as assert } from "assert";
import { Flow, flowPolicies } from "../../components/tenancy/flows";
import { ADDRESS_BLOCKS, platformFlows } from "../../infra/flows";
import { NAMESPACES } from "../../infra/namespaces";
import { PROFILES } from "../../stacks/profiles";
import { ofType, RunResult, runOk } from "../harness";
import { renderedStack, withChartCache } from "../harness/renderedCharts";
import {
    checkNeededFlows, dialledServices, End, meshTraceExport, NeededFlow, PolicyRecord, policiesAllow, scrapes, webhookCalls,
} from "./flowCheck";

const NETPOL = "kubernetes:networking.k8s.io/v1:NetworkPolicy";
const NS = "kubernetes:core/v1:Namespace";
const STACKS = ["dev", "staging", "prod"] as const;

function namespaces(run: RunResult) {
    const labels: Record<string, Record<string, string>> = {};
    for (const ns of ofType(run, NS)) {
        const name = ns.inputs.metadata.name;
        labels[name] = { ...ns.inputs.metadata.labels, "kubernetes.io/metadata.name": name };
    }
    const platform = Object.keys(labels).filter((n) => labels[n]["platform.example.com/tenant"] === "false");
    const tenants = new Set(Object.keys(labels).filter((n) => labels[n]["platform.example.com/tenant"] === "true"));
    const meshed = Object.keys(labels).filter((n) => labels[n]["istio.io/rev"] !== undefined);
    return { labels, platform, tenants, meshed };
}

const policiesOf = (run: RunResult): PolicyRecord[] =>
    ofType(run, NETPOL).map((r) => ({ namespace: r.inputs.metadata.namespace, name: r.inputs.metadata.name, spec: r.inputs.spec }));

function neededFlows(run: RunResult): NeededFlow[] {
    const { meshed } = namespaces(run);
    return [...dialledServices(run.resources), ...meshTraceExport(run.resources, meshed), ...scrapes(run.resources, NAMESPACES.monitoring)];
}

describe("platform flows", () => {
    for (const stack of STACKS) {
        describe(stack, () => {
            const table = () => platformFlows(PROFILES[stack]);

            it("gives every platform namespace a default-deny policy for both directions", () => {
                const run = runOk(stack);
                const { platform } = namespaces(run);
                assert.ok(platform.length >= 10, `platform namespaces: ${platform.join(", ")}`);
                for (const namespace of platform) {
                    const deny = policiesOf(run).find((p) => p.namespace === namespace && p.name === "default-deny");
                    assert.ok(deny, `${namespace} has default-deny`);
                    assert.deepEqual(deny.spec.podSelector, {});
                    assert.deepEqual([...deny.spec.policyTypes].sort(), ["Egress", "Ingress"]);
                    assert.equal(deny.spec.ingress, undefined);
                    assert.equal(deny.spec.egress, undefined);
                }
            });

            it("allows every flow the plan's objects dial, scrape or export to, each through a row of the table", () => {
                const run = runOk(stack);
                const { labels, tenants } = namespaces(run);
                const needed = neededFlows(run);
                const describe = (f: NeededFlow) => `${JSON.stringify(f.from)}->${JSON.stringify(f.to)}`;
                // What the check must have found, or it proves nothing: the add-ons' known dependencies.
                const expected: [End, End][] = [
                    [{ namespace: "fluent-bit" }, { namespace: "logging" }],
                    [{ namespace: "monitoring" }, { namespace: "tracing" }],
                    [{ namespace: "monitoring" }, { namespace: "logging" }],
                    [{ namespace: "istio-system" }, { namespace: "monitoring" }],
                    [{ namespace: "istio-ingress" }, { namespace: "tracing" }],
                    [{ namespace: "shop" }, { namespace: "tracing" }],
                    [{ namespace: "monitoring" }, { namespace: "shop" }],
                    [{ namespace: "argocd" }, { addresses: "apiServer" }],
                ];
                for (const [from, to] of expected) {
                    assert.ok(needed.some((f) => describe(f) === `${JSON.stringify(from)}->${JSON.stringify(to)}`),
                        `the check derives ${JSON.stringify(from)} -> ${JSON.stringify(to)}; derived: ${[...new Set(needed.map(describe))].join("; ")}`);
                }
                assert.deepEqual(checkNeededFlows(needed, table(), policiesOf(run), labels, tenants), []);
            });

            it("allows in the platform namespaces only the table's flows, with the table's ports", () => {
                const run = runOk(stack);
                const { platform, labels } = namespaces(run);
                const rows = new Map(table().map((row) => [`flow-${row.name}`, row]));
                const every = [...Object.keys(labels), "kube-system"];
                const matched = (peers: any[]) => every.filter((namespace) => peers.some((peer) =>
                    peer.namespaceSelector && Object.entries(peer.namespaceSelector.matchLabels ?? {})
                        .every(([k, v]) => (labels[namespace] ?? { "kubernetes.io/metadata.name": namespace })[k] === v))).sort();
                const rowEnd = (end: Flow["from"]) => end.kind === "namespace" ? [end.name]
                    : end.kind === "tenants" ? every.filter((n) => labels[n]?.["platform.example.com/tenant"] === "true").sort()
                        : end.kind === "dns" ? ["kube-system"] : [];
                for (const policy of policiesOf(run).filter((p) => platform.includes(p.namespace) && p.name !== "default-deny")) {
                    const row = rows.get(policy.name);
                    assert.ok(row, `${policy.namespace}/${policy.name} is no row of the flow table`);
                    const ports = row.ports?.map((p) => ({ port: p.port, protocol: p.protocol ?? "TCP" }));
                    for (const [direction, peersKey, otherEnd, ownEnd] of [["ingress", "from", row.from, row.to], ["egress", "to", row.to, row.from]] as const) {
                        for (const rule of policy.spec[direction] ?? []) {
                            assert.ok(ownEnd.kind === "namespace" && ownEnd.name === policy.namespace, `${policy.name}: ${direction} only where the flow ${direction === "ingress" ? "ends" : "starts"}`);
                            assert.deepEqual(rule.ports, ports, `${policy.namespace}/${policy.name} ${direction} ports`);
                            const peers = rule[peersKey];
                            assert.ok(Array.isArray(peers) && peers.length > 0, `${policy.name}: ${direction} names its peers`);
                            if (otherEnd.kind === "addresses") {
                                assert.ok(peers.every((p: any) => p.ipBlock && !p.namespaceSelector), `${policy.name}: addresses only`);
                                assert.ok(ports !== undefined, `${policy.name}: an address peer is always narrowed to ports`);
                            } else {
                                assert.deepEqual(matched(peers), rowEnd(otherEnd), `${policy.namespace}/${policy.name} ${direction} peers`);
                            }
                        }
                    }
                }
                const perNamespace = (ns: string) => policiesOf(run).filter((p) => p.namespace === ns).length;
                for (const namespace of platform) {
                    const touching = flowPolicies(table(), platform, ADDRESS_BLOCKS).filter((p) => p.namespace === namespace).length;
                    assert.equal(perNamespace(namespace), touching + 1, `${namespace}: default-deny and one policy per row touching it`);
                }
            });
        });
    }

    it("fails the check when a row is missing, naming the flow and what needs it", () => {
        const run = runOk("prod");
        const { labels, tenants, platform } = namespaces(run);
        const planted = platformFlows(PROFILES.prod).filter((row) => row.name !== "fluent-bit-to-elasticsearch");
        const policies = [
            ...policiesOf(run).filter((p) => !platform.includes(p.namespace)),
            ...platform.map((namespace) => ({ namespace, name: "default-deny", spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"] } })),
            ...flowPolicies(planted, platform, ADDRESS_BLOCKS),
        ];
        const problems = checkNeededFlows(neededFlows(run), planted, policies, labels, tenants);
        assert.equal(problems.length, 1, problems.join("\n"));
        assert.match(problems[0], /^fluent-bit -> logging:9200 \(needed by fluent-bit .*elasticsearch-es-http\.logging\.svc.*\) is not in the flow table$/);
    });

    it("fails the check when the table lists a flow the policies do not allow", () => {
        const run = runOk("prod");
        const { labels, tenants } = namespaces(run);
        const policies = policiesOf(run).filter((p) => !(p.namespace === "tracing" && p.name === "flow-tenants-to-otlp"));
        const problems = checkNeededFlows(neededFlows(run), platformFlows(PROFILES.prod), policies, labels, tenants);
        assert.ok(problems.length > 0);
        for (const problem of problems) assert.match(problem, /^(shop|data) -> tracing:4317 .*table row tenants-to-otlp\) is not allowed/);
    });

    it("leaves out a row whose namespace the stack does not create, and refuses a row listed twice", () => {
        const row = (name: string, to: string): Flow => ({ name, from: { kind: "namespace", name: "monitoring" }, to: { kind: "namespace", name: to }, ports: [{ port: 1 }], why: "test" });
        const policies = flowPolicies([row("a", "tracing"), row("b", "logging")], ["monitoring", "logging"], ADDRESS_BLOCKS);
        assert.deepEqual(policies.map((p) => `${p.namespace}/${p.name}`), ["monitoring/flow-b", "logging/flow-b"]);
        assert.throws(() => flowPolicies([row("a", "tracing"), row("a", "logging")], ["monitoring"], ADDRESS_BLOCKS), /flow "a" is listed twice/);
        const withoutTracing = runOk("dev", { tracing: { enabled: false } });
        const touchingTracing = policiesOf(withoutTracing).filter((p) => JSON.stringify(p.spec).includes('"tracing"'));
        assert.deepEqual(touchingTracing.map((p) => `${p.namespace}/${p.name}`), []);
    });

    it("reads the policies as the API server does: an isolated namespace admits only what a rule allows", () => {
        const run = runOk("prod");
        const { labels } = namespaces(run);
        const policies = policiesOf(run);
        const allows = (from: End, to: End, port?: number) => policiesAllow(policies, { from, to, port }, labels);
        assert.ok(allows({ namespace: "fluent-bit" }, { namespace: "logging" }, 9200));
        assert.ok(!allows({ namespace: "fluent-bit" }, { namespace: "logging" }, 9300), "only Elasticsearch's HTTP port");
        assert.ok(!allows({ namespace: "shop" }, { namespace: "logging" }, 9200), "a team does not reach Elasticsearch");
        assert.ok(!allows({ namespace: "shop" }, { namespace: "monitoring" }, 9090), "a team does not reach Prometheus");
        assert.ok(!allows({ namespace: "argocd" }, { namespace: "monitoring" }, 9090), "Argo CD does not reach Prometheus");
        assert.ok(!allows({ addresses: "internet" }, { namespace: "monitoring" }, 3000), "nothing outside reaches Grafana");
        assert.ok(allows({ namespace: "istio-system" }, { namespace: "monitoring" }, 3000), "Kiali reaches Grafana's pod port");
        assert.ok(allows({ namespace: "argocd" }, { addresses: "internet" }, 443), "Argo CD reaches its repositories");
        // Until ADDRESS_BLOCKS narrows the API server's CIDR, its port is open to any address: only the port holds.
        assert.ok(!allows({ namespace: "logging" }, { addresses: "internet" }, 80), "the logging namespace leaves the pod network only on the API server's ports");
        assert.ok(!allows({ namespace: "tracing" }, { addresses: "internet" }, 443), "Jaeger does not leave the cluster");
    });

    withChartCache("the flow check over rendered charts (webhooks, the charts' own monitors and URLs)", (cache) => {
        for (const stack of STACKS) it(`${stack}: the API server reaches every webhook the charts install, and the charts' scrape targets`, async () => {
            const { run, resources } = await renderedStack(stack, cache);
            const { labels, tenants } = namespaces(run);
            const needed = [...webhookCalls(resources), ...scrapes(resources, NAMESPACES.monitoring), ...dialledServices(resources)];
            assert.ok(webhookCalls(resources).length > 0, "the charts install webhooks");
            const targets = new Set(scrapes(resources, NAMESPACES.monitoring).map((f) => JSON.stringify(f.to)));
            for (const end of [{ dns: true }, { addresses: "nodes" }, { addresses: "apiServer" }, { namespace: "node-exporter" }]) {
                assert.ok(targets.has(JSON.stringify(end)), `the charts' monitors scrape ${JSON.stringify(end)}; found ${[...targets].join(", ")}`);
            }
            assert.deepEqual(checkNeededFlows(needed, platformFlows(PROFILES[stack]), policiesOf(run), labels, tenants), []);
        });
    });
});
