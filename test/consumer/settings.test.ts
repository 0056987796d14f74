// The package's lookups and derived settings over the real outputs of each platform stack, in
// process (the packed package's own run is package.test.ts).
import { strict as assert } from "assert";
import {
    CONTRACT_AREAS, PlatformContract, PlatformStack, readContract, ServiceRequest, serviceSettings,
} from "@reference-platform/consumer";
import { MESH_OFF, RunResult, runStack, StackOverrides } from "../harness";

const contractOf = (run: RunResult): Record<string, unknown> =>
    Object.fromEntries(["contractVersion", ...CONTRACT_AREAS].map((k) => [k, run.outputs[k]]));

function platformStack(stack: string, overrides: StackOverrides = {}): PlatformStack {
    const name = `acme/platform/${stack}`;
    return new PlatformStack(name, readContract(name, contractOf(runStack(stack, overrides))));
}

/** A copy of a stack's contract with one area changed. */
function edited(p: PlatformStack, edit: (c: PlatformContract) => void): PlatformStack {
    const contract = structuredClone(p.contract);
    edit(contract);
    return new PlatformStack(p.stack, contract);
}

const throwsNaming = (fn: () => unknown, message: RegExp) => assert.throws(fn, (e: Error) => {
    assert.match(e.message, message);
    return true;
});

