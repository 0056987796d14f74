// The workflow's pulumi commands as e2e reads them, and how an executed command covers one.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { commandsNotRun, WORKFLOW, workflowPulumiCommands } from "../../scripts/e2e/workflowCommands";

const REPO = path.resolve(__dirname, "../..");
const text = fs.readFileSync(WORKFLOW, "utf8");
const pack = (s: string) => ["--policy-pack", "policy", "--policy-pack-config", `stacks/${s}/policy-config.json`];

describe("e2e workflow commands", () => {
    it("reads the run blocks' pulumi lines and the action's preview, once per matrix stack", () => {
        const commands = workflowPulumiCommands(text).map((c) => c.join(" "));
        const expected = [
            ...["dev", "staging", "prod"].flatMap((s) => [
                `stack select --create --secrets-provider passphrase ${s}`,
                ["preview", "--stack", s, ...pack(s)].join(" "),
            ]),
            "login file://~",
            "stack select --create --secrets-provider passphrase dev",
            ["up", "--stack", "dev", "--yes", ...pack("dev")].join(" "),
            "destroy --stack dev --yes",
        ];
        assert.deepEqual([...commands].sort(), [...expected].sort());
    });

    it("counts a command run with absolute paths, another backend and more flags as the workflow's", () => {
        const workflowLike = `jobs:\n  e2e:\n    steps:\n      - run: pulumi up --stack dev --yes --policy-pack policy\n      - run: pulumi login file://~\n`;
        const executed = [
            ["up", "--stack", "dev", "--yes", "--skip-preview", "--policy-pack", path.join(REPO, "policy")],
            ["login", "file:///tmp/platform-e2e-x/state"],
        ];
        assert.deepEqual(commandsNotRun(executed, workflowLike), []);
    });

    it("names a workflow command no executed one covers: another subcommand, a missing flag", () => {
        const workflowLike = `jobs:\n  e2e:\n    steps:\n      - run: pulumi destroy --stack dev --yes\n      - run: pulumi up --stack dev --yes\n`;
        const executed = [["preview", "--stack", "dev", "--yes"], ["up", "--stack", "dev"]];
        assert.deepEqual(commandsNotRun(executed, workflowLike), ["pulumi destroy --stack dev --yes", "pulumi up --stack dev --yes"]);
    });
});
