// Label selectors as the API server evaluates them; istiod's injector selectors as the cases.
import { strict as assert } from "assert";
import { matches } from "../../scripts/cluster/verify/selectors";

const revisionNamespaces = { matchExpressions: [
    { key: "istio.io/rev", operator: "In", values: ["1-29"] },
    { key: "istio-injection", operator: "DoesNotExist" },
] };
const notOptedOut = { matchExpressions: [{ key: "sidecar.istio.io/inject", operator: "NotIn", values: ["false"] }] };

describe("label selectors", () => {
    it("an absent selector selects everything", () => assert.ok(matches(undefined, {})));
    it("In needs the key with one of the values", () => {
        assert.ok(matches(revisionNamespaces, { "istio.io/rev": "1-29" }));
        assert.ok(!matches(revisionNamespaces, { "istio.io/rev": "1-30" }));
        assert.ok(!matches(revisionNamespaces, {}));
    });
    it("DoesNotExist refuses the key whatever its value", () => {
        assert.ok(!matches(revisionNamespaces, { "istio.io/rev": "1-29", "istio-injection": "disabled" }));
    });
    it("NotIn passes when the key is absent", () => {
        assert.ok(matches(notOptedOut, {}));
        assert.ok(!matches(notOptedOut, { "sidecar.istio.io/inject": "false" }));
    });
    it("matchLabels needs every pair", () => {
        assert.ok(matches({ matchLabels: { a: "1", b: "2" } }, { a: "1", b: "2", c: "3" }));
        assert.ok(!matches({ matchLabels: { a: "1", b: "2" } }, { a: "1" }));
    });
    it("an unknown operator selects nothing", () => {
        assert.ok(!matches({ matchExpressions: [{ key: "a", operator: "Gt", values: ["1"] }] }, { a: "2" }));
    });
});
