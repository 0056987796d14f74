// ESLint flat config: the recommended JavaScript and typescript-eslint rules over the program,
// components, stacks, policy pack, scripts and tests, tuned only where the codebase has a reason.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

/** Node's CommonJS globals, for the few plain .js files (e.g. mocha's reporter). */
const commonJsGlobals = Object.fromEntries(
    ["require", "module", "exports", "process", "console", "__dirname", "__filename"].map((g) => [g, "readonly"]),
);

export default tseslint.config(
    {
        ignores: ["node_modules/**", "**/node_modules/**", "bin/**", "**/bin/**", "out/**", ".pulumi/**"],
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