describe("consumer package: lookups and derived settings", () => {
    describe("team lookups", () => {
        const dev = () => platformStack("dev");

        it("finds a team's namespace and AppProject", () => {
            const run = runStack("dev");
            const p = dev();
            assert.equal(p.teamNamespace("data"), (run.outputs.namespaces as any).teams.data);
            assert.equal(p.appProject("shop"), (run.outputs.gitops as any).appProjects.shop);
            assert.deepEqual(p.teams, Object.keys((run.outputs.namespaces as any).teams).sort());
        });

        for (const team of ["constructor", "__proto__", "hasOwnProperty", "toString", "nobody", ""]) {
            it(`fails for ${JSON.stringify(team)}, naming the platform's teams`, () => {
                throwsNaming(() => dev().teamNamespace(team), new RegExp(`^platform stack "acme/platform/dev": has no tenant team ${JSON.stringify(team)}; its teams: data, shop$`));
                throwsNaming(() => dev().appProject(team), /has no tenant team/);
            });
        }

        it("fails for an AppProject when GitOps is off, naming what the stack has", () => {
            throwsNaming(() => platformStack("dev", { gitops: { enabled: false } }).appProject("data"),
                /gitops is disabled in that stack \(the AppProject of team "data" needs it\); it has: mesh, monitoring, tracing, logging, kiali$/);
        });
    });

    describe("reading the contract", () => {
        it("ignores fields a newer contract added, and keeps the ones it knows", () => {
            const outputs = contractOf(runStack("prod"));
            const newer = { ...outputs, contractVersion: 99, mesh: { ...(outputs.mesh as object), ambient: true }, future: {} };
            const contract = readContract("acme/platform/prod", newer);
            assert.equal(contract.contractVersion, 99);
            assert.deepEqual(contract.mesh, outputs.mesh);
        });

        it("names every mistyped field", () => {
            const outputs = contractOf(runStack("dev"));
            const workloads = outputs.workloads as any;
            const broken = { ...outputs, workloads: { ...workloads, replicas: 0, resources: { ...workloads.resources, requests: { cpu: "lots", memory: "64Mi" } } } };
            throwsNaming(() => readContract("acme/platform/dev", broken), /workloads\.replicas: .*; workloads\.resources\.requests\.cpu: /);
        });

        it("does not read inherited keys as outputs", () => {
            const outputs = Object.create(contractOf(runStack("dev")));
            throwsNaming(() => readContract("acme/platform/dev", outputs), /has no output "contractVersion"/);
        });
    });

    describe("derived settings", () => {
        it("take the LimitRange defaults and the quota the team's namespace really gets", () => {
            for (const stack of ["dev", "staging", "prod"]) {
                const run = runStack(stack);
                const namespace = (run.outputs.namespaces as any).teams.data;
                const inNamespace = (type: string) => run.resources.find((r) => r.type === type && r.inputs.metadata?.namespace === namespace)!;
                const limitRange = inNamespace("kubernetes:core/v1:LimitRange").inputs.spec.limits[0];
                const hard = inNamespace("kubernetes:core/v1:ResourceQuota").inputs.spec.hard;
                const limits = serviceSettings(platformStack(stack), { team: "data" }).namespaceLimits;
                assert.equal(limits.namespace, namespace);
                assert.deepEqual(limits.containerDefaults, { requests: limitRange.defaultRequest, limits: limitRange.default }, stack);
                assert.deepEqual(limits.quota, {
                    requestsCpu: hard["requests.cpu"], requestsMemory: hard["requests.memory"],
                    limitsCpu: hard["limits.cpu"], limitsMemory: hard["limits.memory"], pods: Number(hard.pods),
                }, stack);
            }
        });

        it("take the workload defaults and Pod Security level from the stack", () => {
            for (const stack of ["dev", "staging", "prod"]) {
                const outputs = runStack(stack).outputs as any;
                const s = serviceSettings(platformStack(stack), { team: "shop" });
                assert.equal(s.podSecurityLevel, outputs.namespaces.teamPodSecurityLevel);
                assert.deepEqual(s.defaults.autoscaling, outputs.workloads.autoscaling);
                assert.deepEqual(s.defaults.resources.requests, outputs.workloads.resources.requests);
                assert.equal("cpu" in s.defaults.resources.limits, outputs.workloads.resources.limits.cpu !== null);
            }
        });

        it("leave out what the service does not use, and what the stack does not run", () => {
            const s = serviceSettings(platformStack("prod"), { team: "data", uses: { tracing: false } });
            assert.equal(s.tracing, undefined);
            const none = serviceSettings(platformStack("dev", { monitoring: { enabled: false }, tracing: { enabled: false } }), { team: "data" });
            assert.deepEqual([none.monitoring, none.scrape, none.tracing], [undefined, null, undefined]);
            assert.ok(none.mesh);
        });

        it("never scrape plain http under STRICT mTLS: a stack without a scrape identity fails", () => {
            const prod = platformStack("prod");
            assert.equal(serviceSettings(prod, { team: "data" }).scrape?.scheme, "https");
            throwsNaming(() => serviceSettings(edited(prod, (c) => { c.monitoring.mtlsScrape = null; }), { team: "data" }),
                /its mesh enforces STRICT mTLS but monitoring\.mtlsScrape is null/);
            const permissive = edited(prod, (c) => { c.mesh.mtlsMode = "PERMISSIVE"; });
            assert.deepEqual(serviceSettings(permissive, { team: "data" }).scrape, { scheme: "http", identity: null });
        });

        it("without a mesh, scrape plain http and build no mesh settings", () => {
            const s = serviceSettings(platformStack("prod", MESH_OFF), { team: "data" });
            assert.equal(s.mesh, undefined);
            assert.deepEqual(s.scrape, { scheme: "http", identity: null });
        });

        it("fail for a required add-on the stack lacks, naming what it has", () => {
            const p = platformStack("dev", { tracing: { enabled: false }, logging: { enabled: false } });
            throwsNaming(() => serviceSettings(p, { team: "data", uses: { tracing: true } }),
                /^platform stack "acme\/platform\/dev": tracing is disabled in that stack \(uses\.tracing: true needs it\); it has: mesh, monitoring, gitops, kiali$/);
        });

        it("reject a mistyped request, naming the key and what is accepted", () => {
            const p = platformStack("dev");
            throwsNaming(() => serviceSettings(p, { team: "data", uses: { mtlsScrape: true } } as unknown as ServiceRequest),
                /^service request: uses\.mtlsScrape: unknown key; accepted: mesh, monitoring, tracing$/);
            throwsNaming(() => serviceSettings(p, { team: 3 } as unknown as ServiceRequest), /^service request: team: /);
        });
    });
});
