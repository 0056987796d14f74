// The CEL evaluator's reading of the props the pack is handed: frozen when nothing in them is
// unknown (policy/lib/sharedProps.ts), and a value unknown at preview left to the SDK to report.
import { strict as assert } from "assert";
import { UnknownValueError } from "@pulumi/policy";
import { evaluateValidation } from "../../../policy/admission/cel";
import { deepFreeze } from "../../../policy/lib/sharedProps";

const rule = (expression: string) => ({ variables: [], expression, messageExpression: "'refused'" });

describe("CEL evaluation of the pack's props", () => {
    it("reads frozen (shared) props at any depth", () => {
        const deployment = deepFreeze({ kind: "Deployment", spec: { template: { spec: { containers: [{ name: "app", env: [{ name: "A", value: "b" }] }] } } } });
        assert.deepEqual(evaluateValidation(rule("object.spec.template.spec.containers.all(c, c.env.all(e, e.name == 'A'))"), deployment, null), { valid: true });
        assert.deepEqual(evaluateValidation(rule("object.spec.template.spec.containers.all(c, c.name == 'web')"), deployment, null), { valid: false, message: "refused" });
    });

    it("reads a null field as unset, as the API server decodes it", () => {
        // A chart's aggregated ClusterRole renders `rules: null`; the API server stores no rules.
        const role = deepFreeze({ kind: "ClusterRole", rules: null, aggregationRule: { clusterRoleSelectors: [{ matchLabels: { a: "b" } }] } });
        assert.deepEqual(evaluateValidation(rule("!has(object.rules) && has(object.aggregationRule)"), role, null), { valid: true });
        assert.deepEqual(evaluateValidation(rule("!has(object.rules)"), { kind: "ClusterRole", rules: null }, null), { valid: true });
        assert.deepEqual(evaluateValidation(rule("size(object.list) == 2"), { list: [null, 1] }, null), { valid: true });
    });

    it("lets the SDK's UnknownValueError through, so the rule is reported as unable to run yet", () => {
        const container: Record<string, unknown> = { name: "app" };
        Object.defineProperty(container, "image", { enumerable: true, get: () => { throw new UnknownValueError("04da6b54-80e4-46f7-96ec-b56ff0331ba9", ["spec", "containers", "0", "image"]); } });
        const pod = { kind: "Pod", spec: { containers: [container] } };
        assert.throws(() => evaluateValidation(rule("object.spec.containers.all(c, c.image != '')"), pod, null), (e: unknown) => e instanceof UnknownValueError);
        // A rule that does not read the unknown value runs.
        assert.deepEqual(evaluateValidation(rule("object.spec.containers.all(c, c.name == 'app')"), pod, null), { valid: true });
    });
});
