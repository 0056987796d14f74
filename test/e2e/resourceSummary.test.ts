// The report line of an update shows what it did, not what its preview planned.
import { strict as assert } from "assert";
import { resourceSummary } from "../../scripts/e2e/steps";

describe("e2e resource summary", () => {
    it("takes the update's closing summary when the preview printed one first", () => {
        const output = "Previewing update (dev):\n\nResources:\n    + 428 to create\n\nUpdating (dev):\n\nResources:\n    + 428 created\n\nDuration: 4m\n";
        assert.equal(resourceSummary(output), "+ 428 created");
    });

    it("is empty when the engine printed none", () => {
        assert.equal(resourceSummary("error: update failed\n"), "");
    });
});
