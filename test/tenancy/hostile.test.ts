// The hostile-tenant suite: each fixture in test/tenancy/hostile/ is something a team could commit
// to the repository Argo CD syncs into its namespace, with the outcome the platform promises and why.
// Every entry is judged against the rendered prod plan (the program plus every object the pinned
// charts render), layer by layer:
//   1. the team's AppProject: is the kind on its allow-list, for its own namespace?
//   2. the policy pack with prod's config, over the whole plan plus the manifest;
//   3. the cluster: the named checks read, in the plan, the setting that stops the attack there.
// The fixtures are data, so a cluster suite can apply the same manifests as the team's sync identity.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { parse as parseYaml } from "yaml";
import { HarnessResource, PolicyDiagnostic, runPolicyPack } from "../policy/harness";
import { RecordedResource } from "../harness";
import { RenderedRun, renderedStack, withChartCache } from "../harness/renderedCharts";
import { unwrapSecrets } from "../harness/wire";
import { admissionRulesFor } from "../../infra/admission";
import { admissionOutcomes } from "../policy/admission/evaluateManifests";

const STACK = "prod";
const FIXTURES = path.join(__dirname, "hostile");
const OUTCOMES = ["refusedByAppProject", "refusedByPack", "admittedWithoutEffect"] as const;

interface Entry {
    file: string;
    title: string;
    team: string;
    outcome: (typeof OUTCOMES)[number];
    pack?: { policy: string; contains: string };
    inCluster: string[];
    reason: string;
    manifest: Record<string, any>;
}

function loadEntries(): Entry[] {
    return fs.readdirSync(FIXTURES).filter((f) => f.endsWith(".yaml")).sort().map((file) => ({
        file, ...parseYaml(fs.readFileSync(path.join(FIXTURES, file), "utf8")),
    }));
}

const groupOf = (apiVersion: string) => (apiVersion.includes("/") ? apiVersion.split("/")[0] : "");
const typeOf = (m: Record<string, any>) => {
    const [group, version] = m.apiVersion.includes("/") ? m.apiVersion.split("/") : ["core", m.apiVersion];
    return `kubernetes:${group}/${version}:${m.kind}`;
};
/** The resource name RBAC gives a kind (lowercase plural). */
const resourceOf = (kind: string) => {
    const lower = kind.toLowerCase();
    return lower.endsWith("s") ? `${lower}es` : lower.endsWith("y") ? `${lower.slice(0, -1)}ies` : `${lower}s`;
};

function asPolicyResource(r: RecordedResource): HarnessResource {
    return { type: r.type, name: r.name, urn: r.urn, props: unwrapSecrets(r.inputs), dependencies: r.dependencies, parent: r.parent };
}
function hostileResource(entry: Entry): HarnessResource {
    const type = typeOf(entry.manifest);
    const name = `hostile-${path.basename(entry.file, ".yaml")}`;
    return { type, name, urn: `urn:pulumi:${STACK}::platform::${type}::${name}`, props: entry.manifest, dependencies: [] };
}

/** The plan's objects, as the cluster would hold them. */
class Plan {
    constructor(private readonly rendered: RenderedRun) {}
    objects(kind: string, namespace?: string, name?: string): Record<string, any>[] {
        return this.rendered.resources.map((r) => r.inputs)
            .filter((o) => o?.kind === kind && (namespace === undefined || o.metadata?.namespace === namespace) && (name === undefined || o.metadata?.name === name));
    }
    one(kind: string, namespace: string | undefined, name: string): Record<string, any> {
        const found = this.objects(kind, namespace, name);
        assert.equal(found.length, 1, `the plan has one ${kind} ${namespace ?? ""}/${name}`);
        return found[0];
    }
    /** istiod's mesh config as it renders it into its ConfigMap. */
    meshConfig(): Record<string, any> {
        const [cm] = this.objects("ConfigMap", "istio-system").filter((c) => /^istio(-[0-9-]+)?$/.test(c.metadata.name) && c.data?.mesh);
        assert.ok(cm, "istiod's mesh ConfigMap");
        return parseYaml(cm.data.mesh);
    }
    prometheus(): Record<string, any> {
        const [prometheus] = this.objects("Prometheus");
        assert.ok(prometheus, "the Prometheus custom resource");
        return prometheus.spec;
    }
}

interface CheckContext { plan: Plan; entry: Entry; manifest: Record<string, any>; namespace: string }
type Check = (ctx: CheckContext) => void;

