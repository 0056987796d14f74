// The team-service example's own test (examples/team-service/test) runs against a recorded platform
// contract, so it needs no platform and runs from a copy outside the repository. The recording is
// what the platform program really exports for dev and prod: this suite fails when it goes stale.
//   RECORD_EXAMPLE_CONTRACT=1 npx mocha test/consumer/exampleContract.test.ts   rewrites it
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { CONTRACT_AREAS } from "@reference-platform/consumer/contract";
import { runOk } from "../harness";
import { unwrapSecrets } from "../harness/wire";

const EXAMPLE_TEST_DIR = path.resolve(__dirname, "../../examples/team-service/test");
const RECORDED_STACKS = ["dev", "prod"];

/** The recording's file for a platform stack. */
const recordingPath = (stack: string) => path.join(EXAMPLE_TEST_DIR, `platform-contract.${stack}.json`);

/** A platform stack's contract outputs, as a StackReference to it reads them. */
function contractOutputs(stack: string): Record<string, unknown> {
    const run = runOk(stack);
    return unwrapSecrets(Object.fromEntries(["contractVersion", ...CONTRACT_AREAS].map((k) => [k, run.outputs[k]])));
}

describe("the team-service example's recorded platform contract", function () {
    this.timeout(300_000);
    for (const stack of RECORDED_STACKS) {
        it(`is what the ${stack} platform exports`, () => {
            const current = `${JSON.stringify(contractOutputs(stack), null, 2)}\n`;
            if (process.env.RECORD_EXAMPLE_CONTRACT === "1") fs.writeFileSync(recordingPath(stack), current);
            assert.ok(fs.existsSync(recordingPath(stack)) && fs.readFileSync(recordingPath(stack), "utf8") === current,
                `${path.relative(process.cwd(), recordingPath(stack))} is stale: run RECORD_EXAMPLE_CONTRACT=1 npx mocha test/consumer/exampleContract.test.ts`);
        });
    }
});
