// Calls between teams declared in the teams' own programs (the consumer package's Microservice
// `calls` and `accepts`): each side writes only its own half, in its own namespace, and the halves
// are the objects the platform writes for the same call declared in its stack config; one side
// alone writes only its half; a bad declaration stops the program before anything is registered,
// with the platform config's rule and message, naming the service and field.
import { strict as assert } from "assert";
import { checkMicroservice, MicroserviceArgs } from "@reference-platform/consumer/microservice";
import { PlatformStack, readContract, serviceSettings, CONTRACT_AREAS } from "@reference-platform/consumer";
import { DEFAULT_TEAMS } from "../../stacks/shared";
import { ofType, RecordedResource, RunResult, runStack } from "../harness";
import { CrossTeamCaseService } from "./crossTeamCase";
import { runTeamPrograms } from "./crossTeamRun";

const NETPOL = "kubernetes:networking.k8s.io/v1:NetworkPolicy";
const AUTHZ = "kubernetes:security.istio.io/v1:AuthorizationPolicy";
const ANNOTATION = "platform.example.com/cross-team-calls";

/** The platform stack with DEFAULT_TEAMS (shop, data) declaring services in its tenancy config. */
function platformWith(stack: string, shop: Record<string, unknown> = {}, data: Record<string, unknown> = {}): RunResult {
    const [shopTeam, dataTeam] = DEFAULT_TEAMS;
    if (Object.keys(shop).length + Object.keys(data).length === 0) return runStack(stack);
    return runStack(stack, { tenancy: { teams: [{ ...shopTeam, services: shop }, { ...dataTeam, services: data }] } });
}

/** The team programs of `services` in one stack, reading the plain platform stack `stack`. */
const programs = (stack: string, services: CrossTeamCaseService[]) => runTeamPrograms(stack, services, platformWith(stack));

const find = (run: RunResult, type: string, namespace: string, name: string): RecordedResource | undefined =>
    ofType(run, type).find((r) => r.inputs.metadata.namespace === namespace && r.inputs.metadata.name === name);
const crossTeamObjects = (run: RunResult) => [...ofType(run, NETPOL), ...ofType(run, AUTHZ)]
    .filter((r) => /^(calls|accepts)-/.test(r.inputs.metadata.name))
    .map((r) => `${r.type.split(":").pop()} ${r.inputs.metadata.namespace}/${r.inputs.metadata.name}`).sort();

const REPORTS_CALLS_ORDERS: CrossTeamCaseService = { team: "data", name: "reports", calls: ["shop/orders"] };
const ORDERS_ACCEPTS_REPORTS: CrossTeamCaseService = { team: "shop", name: "orders", accepts: ["data/reports"] };