/** What stops an attack in the cluster, read from the plan. */
const CHECKS: Record<string, Check> = {
    syncRoleCannotWrite: ({ plan, entry, manifest, namespace }) => {
        const teamNamespace = entry.team;
        const role = plan.one("Role", teamNamespace, "argocd-sync");
        const bindings = [...plan.objects("RoleBinding"), ...plan.objects("ClusterRoleBinding")]
            .filter((b) => (b.subjects ?? []).some((s: any) => s.kind === "ServiceAccount" && s.name === "argocd-sync" && s.namespace === teamNamespace));
        assert.deepEqual(bindings.map((b) => `${b.kind} ${b.metadata.namespace}/${b.metadata.name}`), [`RoleBinding ${teamNamespace}/argocd-sync`],
            "the sync identity is bound only in its own namespace");
        if (namespace !== teamNamespace) return;
        const group = groupOf(manifest.apiVersion);
        const granted = role.rules.some((r: any) => r.apiGroups.includes(group) && r.resources.includes(resourceOf(manifest.kind)) &&
            r.verbs.some((v: string) => ["create", "update", "patch"].includes(v)));
        assert.equal(granted, false, `the sync Role writes no ${group}/${resourceOf(manifest.kind)}`);
    },
    gatewaysScopedToNamespace: ({ plan, manifest, namespace }) => {
        const istiod = plan.objects("Deployment", "istio-system").find((d) => d.metadata.name.startsWith("istiod"))!;
        const env = istiod.spec.template.spec.containers[0].env;
        assert.equal(env.find((e: any) => e.name === "PILOT_SCOPE_GATEWAY_TO_NAMESPACE")?.value, "true");
        const selector: Record<string, string> = manifest.spec.selector;
        const selected = plan.objects("Deployment").filter((d) => Object.entries(selector).every(([k, v]) => d.spec?.template?.metadata?.labels?.[k] === v));
        assert.ok(selected.length > 0, "the selector names real gateway pods");
        assert.ok(selected.every((d) => d.metadata.namespace !== namespace), "none of them in the Gateway's namespace");
    },
    gatewayHostNotOffered: ({ plan, manifest, namespace }) => {
        for (const ref of manifest.spec.gateways ?? []) {
            const [gatewayNamespace, name] = ref.split("/");
            const gateway = plan.one("Gateway", gatewayNamespace, name);
            // Istio: a server host "ns/host" is offered to VirtualServices of ns ("*" any, "." the Gateway's own); a bare host to all.
            const offeredTo = (entry: string) => {
                const slash = entry.indexOf("/");
                if (slash < 0) return true;
                const owner = entry.slice(0, slash);
                return owner === "*" || owner === namespace || (owner === "." && gatewayNamespace === namespace);
            };
            const offered = gateway.spec.servers.flatMap((s: any) => s.hosts as string[]).filter(offeredTo);
            assert.deepEqual(offered, [], `${ref} offers ${namespace} no host`);
        }
    },
    serviceRequiresToken: ({ plan, manifest }) => {
        const gatewayPrincipal = "cluster.local/ns/istio-ingress/sa/istio-ingressgateway";
        const hosts = (manifest.spec.http ?? []).flatMap((r: any) => r.route ?? []).map((d: any) => d.destination.host as string);
        assert.ok(hosts.length > 0);
        for (const host of hosts) {
            const [service, serviceNamespace] = host.split(".");
            const policy = plan.one("AuthorizationPolicy", serviceNamespace, service);
            const fromGateway = policy.spec.rules.filter((r: any) => (r.from ?? []).some((f: any) => f.source.principals?.includes(gatewayPrincipal)));
            assert.ok(fromGateway.length > 0, `${host} admits the gateway`);
            for (const rule of fromGateway) assert.deepEqual(rule.from[0].source.requestPrincipals, ["*"], `${host}: the gateway's requests need a token`);
        }
    },
    exportedToOwnNamespaceOnly: ({ plan, manifest }) => {
        assert.equal(manifest.spec.exportTo, undefined, "the manifest leaves exportTo to the mesh");
        const key = manifest.kind === "VirtualService" ? "defaultVirtualServiceExportTo" : "defaultDestinationRuleExportTo";
        assert.deepEqual(plan.meshConfig()[key], ["."]);
    },
    prometheusRefusesFiles: ({ plan }) => assert.deepEqual(plan.prometheus().arbitraryFSAccessThroughSMs, { deny: true }),
    prometheusIgnoresNamespaceSelectors: ({ plan }) => assert.equal(plan.prometheus().ignoreNamespaceSelectors, true),
    seriesLabelledWithOwnNamespace: ({ plan }) => assert.equal(plan.prometheus().enforcedNamespaceLabel, "namespace"),
    quotaForbidsExposure: ({ plan, entry, manifest }) => {
        const [quota] = plan.objects("ResourceQuota", entry.team);
        const key = manifest.spec.type === "NodePort" ? "services.nodeports" : "services.loadbalancers";
        assert.equal(quota.spec.hard[key], "0");
    },
    appliesToOwnNamespaceOnly: ({ plan, namespace }) => {
        const [root] = plan.objects("PeerAuthentication").filter((p) => p.metadata.name === "default" && !p.spec.selector);
        assert.ok(root, "the mesh-wide PeerAuthentication names the root namespace");
        assert.notEqual(namespace, root.metadata.namespace, "not in the mesh root, so it applies to its own namespace only");
    },
    strictMtlsRefusesPlaintext: ({ plan }) => {
        const [root] = plan.objects("PeerAuthentication").filter((p) => p.metadata.name === "default" && !p.spec.selector);
        assert.equal(root.spec.mtls.mode, "STRICT");
        assert.deepEqual(plan.objects("PeerAuthentication").filter((p) => p.spec.mtls?.mode !== "STRICT" || p.spec.portLevelMtls), []);
    },
    // The stack's generated ValidatingAdmissionPolicies, evaluated as the API server does (CEL on
    // the manifest and its Namespace as the plan creates it): a binding denies the manifest.
    admissionPolicyRefuses: ({ plan, manifest, namespace }) => {
        const namespaceObject = { apiVersion: "v1", kind: "Namespace", ...plan.one("Namespace", undefined, namespace) };
        const denied = admissionOutcomes(admissionRulesFor(STACK), manifest, namespaceObject).filter((o) => o.actions.includes("Deny"));
        assert.ok(denied.length > 0, "a deployed admission policy denies it");
    },
    defaultProjectEmpty: ({ plan }) => {
        const spec = plan.one("AppProject", "argocd", "default").spec;
        for (const key of ["sourceRepos", "destinations", "namespaceResourceWhitelist", "clusterResourceWhitelist"]) assert.deepEqual(spec[key], [], key);
    },
};

