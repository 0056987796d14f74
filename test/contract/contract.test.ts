// The stack-reference contract: same shape in every stack, nulls for disabled areas, secrets
// secret, and no shape change without a new contract version.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { CONTRACT_AREAS, CONTRACT_VERSION, contractSchema, contractShape, shapeFile, SHAPES_DIR } from "@reference-platform/consumer/contract";
import { ResolvedValue, runStack } from "../harness";
import { isWrappedSecret } from "../harness/wire";

const CONSUMER_PACKAGE = path.resolve(__dirname, "../../packages/platform-consumer/package.json");

const STACKS = ["dev", "staging", "prod"];

/** Where two output trees differ in shape: keys, value kinds, secrecy. A null matches anything (a
 * disabled area or a field unset in that stack); maps keyed by team name are compared as maps. */
function shapeDifferences(a: ResolvedValue, b: ResolvedValue, path = "outputs"): string[] {
    if (a === null || b === null) return [];
    const kind = (v: ResolvedValue) => (Array.isArray(v) ? "array" : typeof v);
    if (kind(a) !== kind(b)) return [`${path}: ${kind(a)} vs ${kind(b)}`];
    if (typeof a !== "object" || Array.isArray(a)) return [];
    const x = a as Record<string, ResolvedValue>;
    const y = b as Record<string, ResolvedValue>;
    if (isWrappedSecret(x) !== isWrappedSecret(y)) return [`${path}: secret in one stack only`];
    if (/\.(teams|appProjects)$/.test(path)) return [];
    const keys = [...new Set([...Object.keys(x), ...Object.keys(y)])].sort();
    return keys.flatMap((k) => (k in x && k in y ? shapeDifferences(x[k], y[k], `${path}.${k}`) : [`${path}.${k}: in one stack only`]));
}

