// Calls between teams: a call both teams declare gets the caller's egress, the callee's ingress and
// its AuthorizationPolicy; a call only one side declares gets nothing, and a message naming both.
import { strict as assert } from "assert";
import { agreeCalls } from "../../components/tenancy/crossTeamCalls";
import { DEFAULT_TEAMS } from "../../stacks/shared";
import { ofType, RecordedResource, RunResult, runOk } from "../harness";

const NETPOL = "kubernetes:networking.k8s.io/v1:NetworkPolicy";
const AUTHZ = "kubernetes:security.istio.io/v1:AuthorizationPolicy";

/** DEFAULT_TEAMS (shop, data) with each team's cross-team declarations. */
function withServices(shop: Record<string, unknown>, data: Record<string, unknown>) {
    const [shopTeam, dataTeam] = DEFAULT_TEAMS;
    return { tenancy: { teams: [{ ...shopTeam, services: shop }, { ...dataTeam, services: data }] } };
}

const find = (run: RunResult, type: string, namespace: string, name: string): RecordedResource | undefined =>
    ofType(run, type).find((r) => r.inputs.metadata.namespace === namespace && r.inputs.metadata.name === name);
const crossTeamObjects = (run: RunResult) => [...ofType(run, NETPOL), ...ofType(run, AUTHZ)]
    .filter((r) => /^(calls|accepts)-/.test(r.inputs.metadata.name));

describe("calls between teams", () => {
    describe("both sides declare the call: data's reports calls shop's orders", () => {
        const run = () => runOk("prod", withServices({ orders: { accepts: ["data/reports"] } }, { reports: { calls: ["shop/orders"] } }));

        it("lets reports' pods out of data to orders' pods in shop, on the http port only", () => {
            const policy = find(run(), NETPOL, "data", "calls-reports");
            assert.ok(policy, "data/calls-reports");
            assert.deepEqual(policy.inputs.spec, {
                podSelector: { matchLabels: { "app.kubernetes.io/name": "reports", "app.kubernetes.io/instance": "reports" } },
                policyTypes: ["Egress"],
                egress: [{
                    to: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "shop" } }, podSelector: { matchLabels: { "app.kubernetes.io/name": "orders", "app.kubernetes.io/instance": "orders" } } }],
                    ports: [{ protocol: "TCP", port: "http" }],
                }],
            });
        });

        it("lets them into orders' pods in shop, from reports' pods in data only", () => {
            const policy = find(run(), NETPOL, "shop", "accepts-orders");
            assert.ok(policy, "shop/accepts-orders");
            assert.deepEqual(policy.inputs.spec.podSelector, { matchLabels: { "app.kubernetes.io/name": "orders", "app.kubernetes.io/instance": "orders" } });
            assert.deepEqual(policy.inputs.spec.policyTypes, ["Ingress"]);
            assert.deepEqual(policy.inputs.spec.ingress, [{
                from: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "data" } }, podSelector: { matchLabels: { "app.kubernetes.io/name": "reports", "app.kubernetes.io/instance": "reports" } } }],
                ports: [{ protocol: "TCP", port: "http" }],
            }]);
        });

        it("admits reports' mesh identity to orders, and no other", () => {
            const policy = find(run(), AUTHZ, "shop", "accepts-orders");
            assert.ok(policy, "shop/accepts-orders AuthorizationPolicy");
            assert.equal(policy.inputs.spec.action, "ALLOW");
            assert.deepEqual(policy.inputs.spec.selector, { matchLabels: { "app.kubernetes.io/name": "orders", "app.kubernetes.io/instance": "orders" } });
            assert.deepEqual(policy.inputs.spec.rules, [{ from: [{ source: { principals: ["cluster.local/ns/data/sa/reports"] } }] }]);
        });

        it("writes nothing else for the call", () => {
            assert.deepEqual(crossTeamObjects(run()).map((r) => `${r.type.split(":").pop()} ${r.inputs.metadata.namespace}/${r.inputs.metadata.name}`).sort(),
                ["AuthorizationPolicy shop/accepts-orders", "NetworkPolicy data/calls-reports", "NetworkPolicy shop/accepts-orders"]);
        });

        it("records both teams' declarations on their namespaces, for the pack", () => {
            const namespaces = ofType(run(), "kubernetes:core/v1:Namespace");
            const annotation = (name: string) => namespaces.find((n) => n.inputs.metadata.name === name)!.inputs.metadata.annotations?.["platform.example.com/cross-team-calls"];
            assert.deepEqual(JSON.parse(annotation("shop")), { orders: { accepts: ["data/reports"] } });
            assert.deepEqual(JSON.parse(annotation("data")), { reports: { calls: ["shop/orders"] } });
        });
    });

    it("accepting a whole team admits only the services of it that declare the call", () => {
        const run = runOk("prod", withServices({ orders: { accepts: ["data"] } }, { reports: { calls: ["shop/orders"] }, ledger: {} }));
        assert.deepEqual(find(run, AUTHZ, "shop", "accepts-orders")?.inputs.spec.rules, [{ from: [{ source: { principals: ["cluster.local/ns/data/sa/reports"] } }] }]);
    });

    for (const [title, shop, data] of [
        ["only the caller declares it", {}, { reports: { calls: ["shop/orders"] } }],
        ["only the callee declares it", { orders: { accepts: ["data/reports"] } }, {}],
        ["the callee accepts another of the caller's services", { orders: { accepts: ["data/ledger"] } }, { reports: { calls: ["shop/orders"] } }],
    ] as const) {
        it(`writes no policy when ${title}`, () => {
            assert.deepEqual(crossTeamObjects(runOk("prod", withServices(shop, data))), []);
        });
    }

    it("reports a one-sided declaration, naming both services and the missing side's key", () => {
        const teams = (shop: Record<string, object>, data: Record<string, object>) => [{ name: "shop", services: shop }, { name: "data", services: data }];
        const callerOnly = agreeCalls(teams({}, { reports: { calls: ["shop/orders"] } }));
        assert.deepEqual(callerOnly.agreed, []);
        assert.deepEqual(callerOnly.oneSided.map((c) => c.message), [
            "data/reports calls shop/orders, but shop/orders does not accept it (platform:tenancy.teams[name=shop].services.orders.accepts); no policy is written for this call",
        ]);
        const calleeOnly = agreeCalls(teams({ orders: { accepts: ["data/reports"] } }, {}));
        assert.deepEqual(calleeOnly.oneSided.map((c) => c.message), [
            "shop/orders accepts data/reports, but data/reports declares no call to it (platform:tenancy.teams[name=data].services.reports.calls); no policy is written for this call",
        ]);
        const both = agreeCalls(teams({ orders: { accepts: ["data/reports"] } }, { reports: { calls: ["shop/orders"] } }));
        assert.deepEqual([both.agreed.length, both.oneSided.length], [1, 0]);
    });

    it("writes the network policies without the mesh, and no AuthorizationPolicy", () => {
        const run = runOk("dev", { ...withServices({ orders: { accepts: ["data/reports"] } }, { reports: { calls: ["shop/orders"] } }),
            mesh: { enabled: false }, shop: { services: { catalog: { delivery: { strategy: "rolling" } } } } });
        assert.deepEqual(crossTeamObjects(run).map((r) => r.type.split(":").pop()).sort(), ["NetworkPolicy", "NetworkPolicy"]);
    });
});