const ENTRIES = loadEntries();

describe("hostile tenant: the fixtures", () => {
    it("are complete: an outcome, a reason, a manifest in a namespace, and known checks", () => {
        assert.ok(ENTRIES.length >= 15);
        for (const e of ENTRIES) {
            assert.ok(OUTCOMES.includes(e.outcome), `${e.file}: outcome`);
            assert.ok(e.title && e.reason && e.team, `${e.file}: title, reason, team`);
            assert.ok(e.manifest?.metadata?.namespace, `${e.file}: the manifest names its namespace`);
            for (const check of e.inCluster) assert.ok(check in CHECKS, `${e.file}: unknown check ${check}`);
            if (e.outcome === "refusedByPack") assert.ok(e.pack, `${e.file}: which policy refuses it`);
            if (e.outcome === "admittedWithoutEffect") assert.ok(e.inCluster.length > 0, `${e.file}: what makes it harmless`);
        }
    });
});

withChartCache("the hostile-tenant suite over the rendered prod plan (test/tenancy/hostile.test.ts)", (cache) => {
    describe("hostile tenant: against the rendered prod plan", () => {
        let plan: Plan;
        let diagnostics: PolicyDiagnostic[];
        const hostile = new Map(ENTRIES.map((e) => [e.file, hostileResource(e)]));

        before(async () => {
            const rendered = await renderedStack(STACK, cache);
            plan = new Plan(rendered);
            diagnostics = await runPolicyPack([...rendered.resources.filter((r) => r.urn).map(asPolicyResource), ...hostile.values()], STACK);
        });

        const about = (entry: Entry) => {
            const r = hostile.get(entry.file)!;
            const ref = `${entry.manifest.kind} ${entry.manifest.metadata.namespace}/${entry.manifest.metadata.name}`;
            return diagnostics.filter((d) => d.urn === r.urn || d.message.includes(`${ref}:`));
        };

        for (const entry of ENTRIES) {
            it(`${entry.title}: ${entry.outcome}`, () => {
                const manifest = entry.manifest;
                const namespace: string = manifest.metadata.namespace;
                // 1. The team's AppProject.
                const project = plan.one("AppProject", "argocd", entry.team).spec;
                const group = groupOf(manifest.apiVersion);
                const kindAllowed = project.namespaceResourceWhitelist.some((k: any) => k.group === group && k.kind === manifest.kind);
                const destinationAllowed = project.destinations.some((d: any) => d.namespace === namespace);
                assert.equal(kindAllowed && destinationAllowed, entry.outcome !== "refusedByAppProject",
                    `AppProject ${entry.team}: ${group}/${manifest.kind} in ${namespace} is ${kindAllowed && destinationAllowed ? "" : "not "}synced`);

                // 2. The pack, mandatory in prod.
                const found = about(entry);
                if (entry.pack) {
                    const refusing = found.filter((d) => d.policy === entry.pack!.policy && d.level === "mandatory" && d.message.includes(entry.pack!.contains));
                    assert.ok(refusing.length > 0, `${entry.pack.policy} refuses it with "${entry.pack.contains}"; it said:\n${found.map((d) => `${d.policy}: ${d.message}`).join("\n")}`);
                }
                if (entry.outcome === "admittedWithoutEffect") {
                    assert.deepEqual(found.filter((d) => d.policy === "tenant-isolation").map((d) => d.message), [], "tenant-isolation admits it");
                }

                // 3. The cluster.
                for (const check of entry.inCluster) CHECKS[check]({ plan, entry, manifest, namespace });
            });
        }
    });
});
