// stacks/<stack>/policy-config.json: generated from infra/policyConfig, committed, accepted by the
// pack's config validation, and consistent with what the program deploys (namespaces, profiles).
// Expiry is judged at times the tests choose, never at today's date.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { POD_SECURITY_KUBERNETES_RELEASE } from "../../components/tenancy/podSecurity";
import { platformNamespaceSpecs } from "../../infra/namespaces";
import {
    POLICY_CONFIG_STACKS, PolicyConfigFile, policyConfigPath, renderStackPolicyConfig, stackPolicyConfig,
} from "../../infra/policyConfig";
import { isExpired } from "../../policy/lib/exemptions";
import { parseQuantity } from "@reference-platform/grammar";
import { validatePolicyConfig } from "../../policy/lib/validateConfig";
import { policies } from "../../policy/policies";
import { LATEST_KUBERNETES_RELEASE } from "../../policy/pod-security/version";
import { describeExpired, expiredExemptions } from "../../scripts/policy-config/expiry";
import { PROFILES } from "../../stacks/profiles";
import { loadStackPolicyConfig, resolveConfig } from "./harness";

const ROOT = path.resolve(__dirname, "../..");
const RANK = { disabled: 0, advisory: 1, remediate: 2, mandatory: 2 } as const;
const MTLS_RANK = { PERMISSIVE: 0, STRICT: 1 } as const;
const DAY = 24 * 3600 * 1000;

/** The chart releases the program installs (their Chart resource names). */
const CHART_RELEASES = /^(istio-cni|istio-base|istiod-1-\d+|istiod-\*|istio-ingressgateway|istio-egressgateway|kube-prometheus-stack|eck-operator|fluent-bit|jaeger|argocd|kiali|external-secrets|metrics-server|vpa|keda|argo-rollouts)$/;

const allExemptions = (file: PolicyConfigFile) => Object.entries(file).flatMap(([policy, entry]) => entry.exemptions.map((e) => ({ policy, e })));

describe("the Kubernetes release of Pod Security", () => {
    it("is one release: the program's namespace labels, the pack's default and every stack's policy config", () => {
        assert.equal(LATEST_KUBERNETES_RELEASE, POD_SECURITY_KUBERNETES_RELEASE);
        for (const stack of POLICY_CONFIG_STACKS) {
            assert.equal(stackPolicyConfig(stack)["pod-security-standards"].kubernetesVersion, POD_SECURITY_KUBERNETES_RELEASE, stack);
        }
    });
});

describe("stack policy configs", () => {
    it("has one per profile, at the path the README and the workflow pass to --policy-pack-config", () => {
        assert.deepEqual([...POLICY_CONFIG_STACKS].sort(), Object.keys(PROFILES).sort());
        for (const stack of POLICY_CONFIG_STACKS) assert.ok(fs.existsSync(path.join(ROOT, policyConfigPath(stack))), policyConfigPath(stack));
    });

    // Never block: Istio's Warning-level analyzer messages (istioctl analyze fails only on Error), and
    // an HPA without a metrics source, which deploys and holds its minimum.
    const WARNINGS_ONLY = ["mesh-analysis-warnings", "autoscaling-metrics-source"];

    it("enforces no less from dev to staging to prod: dev blocks nothing, prod blocks everything but warnings", () => {
        const [dev, staging, prod] = (["dev", "staging", "prod"] as const).map(stackPolicyConfig);
        for (const policy of policies.map((p) => p.name) as (keyof PolicyConfigFile)[]) {
            const levels = [dev, staging, prod].map((f) => f[policy].enforcementLevel);
            assert.ok(RANK[levels[0]] <= RANK[levels[1]] && RANK[levels[1]] <= RANK[levels[2]], `${policy}: ${levels.join(" -> ")}`);
            assert.equal(levels[0], "advisory", policy);
            assert.equal(levels[2], WARNINGS_ONLY.includes(policy) ? "advisory" : "mandatory", policy);
        }
        // Staging's tenants are labelled restricted at admission: the pack gates what the cluster would refuse.
        assert.equal(staging["pod-security-standards"].enforcementLevel, "mandatory");
    });

    it("narrows prod's registries: every image prod accepts, the other stacks accept too", () => {
        const prod = stackPolicyConfig("prod")["image-provenance"].allowedRegistries;
        for (const stack of ["dev", "staging"] as const) {
            const wider = stackPolicyConfig(stack)["image-provenance"].allowedRegistries;
            for (const registry of prod) assert.ok(wider.some((w) => registry === w || registry.startsWith(`${w}/`)), `${stack} refuses ${registry}`);
        }
    });
});

