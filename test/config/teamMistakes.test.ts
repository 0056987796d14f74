// Every case of teamMistakes.ts through the example team program under mocks, with a
// StackReference returning what the platform program really exports for that stack: a mistake
// stops the program before any object is registered, with its line, and no message prints a value
// set with --secret or given to secretEnv.
import { strict as assert } from "assert";
import { RunResult, runStack } from "../harness";
import { PLANTED_SECRET, TEAM_MISTAKE_ENV, TEAM_MISTAKES, TeamMistake, VALID } from "./teamMistakes";

const PROJECT = "examples/team-service";
const WITH_ARGS = "test/config/teamMistakeProgram.ts";

function runMistake(c: TeamMistake): RunResult {
    const stack = c.stack ?? "dev";
    const platform = runStack(stack, c.platform ?? {});
    assert.equal(platform.error, undefined, `the platform stack itself: ${platform.error}`);
    return runStack(stack, c.config ?? {}, {
        projectDir: PROJECT,
        stackReferenceOutputs: platform.outputs,
        ...(c.args ? { main: WITH_ARGS, env: { [TEAM_MISTAKE_ENV]: c.title } } : {}),
    });
}

/** What the program registered besides the StackReference it reads the platform through. */
const registered = (run: RunResult) => run.resources.filter((r) => !/^pulumi:pulumi:(Stack|StackReference)$/.test(r.type)).map((r) => `${r.type}::${r.name}`);

describe("team mistakes table (test/config/teamMistakes.ts)", () => {
    it("holds at least 60 cases, in the arguments and in the stack config, with unique titles", () => {
        assert.ok(TEAM_MISTAKES.length >= 60, String(TEAM_MISTAKES.length));
        assert.ok(TEAM_MISTAKES.filter((c) => c.args).length >= 20);
        assert.ok(TEAM_MISTAKES.filter((c) => c.config && !c.args).length >= 20);
        assert.equal(new Set(TEAM_MISTAKES.map((c) => c.title)).size, TEAM_MISTAKES.length);
    });

    for (const c of TEAM_MISTAKES) {
        const where = `${c.args ? "arguments" : "config"}, ${c.stack ?? "dev"}`;
        it(`${c.expect === VALID ? "runs with" : "refuses before any object"} ${c.title} (${where})`, () => {
            const run = runMistake(c);
            const message = run.error ?? "";
            for (const secret of [PLANTED_SECRET, ...run.secretValues]) assert.ok(!message.includes(secret), `the message prints a secret: ${message}`);
            if (c.expect === VALID) {
                assert.equal(run.error, undefined);
                assert.ok(registered(run).length > 0);
            } else {
                assert.match(message, c.expect);
                assert.deepEqual(registered(run), []);
            }
        });
    }
});
