// `npm run lint` (eslint.config.mjs) refuses the imports that break the house's rules: infra/
// importing the policy pack, an example importing the repository's tests, and import cycles,
// type-only ones included. Each case lints a real module of the tree with one import added.
import { strict as assert } from "assert";
import { ESLint } from "eslint";
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");

describe("lint: imports", function () {
    this.timeout(120_000);
    const eslint = new ESLint({ cwd: ROOT });

    /** The rule ids and messages ESLint reports for `file`'s text (from disk unless given) plus `added`. */
    async function problems(file: string, added: string, text = fs.existsSync(path.join(ROOT, file)) ? fs.readFileSync(path.join(ROOT, file), "utf8") : "") {
        const [result] = await eslint.lintText(`${added}\n${text}`, { filePath: path.join(ROOT, file) });
        return result.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
    }

    it("accepts the tree's modules as they are", async () => {
        for (const file of ["infra/policyConfig/types.ts", "infra/namespaces.ts", "components/mesh/settings.ts", "components/mesh/revisions.ts"]) {
            assert.deepEqual(await problems(file, ""), [], file);
        }
    });

    it("refuses infra/ importing the policy pack, even for a type", async () => {
        const found = await problems("infra/policyConfig/types.ts", `import type { Exemption as PackExemption } from "../../policy/lib/exemptions";`);
        assert.ok(found.some((p) => p.startsWith("import-x/no-restricted-paths") && p.includes("infra/")), found.join("\n"));
    });

    it("refuses an example importing the repository's test harness", async () => {
        const found = await problems("examples/team-service/test/probe.test.ts", `import { runStack } from "../../../test/harness";\nexport const run = runStack;`, "");
        assert.ok(found.some((p) => p.startsWith("import-x/no-restricted-paths") && p.includes("copy outside the repository")), found.join("\n"));
    });

    it("refuses a type-only import cycle between two modules", async () => {
        // components/mesh/revisions.ts imports a type from ./settings; settings importing revisions back closes a cycle.
        const found = await problems("components/mesh/settings.ts", `import { crdVersionOf } from "./revisions";\nexport const crd = crdVersionOf;`);
        assert.ok(found.includes("platform/no-import-cycle: import cycle: components/mesh/settings.ts -> components/mesh/revisions.ts -> components/mesh/settings.ts " +
            "(type-only imports count: move the shared type or value to a module both can import)"), found.join("\n"));
    });

    it("refuses a type-only import cycle through three modules", async () => {
        const found = await problems("infra/namespaces.ts", `import type { PlatformConfig } from "./config/types";\nexport type Probe = PlatformConfig;`);
        assert.ok(found.some((p) => p.includes("infra/namespaces.ts -> infra/config/types.ts -> infra/config/schema.ts -> infra/namespaces.ts")), found.join("\n"));
    });
});