describe("stack-reference contract", () => {
    for (const stack of STACKS) {
        it(`${stack}: exports contractVersion ${CONTRACT_VERSION} and every area, valid against the contract schema`, () => {
            const { outputs, error } = runStack(stack);
            assert.equal(error, undefined);
            assert.equal(outputs.contractVersion, CONTRACT_VERSION);
            const contract = Object.fromEntries(["contractVersion", ...CONTRACT_AREAS].map((k) => [k, outputs[k]]));
            const parsed = contractSchema.safeParse(contract);
            assert.ok(parsed.success, parsed.success ? "" : JSON.stringify(parsed.error.issues));
        });
    }

    it("exports the Pod Security level its team namespaces enforce", () => {
        for (const stack of STACKS) {
            const { outputs, resources } = runStack(stack);
            const exported = outputs.namespaces as { teams: Record<string, string>; teamPodSecurityLevel: string };
            const levels = resources
                .filter((r) => r.type === "kubernetes:core/v1:Namespace" && Object.values(exported.teams).includes(r.inputs.metadata?.name))
                .map((r) => r.inputs.metadata.labels["pod-security.kubernetes.io/enforce"]);
            assert.equal(levels.length, Object.keys(exported.teams).length, stack);
            assert.deepEqual([...new Set(levels)], [exported.teamPodSecurityLevel], stack);
        }
    });

    it("has the same shape in dev, staging and prod", () => {
        const [first, ...rest] = STACKS.map((s) => runStack(s).outputs as ResolvedValue);
        for (const other of rest) assert.deepEqual(shapeDifferences(first, other), []);
    });

    it("keeps a disabled area's keys, with null values", () => {
        const run = runStack("dev", { logging: { enabled: false }, tracing: { enabled: false }, mesh: { enabled: false } });
        const full = runStack("dev");
        assert.equal(run.error, undefined);
        for (const area of ["logging", "tracing", "mesh"]) {
            const outputs = run.outputs[area] as Record<string, unknown>;
            assert.deepEqual(Object.keys(outputs).sort(), Object.keys(full.outputs[area] as object).sort());
            for (const [key, value] of Object.entries(outputs)) assert.equal(value, null, `${area}.${key}`);
        }
        assert.equal((run.outputs.namespaces as Record<string, unknown>).logging, null);
        assert.ok(contractSchema.shape.logging.safeParse(run.outputs.logging).success);
    });

    it("names the logging credentials Secret and never exports a password", () => {
        const text = JSON.stringify(runStack("prod").outputs.logging);
        assert.match(text, /"credentialsSecretName":"[a-z0-9-]+"/);
        assert.doesNotMatch(text, /password/i);
    });

    it("keeps secret outputs secret", () => {
        for (const stack of STACKS) {
            const { outputs, secretValues } = runStack(stack);
            const operators = outputs.operators as Record<string, ResolvedValue>;
            const password = operators.argocdAdminPassword as { value: string };
            assert.ok(isWrappedSecret(password), "the Argo CD admin password is a secret output");
            assert.ok(secretValues.includes(password.value));
            // Nowhere else in the outputs, secret-wrapped or not, does a generated secret appear.
            const elsewhere = JSON.stringify({ ...outputs, operators: { ...operators, argocdAdminPassword: null } });
            for (const secret of secretValues) assert.ok(!elsewhere.includes(secret));
        }
    });

    it("exports no secret: no contract value is secret, and none holds a secret value, a store's included", () => {
        const planted = "sk_live_contract-planted-key-2718";
        const secretsIn = (value: ResolvedValue, path: string): string[] => {
            if (isWrappedSecret(value)) return [path];
            if (value === null || typeof value !== "object") return [];
            return Object.entries(value as Record<string, ResolvedValue>).flatMap(([k, v]) => secretsIn(v, `${path}.${k}`));
        };
        for (const stack of STACKS) {
            // dev's store is seeded from Pulumi secrets: the payments key passes through the program there.
            const seed = stack === "dev" ? { secretStoreSeed: { secret: JSON.stringify({ "shop-payments": { "provider-api-key": planted } }) } } : {};
            const { outputs, secretValues, error } = runStack(stack, seed);
            assert.equal(error, undefined);
            const contract = Object.fromEntries(["contractVersion", ...CONTRACT_AREAS].map((k) => [k, outputs[k]])) as Record<string, ResolvedValue>;
            assert.deepEqual(secretsIn(contract, stack), [], "a secret in the contract would make every consumer's reads secret, and leak it to them");
            const text = JSON.stringify(contract);
            for (const secret of [...secretValues, planted]) assert.ok(!text.includes(secret), `${stack}: the contract holds a secret value`);
        }
    });

    describe("versioning", () => {
        it(`records the shape of every version up to v${CONTRACT_VERSION}`, () => {
            const recorded = fs.readdirSync(SHAPES_DIR).map((f) => Number(/^v(\d+)\.json$/.exec(f)?.[1])).sort((a, b) => a - b);
            assert.deepEqual(recorded, Array.from({ length: CONTRACT_VERSION }, (_, i) => i + 1));
        });

        it("fails when the schema changes without a new contract version", () => {
            const recorded = JSON.parse(fs.readFileSync(shapeFile(CONTRACT_VERSION), "utf8"));
            assert.deepEqual(contractShape(), recorded,
                `the contract's shape differs from the one recorded for v${CONTRACT_VERSION}: bump CONTRACT_VERSION ` +
                "in packages/platform-consumer/src/contract/schema.ts and run `npm run contract:record` (consumers must see the change)");
        });

        it("is the consumer package's major version, on which the platform depends", () => {
            const consumer = JSON.parse(fs.readFileSync(CONSUMER_PACKAGE, "utf8")) as { name: string; version: string };
            assert.equal(Number(consumer.version.split(".")[0]), CONTRACT_VERSION,
                `${consumer.name} ${consumer.version} does not follow contract v${CONTRACT_VERSION}: run \`npm run contract:record\``);
            const root = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../package.json"), "utf8"));
            assert.equal(root.dependencies[consumer.name], consumer.version);
            // What the tests load is that package, through its name: the workspace's link.
            assert.equal(require.resolve("@reference-platform/consumer/package.json"), fs.realpathSync(CONSUMER_PACKAGE));
        });

        it("gives every version a shape of its own", () => {
            const shapes = fs.readdirSync(SHAPES_DIR).map((f) => fs.readFileSync(`${SHAPES_DIR}/${f}`, "utf8"));
            assert.equal(new Set(shapes).size, shapes.length);
        });
    });
});