describe("calls between teams, declared in the teams' programs (consumer package)", function () {
    this.timeout(300_000);

    describe("both teams declare the call: data's reports calls shop's orders", () => {
        const run = () => programs("prod", [REPORTS_CALLS_ORDERS, ORDERS_ACCEPTS_REPORTS]);
        const platform = () => platformWith("prod", { orders: { accepts: ["data/reports"] } }, { reports: { calls: ["shop/orders"] } });

        it("writes each half in its own team's namespace: the objects the platform writes for the same call", () => {
            assert.equal(run().error, undefined);
            assert.deepEqual(crossTeamObjects(run()), ["AuthorizationPolicy shop/accepts-orders", "NetworkPolicy data/calls-reports", "NetworkPolicy shop/accepts-orders"]);
            assert.deepEqual(crossTeamObjects(run()), crossTeamObjects(platform()));
            for (const [type, namespace, name] of [[NETPOL, "data", "calls-reports"], [NETPOL, "shop", "accepts-orders"], [AUTHZ, "shop", "accepts-orders"]]) {
                assert.deepEqual(find(run(), type, namespace, name)!.inputs.spec, find(platform(), type, namespace, name)!.inputs.spec, `${namespace}/${name}`);
            }
        });

        it("admits the caller's SPIFFE principal, cluster.local/ns/<its team's namespace>/sa/<service>", () => {
            assert.deepEqual(find(run(), AUTHZ, "shop", "accepts-orders")!.inputs.spec.rules,
                [{ from: [{ source: { principals: ["cluster.local/ns/data/sa/reports"] } }] }]);
        });

        it("records each side's declarations on its service's NetworkPolicy, in its own namespace, for the pack", () => {
            const annotation = (namespace: string, name: string) => JSON.parse(find(run(), NETPOL, namespace, name)!.inputs.metadata.annotations[ANNOTATION]);
            assert.deepEqual(annotation("data", "reports"), { reports: { calls: ["shop/orders"] } });
            assert.deepEqual(annotation("shop", "orders"), { orders: { accepts: ["data/reports"] } });
        });
    });

    it("writes only the caller's half when only the caller declares the call", () => {
        const run = programs("prod", [REPORTS_CALLS_ORDERS, { team: "shop", name: "orders" }]);
        assert.equal(run.error, undefined);
        assert.deepEqual(crossTeamObjects(run), ["NetworkPolicy data/calls-reports"]);
        assert.equal(find(run, NETPOL, "shop", "orders")!.inputs.metadata.annotations, undefined);
    });

    it("writes only the callee's half when only the callee declares it", () => {
        const run = programs("prod", [ORDERS_ACCEPTS_REPORTS]);
        assert.equal(run.error, undefined);
        assert.deepEqual(crossTeamObjects(run), ["AuthorizationPolicy shop/accepts-orders", "NetworkPolicy shop/accepts-orders"]);
    });

    it("accepts a whole team: every pod of its namespace below the mesh, any of its accounts in the mesh", () => {
        const run = programs("prod", [{ team: "shop", name: "orders", accepts: ["data"] }]);
        assert.equal(run.error, undefined);
        assert.deepEqual(find(run, NETPOL, "shop", "accepts-orders")!.inputs.spec.ingress[0].from,
            [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "data" } } }]);
        assert.deepEqual(find(run, AUTHZ, "shop", "accepts-orders")!.inputs.spec.rules,
            [{ from: [{ source: { principals: ["cluster.local/ns/data/sa/*"] } }] }]);
    });

    it("writes no AuthorizationPolicy for a service outside the mesh", () => {
        const run = programs("dev", [{ ...ORDERS_ACCEPTS_REPORTS, uses: { mesh: false, monitoring: false } }]);
        assert.equal(run.error, undefined);
        assert.deepEqual(crossTeamObjects(run), ["NetworkPolicy shop/accepts-orders"]);
    });

    it("stops before registering anything on a bad declaration, naming the service and field", () => {
        const run = programs("prod", [{ team: "data", name: "reports", calls: ["orders"] }, ORDERS_ACCEPTS_REPORTS]);
        assert.match(run.error ?? "", /Microservice "reports" is invalid:\n {2}- calls\[0\]: must be "<team>\/<service>" \(e\.g\. "data\/orders"\)/);
        assert.deepEqual(run.resources.filter((r) => !/^pulumi:pulumi:(Stack|StackReference)$/.test(r.type)), []);
    });

    describe("checks a declaration with the platform config's rules and messages", () => {
        const stack = () => {
            const run = runStack("prod");
            return new PlatformStack("organization/platform/prod", readContract("organization/platform/prod",
                Object.fromEntries(["contractVersion", ...CONTRACT_AREAS].map((k) => [k, run.outputs[k]]))));
        };
        const args = (fields: Partial<MicroserviceArgs>): MicroserviceArgs => {
            const settings = serviceSettings(stack(), { team: "data" });
            return {
                namespace: settings.namespace, team: settings.team, environment: "prod", image: "ghcr.io/stefanprodan/podinfo:6.9.2",
                ports: { http: 9898 }, defaults: settings.defaults, platformNamespaces: settings.platformNamespaces,
                teamNamespaces: settings.teamNamespaces, ...fields,
            };
        };
        const problems = (fields: Partial<MicroserviceArgs>) => {
            const checked = checkMicroservice("reports", args(fields));
            return checked.ok ? [] : checked.problems;
        };

        const cases: [string, Partial<MicroserviceArgs>, string][] = [
            ["a call without the team", { calls: ["orders"] }, 'calls[0]: must be "<team>/<service>" (e.g. "data/orders") (got "orders")'],
            ["a call given as a URL", { calls: ["http://orders.shop.svc/api"] }, 'calls[0]: must be "<team>/<service>" (e.g. "data/orders")'],
            ["a call to a team that does not exist", { calls: ["billing/invoices"] }, "calls[0]: names no tenant team; accepted teams: shop"],
            ["a call to the team's own service", { calls: ["data/ledger"] }, "calls[0]: is a service of this team's own namespace; calls within a namespace are the service's callers"],
            ["an accepted team that does not exist", { accepts: ["billing"] }, "accepts[0]: names no tenant team; accepted teams: shop"],
            ["an accepted caller as a DNS name", { accepts: ["frontend.shop"] }, 'accepts[0]: must be "<team>/<service>" (e.g. "shop/frontend") or a whole team, "<team>"'],
            ["declarations without the teams' namespaces", { calls: ["shop/orders"], teamNamespaces: undefined },
                "teamNamespaces: is required by calls: the platform's tenant teams and their namespaces (settings.teamNamespaces, from serviceSettings)"],
        ];
        for (const [title, fields, expected] of cases) {
            it(`refuses ${title}`, () => {
                const found = problems(fields);
                assert.ok(found.some((p) => p.startsWith(expected)), `expected "${expected}", got:\n${found.join("\n")}`);
            });
        }

        it("takes a call and an accepted team that exist", () => {
            assert.deepEqual(problems({ calls: ["shop/orders"], accepts: ["shop"] }), []);
        });
    });
});
