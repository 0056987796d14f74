// PLT0001 over the declarations teams' programs record (the consumer package's Microservice
// `calls` and `accepts`, annotated on each declaring service's NetworkPolicy), read by the same
// check as the platform's config records on its Namespaces: a one-sided declaration is reported
// when the other team's side would be in the stack, and not when that team deploys elsewhere (a
// team's own CI cannot see the other team's stack); a call declared one way on one side and the
// other way on the other is one-sided, since each way writes its own half only.
import * as assert from "assert";
import { meshAnalysisWarnings } from "../../../policy/policies";
import { CrossTeamCaseService } from "../../consumer/crossTeamCase";
import { runTeamPrograms } from "../../consumer/crossTeamRun";
import { RunResult } from "../../harness";
import { HarnessResource, loadStackPolicyConfig } from "../harness";
import { stackMessages } from "../policyCall";
import { changed, programResources } from "./shopBaseline";

const ANNOTATION = "platform.example.com/cross-team-calls";

const config = () => {
    const entry = { ...(loadStackPolicyConfig("prod")["mesh-analysis-warnings"] as Record<string, any>) };
    delete entry.enforcementLevel;
    return entry;
};
const asHarness = (run: RunResult): HarnessResource[] => run.resources.filter((r) => r.urn)
    .map((r) => ({ type: r.type, name: r.name, urn: r.urn, props: structuredClone(r.inputs), dependencies: r.dependencies, parent: r.parent }));
const oneSided = async (resources: HarnessResource[]) => (await stackMessages(meshAnalysisWarnings, resources, config())).filter((m) => m.startsWith("PLT0001"));
const programs = async (services: CrossTeamCaseService[]) => {
    const run = runTeamPrograms("prod", services);
    assert.equal(run.error, undefined);
    return oneSided(asHarness(run));
};

describe("mesh-analysis: calls between teams declared in the teams' programs (PLT0001)", function () {
    this.timeout(300_000);

    it("stays silent when both programs declare the call", async () => {
        assert.deepStrictEqual(await programs([
            { team: "data", name: "reports", calls: ["shop/orders"] }, { team: "shop", name: "orders", accepts: ["data/reports"] },
        ]), []);
    });

    it("reports a call the callee's program does not accept, on the caller's NetworkPolicy, naming both", async () => {
        assert.deepStrictEqual(await programs([{ team: "data", name: "reports", calls: ["shop/orders"] }, { team: "shop", name: "orders" }]), [
            "PLT0001 NetworkPolicy data/reports: data/reports calls shop/orders, but shop/orders does not accept it: no policy admits the call [OneSidedCrossTeamCall, Warning]",
        ]);
    });

    it("reports an accepted caller whose team's program in the stack declares no call", async () => {
        assert.deepStrictEqual(await programs([{ team: "shop", name: "orders", accepts: ["data/reports"] }, { team: "data", name: "ledger" }]), [
            "PLT0001 NetworkPolicy shop/orders: shop/orders accepts data/reports, but data/reports declares no call to it: no policy admits the call [OneSidedCrossTeamCall, Warning]",
        ]);
    });

    it("stays silent on a team's own stack, which cannot see the other team's", async () => {
        assert.deepStrictEqual(await programs([{ team: "shop", name: "orders", accepts: ["data/reports", "data"] }]), []);
        assert.deepStrictEqual(await programs([{ team: "data", name: "reports", calls: ["shop/orders"] }]), []);
    });

    it("stays silent in the platform's stack, whose team Namespaces say nothing of what the teams' own stacks declare", async () => {
        const accepted = changed(programResources("prod"), "NetworkPolicy", "shop/orders",
            (p) => { p.metadata.annotations = { [ANNOTATION]: JSON.stringify({ orders: { accepts: ["data/reports"] } }) }; });
        assert.deepStrictEqual(await oneSided(accepted), []);
    });

    it("reports a call declared in the platform's config on one side and in a program on the other, on both", async () => {
        const prod = programResources("prod");
        const mixed = changed(
            changed(prod, "Namespace", "default/data", (p) => { p.metadata.annotations = { ...p.metadata.annotations, [ANNOTATION]: JSON.stringify({ reports: { calls: ["shop/orders"] } }) }; }),
            "NetworkPolicy", "shop/orders", (p) => { p.metadata.annotations = { [ANNOTATION]: JSON.stringify({ orders: { accepts: ["data/reports"] } }) }; });
        assert.deepStrictEqual((await oneSided(mixed)).sort(), [
            "PLT0001 Namespace data: data/reports calls shop/orders, but shop/orders does not accept it: no policy admits the call " +
            "(the other side declares it in a team's program: both sides declare a call the same way) [OneSidedCrossTeamCall, Warning]",
            "PLT0001 NetworkPolicy shop/orders: shop/orders accepts data/reports, but data/reports declares no call to it: no policy admits the call " +
            "(the other side declares it in the platform's config: both sides declare a call the same way) [OneSidedCrossTeamCall, Warning]",
        ]);
    });
});