for (const stack of POLICY_CONFIG_STACKS) {
    describe(`stacks/${stack}/policy-config.json`, () => {
        const file = () => stackPolicyConfig(stack);
        const profile = PROFILES[stack];

        it("is committed as generated", () => {
            const committed = fs.readFileSync(path.join(ROOT, policyConfigPath(stack)), "utf8");
            assert.ok(committed === renderStackPolicyConfig(stack),
                `${policyConfigPath(stack)} is stale: run \`npm run policy-config\` and commit the result`);
        });

        it("configures every policy of the pack, and the pack's config validation accepts it", () => {
            const committed = loadStackPolicyConfig(stack);
            assert.deepEqual(Object.keys(committed).sort(), policies.map((p) => p.name).sort());
            for (const policy of policies) {
                assert.deepEqual(validatePolicyConfig(policy.name, policy.configSchema!, committed[policy.name] as Record<string, unknown>), [], policy.name);
            }
            assert.doesNotThrow(() => resolveConfig(committed));
        });

        it("gives the program's namespaces their Pod Security levels, tenants the profile's level", () => {
            const pss = file()["pod-security-standards"];
            const created = Object.fromEntries(platformNamespaceSpecs(profile).map((ns) => [ns.name, ns.podSecurityLevel]));
            assert.deepEqual(pss.namespaceLevels, created);
            assert.equal(pss.level, profile.tenancy.podSecurityLevel);
        });

        it("counts every privileged platform namespace as privileged for RBAC", () => {
            const privileged = platformNamespaceSpecs(profile).filter((ns) => ns.podSecurityLevel === "privileged").map((ns) => ns.name);
            const listed = file()["rbac-least-privilege"].privilegedNamespaces;
            for (const ns of privileged) assert.ok(listed.includes(ns), ns);
            assert.ok(listed.includes("kube-system"));
        });

        it("sets an mTLS floor the profile meets, STRICT outside dev", () => {
            const floor = file()["mesh-mtls"].minimumMode;
            assert.ok(MTLS_RANK[profile.mesh.mtlsMode] >= MTLS_RANK[floor], `${profile.mesh.mtlsMode} below ${floor}`);
            if (stack !== "dev") assert.equal(floor, "STRICT");
        });

        it("admits the profile's tenant container defaults under the container limits", () => {
            const { maxCpu, maxMemory } = file()["container-resources"];
            const limits = profile.tenancy.containerDefaults.limits;
            if (limits.cpu !== undefined) assert.ok(parseQuantity(limits.cpu) <= parseQuantity(maxCpu), `cpu ${limits.cpu} > ${maxCpu}`);
            assert.ok(parseQuantity(limits.memory) <= parseQuantity(maxMemory), `memory ${limits.memory} > ${maxMemory}`);
        });

        it("allows a LoadBalancer only in the ingress gateway's namespace, and declares the profile's gateway certificate", () => {
            const ingress = platformNamespaceSpecs(profile).find((ns) => ns.meshInjection)!.name;
            for (const allowed of file()["service-exposure"].allowed) assert.equal(allowed.namespace, ingress);
            assert.ok(file()["mesh-analysis"].externalSecrets.some((s) => s.namespace === ingress && s.name === profile.mesh.gatewayTlsSecretName));
        });

        it("exempts host access only for chart-rendered objects in privileged namespaces, giving the namespace's reason", () => {
            const namespaces = new Map(platformNamespaceSpecs(profile).map((ns) => [ns.name, ns]));
            for (const e of file()["pod-security-standards"].exemptions) {
                assert.match(e.chart!, CHART_RELEASES);
                const ns = namespaces.get(e.namespace!);
                assert.equal(ns?.podSecurityLevel, "privileged", `${e.namespace} is not a privileged namespace`);
                assert.equal(e.reason, ns!.reason, `${e.namespace}: the exemption and the namespace give one reason`);
                assert.ok(e.kind && e.name && !e.name.includes("*"), `${e.namespace}: names one object`);
                assert.ok(!e.controls.some((c) => c.endsWith("_restricted")), "a privileged namespace is checked at baseline only");
            }
        });

        it("scopes every exemption to named controls and one object (or a chart's pattern), with a reason and an expiry date", () => {
            for (const { policy, e } of allExemptions(file())) {
                const what = `${policy}: ${e.chart ?? e.namespace}/${e.kind}/${e.name}`;
                assert.ok(e.kind && e.name, `${what}: names kind and name`);
                assert.ok(e.chart !== undefined || (e.namespace !== undefined && !e.name.includes("*")), `${what}: a name pattern only with the chart that renders it`);
                if (e.chart !== undefined) assert.match(e.chart, CHART_RELEASES, what);
                assert.ok(e.controls.length > 0, `${what}: names its controls`);
                assert.ok(e.reason.length > 20, `${what}: explains why`);
                assert.match(e.expires ?? "", /^\d{4}-\d{2}-\d{2}$/, `${what}: has an expiry`);
            }
        });
    });
}

describe("expired exemptions, at an injected time", () => {
    const prod = () => stackPolicyConfig("prod");
    const dates = [...new Set(allExemptions(prod()).map(({ e }) => e.expires!))].sort();
    const startOf = (date: string) => new Date(`${date}T00:00:00Z`);

    it("none has expired through the last day of the earliest expiry (inclusive, UTC)", () => {
        assert.deepEqual(expiredExemptions(prod(), new Date(startOf(dates[0]).getTime() + DAY - 1)), []);
    });

    it("the day after an expiry date, exactly the exemptions of that date and earlier are reported", () => {
        for (const date of dates) {
            const now = new Date(startOf(date).getTime() + DAY);
            const expected = allExemptions(prod()).filter(({ e }) => e.expires! <= date).map(({ policy, e }) => `${policy}/${e.name}`);
            assert.deepEqual(expiredExemptions(prod(), now).map(({ policy, exemption }) => `${policy}/${exemption.name}`), expected, date);
        }
    });

    it("reports an exemption past its expiry with its policy, object and date, as the pack judges it", () => {
        const file = prod();
        const fluentBit = file["pod-security-standards"].exemptions.find((e) => e.name === "fluent-bit")!;
        fluentBit.expires = "2026-03-31";
        const now = new Date("2026-04-01T08:00:00Z");
        const expired = expiredExemptions(file, now);
        assert.deepEqual(expired.map(describeExpired), ["pod-security-standards: fluent-bit/fluent-bit/DaemonSet/fluent-bit expired on 2026-03-31"]);
        assert.ok(isExpired(fluentBit, now) && !isExpired(fluentBit, new Date("2026-03-31T23:59:59Z")));
    });
});
