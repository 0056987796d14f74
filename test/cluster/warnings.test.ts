// The API server's Warning headers, as kubeClient reads them: an admission policy's Warn action
// arrives as `299 - "<text>"`, with the text's quotes escaped as HTTP quoted-strings escape them.
import { strict as assert } from "assert";
import { warningsOf } from "../../scripts/cluster/kubeClient";

describe("cluster client: Warning headers", () => {
    it("reads the text of each header, quotes unescaped", () => {
        // As kube-apiserver v1.36 sent it for a Warn binding (cluster:verify, dev).
        const header = "299 - \"Validation failed for ValidatingAdmissionPolicy 'p' with binding 'p': opts its pods out of the mesh " +
            "(sidecar.istio.io/inject annotation \\\"false\\\") in mesh namespace shop\"";
        assert.deepEqual(warningsOf([header, "299 - \"plain\""]), [
            "Validation failed for ValidatingAdmissionPolicy 'p' with binding 'p': opts its pods out of the mesh " +
            "(sidecar.istio.io/inject annotation \"false\") in mesh namespace shop",
            "plain",
        ]);
    });

    it("reads no header as no warning", () => {
        assert.deepEqual(warningsOf(undefined), []);
        assert.deepEqual(warningsOf("299 - \"one\""), ["one"]);
    });
});
