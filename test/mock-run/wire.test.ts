// The mock runner's reading of the SDK's wire values, and the leak scan built on it: a secret is
// found wherever it escapes its wrapper, also inside a resource reference or an output value.
import * as pulumi from "@pulumi/pulumi";
import { strict as assert } from "assert";
import { RunResult } from "../../scripts/mock-run";
import {
    containsSecret, isOutputValue, isResourceReference, isSecretValue, isWrappedSecret, unwrapSecrets, wrapSecret,
} from "../../scripts/mock-run/wire";
import { findSecretLeaks } from "../harness/secrets";

const { specialSigKey, specialSecretSig, specialResourceSig, specialOutputValueSig, unknownValue } = pulumi.runtime;

const SECRET = "s3cr3t-password-value";
const resourceRef = (urn: string) => ({ [specialSigKey]: specialResourceSig, urn, id: "id-1" });
const outputValue = (value: unknown, secret = false) => ({ [specialSigKey]: specialOutputValueSig, value, secret, dependencies: [] });

const run = (serializedInputs: Record<string, any>, outputs: Record<string, any> = {}): RunResult => ({
    stack: "test", outputs, secretValues: [SECRET], millis: 0, cpuMillis: 0,
    resources: [{ type: "kubernetes:core/v1:Secret", name: "s", urn: "urn:s", custom: true, dependencies: [], protect: false,
        retainOnDelete: false, aliases: 0, inputs: {}, serializedInputs }],
});

describe("mock runner: wire values", () => {
    it("recognises a secret in the SDK's wire form", () => {
        const wire = { password: { [specialSigKey]: specialSecretSig, value: SECRET }, plain: "x" };
        assert.ok(isSecretValue(wire.password) && isWrappedSecret(wire.password));
        assert.ok(!isWrappedSecret(wire.plain));
        assert.deepEqual(unwrapSecrets(wire), { password: SECRET, plain: "x" });
        assert.ok(containsSecret(wire) && !containsSecret({ plain: "x" }));
    });

    it("tells a secret from a resource reference and an output value, which share its signature key", () => {
        assert.ok(isResourceReference(resourceRef("urn:a")) && !isWrappedSecret(resourceRef("urn:a")));
        assert.ok(isOutputValue(outputValue("x")) && !isWrappedSecret(outputValue("x")));
        assert.ok(isWrappedSecret(outputValue("x", true)));
        assert.ok(isSecretValue(wrapSecret("x")) && !isResourceReference(wrapSecret("x")));
    });

    it("unwraps an output value to its value, and to the unknown sentinel when it has none", () => {
        assert.deepEqual(unwrapSecrets({ a: outputValue({ b: wrapSecret(1) }, true) }), { a: { b: 1 } });
        assert.equal(unwrapSecrets({ [specialSigKey]: specialOutputValueSig }), unknownValue);
    });
});

describe("mock runner: leak scan", () => {
    it("accepts a secret that stays wrapped, in inputs and outputs", () => {
        assert.deepEqual(findSecretLeaks(run({ stringData: wrapSecret({ password: SECRET }) }, { password: wrapSecret(SECRET) })), []);
        assert.deepEqual(findSecretLeaks(run({ data: outputValue(SECRET, true) })), []);
    });

    it("finds a plaintext secret in inputs and outputs", () => {
        assert.deepEqual(findSecretLeaks(run({ data: { password: SECRET } }, { operators: [`x${SECRET}`] })), [
            { where: "kubernetes:core/v1:Secret s", path: "inputs.data.password" },
            { where: "stack outputs", path: "outputs.operators[0]" },
        ]);
    });

    it("looks inside a non-secret output value and a resource reference", () => {
        assert.deepEqual(findSecretLeaks(run({ a: outputValue({ password: SECRET }), b: resourceRef(`urn:${SECRET}`) })), [
            { where: "kubernetes:core/v1:Secret s", path: "inputs.a.value.password" },
            { where: "kubernetes:core/v1:Secret s", path: "inputs.b.urn" },
        ]);
    });
});
