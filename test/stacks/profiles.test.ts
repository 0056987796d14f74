// The environment profiles: a base plus each environment's differences. Checks what the profiles
// promise (completeness, minimal differences, prod highly available, dev one of everything, sizes
// that grow from dev to prod), never their values one by one.
import { strict as assert } from "assert";
import { profileSchemaFor } from "../../infra/config/schema";
import { baseProfile } from "../../stacks/base";
import { devDifferences } from "../../stacks/dev/profile";
import { prodDifferences } from "../../stacks/prod/profile";
import { PROFILES } from "../../stacks/profiles";
import { stagingDifferences } from "../../stacks/staging/profile";

const DIFFERENCES = { dev: devDifferences, staging: stagingDifferences, prod: prodDifferences };
const STACKS = ["dev", "staging", "prod"] as const;

type Leaf = { path: string; value: unknown };

/** Every leaf (scalar or list: lists replace, so a list is one value) with its dotted path. */
function leaves(value: unknown, path = ""): Leaf[] {
    if (value === null || typeof value !== "object" || Array.isArray(value)) return [{ path, value }];
    return Object.entries(value).flatMap(([key, child]) => leaves(child, path ? `${path}.${key}` : key));
}

const at = (object: unknown, path: string): unknown =>
    path.split(".").reduce<any>((node, key) => (node === undefined || node === null ? undefined : node[key]), object);

/** Replica-like counts: one per environment in dev, growing through staging to prod. */
const isCount = (path: string) => /(^|\.)(replicas|\w+Replicas|minReplicas|maxReplicas|elasticsearchNodes|pods|retentionDays)$/.test(path);

describe("environment profiles", () => {
    for (const stack of STACKS) {
        it(`${stack}: the merged profile is complete and valid for the config schema`, () => {
            const parsed = profileSchemaFor(stack).safeParse(PROFILES[stack]);
            assert.ok(parsed.success, parsed.success ? "" : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n"));
        });

        it(`${stack}: its file holds only differences from the base`, () => {
            for (const { path, value } of leaves(DIFFERENCES[stack])) {
                assert.notDeepStrictEqual(at(baseProfile, path), value, `stacks/${stack}/profile.ts restates the base's ${path}`);
            }
        });

        it(`${stack}: keeps every base value it does not override`, () => {
            const overridden = new Set(leaves(DIFFERENCES[stack]).map((l) => l.path));
            for (const { path, value } of leaves(baseProfile)) {
                if (![...overridden].some((o) => o === path || path.startsWith(`${o}.`))) {
                    assert.deepStrictEqual(at(PROFILES[stack], path), value, `${stack}: ${path}`);
                }
            }
        });
    }

    it("prod is highly available and protects its data", () => {
        const prod = PROFILES.prod;
        const counts = leaves(prod).filter((l) => isCount(l.path) && !l.path.endsWith("pods") && !l.path.endsWith("retentionDays"));
        assert.ok(counts.length >= 10, "finds the replica counts");
        for (const { path, value } of counts) assert.ok((value as number) >= 2, `prod ${path} is ${value}`);
        assert.ok(prod.workloads.disruptionBudget.enabled && prod.workloads.autoscaling.enabled);
        assert.ok(prod.gitops.highAvailability && prod.protectStatefulData);
        assert.deepEqual(prod.gitops.syncPolicy, { automated: false, prune: false, selfHeal: false });
    });

    it("staging and prod share their security settings; only dev relaxes them", () => {
        const security = (stack: (typeof STACKS)[number]) => {
            const p = PROFILES[stack];
            return { tenants: p.tenancy.podSecurityLevel, mtls: p.mesh.mtlsMode, localIssuer: p.mesh.edgeAuth.localIssuer, kiali: p.mesh.kiali.auth };
        };
        assert.deepEqual(security("staging"), security("prod"));
        assert.deepEqual(security("prod"), { tenants: "restricted", mtls: "STRICT", localIssuer: false, kiali: "token" });
        assert.deepEqual(security("dev"), { tenants: "baseline", mtls: "PERMISSIVE", localIssuer: true, kiali: "anonymous" });
    });

    it("dev runs one of everything", () => {
        // Autoscaling is off in dev, so its bounds do not count.
        const replicas = leaves(PROFILES.dev).filter((l) => !l.path.startsWith("workloads.autoscaling.") && /(^|\.)(replicas|\w+Replicas|elasticsearchNodes)$/.test(l.path));
        assert.ok(replicas.length >= 10, "finds the replica counts");
        for (const { path, value } of replicas) assert.equal(value, 1, `dev ${path}`);
    });

    it("counts grow from dev through staging to prod, and none shrinks", () => {
        for (const { path, value } of leaves(PROFILES.staging).filter((l) => isCount(l.path))) {
            const [dev, prod] = [at(PROFILES.dev, path) as number, at(PROFILES.prod, path) as number];
            assert.ok(dev <= (value as number) && (value as number) <= prod, `${path}: dev ${dev}, staging ${value}, prod ${prod}`);
        }
    });
});
