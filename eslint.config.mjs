// ESLint flat config: the recommended JavaScript and typescript-eslint rules over the program,
// components, stacks, policy pack, scripts and tests, tuned only where the codebase has a reason.
import js from "@eslint/js";
import { createNodeResolver, importX } from "eslint-plugin-import-x";
import tseslint from "typescript-eslint";
import platformRules from "./eslint/importCycles.mjs";

/** Node's CommonJS globals, for the few plain .js files (e.g. mocha's reporter). */
const commonJsGlobals = Object.fromEntries(
    ["require", "module", "exports", "process", "console", "__dirname", "__filename"].map((g) => [g, "readonly"]),
);

/**
 * Imports run one way: infra/ (the composition root) may import stacks/ and components/, and no
 * policy/, scripts/ or test/ module; stacks/ may import components/; components/ import none of
 * infra/, stacks/, scripts/ or test/ (what a component needs reaches it through its arguments); the
 * policy pack imports nothing outside policy/ but its npm dependencies; an example imports nothing
 * outside its own folder but its npm dependencies, so it can be copied out of the repository. The
 * zones name the files they apply to, so a block for other files can use the same rule without
 * overriding these.
 */
const layering = {
    files: ["infra/**/*.ts", "components/**/*.ts", "stacks/**/*.ts", "policy/**/*.ts", "packages/*/src/**/*.ts", "examples/**/*.ts"],
    plugins: { "import-x": importX },
    settings: { "import-x/resolver-next": [createNodeResolver({ extensions: [".ts", ".js", ".json", ".d.ts"] })] },
    rules: {
        "import-x/no-restricted-paths": ["error", {
            basePath: import.meta.dirname,
            zones: [
                {
                    target: "./infra",
                    from: ["./scripts", "./test", "./examples"],
                    message: "infra/ composes stacks/ and components/; it imports no scripts/, test/ or examples/ module",
                },
                {
                    // One seam: the stack's ValidatingAdmissionPolicies are generated from the pack's own
                    // admission rules (infra/admission.ts), so the cluster and the preview judge by one rule.
                    target: "./infra",
                    from: "./policy",
                    except: ["./admission"],
                    message: "infra/ imports no policy/ module but policy/admission, the pack's admission rules " +
                        "(what the pack's config must look like, the pack's schemas check in test/policy)",
                },
                {
                    target: "./components",
                    from: ["./infra", "./stacks", "./scripts", "./test"],
                    message: "components take what they need through their arguments; they import no infra/, stacks/, scripts/ or test/ module",
                },
                {
                    target: "./stacks",
                    from: ["./infra", "./scripts", "./test"],
                    message: "stacks hold per-environment data typed by the components' settings; they import no infra/, scripts/ or test/ module",
                },
                {
                    target: "./policy",
                    from: "./",
                    // The grammar package resolves through its workspace link; the pack bundles it.
                    except: ["./policy", "./node_modules", "./packages/grammar/dist"],
                    message: "the policy pack is standalone: it imports only its own modules and npm packages (the grammar is bundled)",
                },
                {
                    target: "./examples/team-service",
                    from: "./",
                    except: ["./examples/team-service", "./node_modules", "./packages/grammar/dist", "./packages/platform-consumer/dist"],
                    message: "an example is a team's own project: it imports only its own modules and its npm dependencies, " +
                        "so it runs from a copy outside the repository",
                },
                ...["grammar", "platform-consumer"].map((name) => ({
                    target: `./packages/${name}`,
                    from: "./",
                    except: [`./packages/${name}`, "./node_modules", "./packages/grammar/dist"],
                    message: "a package is published on its own: it imports only its own modules and its npm dependencies, by name",
                })),
            ],
        }],
    },
};

export default tseslint.config(
    {
        ignores: ["node_modules/**", "**/node_modules/**", "bin/**", "**/bin/**", "packages/*/dist/**", "out/**", ".pulumi/**"],
    },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    {
        rules: {
            // `_name` marks a parameter required by a callback signature but not used.
            "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
            // The program reads two SDK internals through require (public in its JS, not its typings).
            "@typescript-eslint/no-require-imports": ["error", { allow: ["^@pulumi/pulumi/runtime/"] }],
            // Allowed where a value really is untyped (walking zod internals); flagged so it stays rare.
            "@typescript-eslint/no-explicit-any": "warn",
        },
    },
    {
        // Resource props reach policies as untyped JSON (the @pulumi/policy SDK types them `any`), and
        // tests, the harness and the plan scripts handle the same recorded manifests.
        files: ["policy/**/*.ts", "test/**/*.ts", "scripts/**/*.ts", "examples/*/test/**/*.ts"],
        rules: { "@typescript-eslint/no-explicit-any": "off" },
    },
    {
        // The mock runner installs the SDK's mocks first and only then loads the program, at run time.
        files: ["scripts/mock-run/**/*.ts"],
        rules: { "@typescript-eslint/no-require-imports": "off" },
    },
    layering,
    {
        // No import cycles among the repository's modules, type-only imports included.
        files: ["infra/**/*.ts", "components/**/*.ts", "stacks/**/*.ts", "policy/**/*.ts", "scripts/**/*.ts",
            "packages/*/src/**/*.ts", "examples/**/*.ts", "test/**/*.ts"],
        plugins: { platform: platformRules },
        rules: { "platform/no-import-cycle": "error" },
    },
    {
        // Imports run one way: nothing outside test/ imports test/ (tests may import the product).
        files: ["scripts/**", "infra/**", "components/**", "stacks/**", "policy/**", "examples/*/*.ts"],
        rules: {
            "no-restricted-imports": ["error", { patterns: [{
                regex: "^(\\.{1,2}/)+(.+/)?test(/|$)",
                message: "Only tests import test/: move what product code needs out of test/ (e.g. scripts/mock-run, scripts/policy-run).",
            }] }],
        },
    },
    {
        files: ["**/*.js", "**/*.cjs"],
        languageOptions: { sourceType: "commonjs", globals: commonJsGlobals },
        rules: { "@typescript-eslint/no-require-imports": "off" },
    },
);
