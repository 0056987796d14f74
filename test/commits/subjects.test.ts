// Commit subjects are at most 72 characters: the commit-msg hook CONTRIBUTING tells a newcomer to
// install refuses a longer one, and the range check CI runs names each long subject a push adds.
import { strict as assert } from "assert";
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");
const CHECKER = path.join(ROOT, "scripts/commits/checkSubjects.js");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { subjectOf, subjectProblem, rangeProblems } = require(CHECKER) as {
    subjectOf(message: string): string;
    subjectProblem(subject: string): string | undefined;
    rangeProblems(range: string, cwd?: string): string[];
};

const IDENTITY = ["-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false"];

/** A fresh repository with the project's hooks installed, as CONTRIBUTING says. */
function repository(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "subjects-"));
    execFileSync("git", ["init", "-q", dir]);
    execFileSync("git", ["config", "core.hooksPath", path.join(ROOT, "scripts/git-hooks")], { cwd: dir });
    return dir;
}

function commit(dir: string, message: string) {
    fs.writeFileSync(path.join(dir, "file"), `${Math.random()}`);
    execFileSync("git", ["add", "file"], { cwd: dir });
    return spawnSync("git", [...IDENTITY, "commit", "-q", "-m", message], { cwd: dir, encoding: "utf8" });
}

describe("commit subjects", () => {
    it("accept 72 characters and refuse 73, counting characters, not bytes", () => {
        assert.equal(subjectProblem("a".repeat(72)), undefined);
        assert.match(subjectProblem("a".repeat(73)) ?? "", /has 73 characters; at most 72/);
        assert.equal(subjectProblem("é".repeat(72)), undefined, "72 two-byte characters");
        assert.match(subjectProblem("") ?? "", /empty/);
    });

    it("are the first line of the message that is not a comment", () => {
        assert.equal(subjectOf("# Please enter the commit message\n\n  Fix the thing  \n\nBecause.\n"), "Fix the thing");
    });

    it("are checked by the commit-msg hook: a long one is refused, a short one committed", () => {
        const dir = repository();
        try {
            const refused = commit(dir, `${"x".repeat(73)}\n\nA body may be as long as it likes.`);
            assert.notEqual(refused.status, 0);
            assert.match(refused.stderr, /commit subject: the subject has 73 characters; at most 72/);
            const accepted = commit(dir, "x".repeat(72));
            assert.equal(accepted.status, 0, accepted.stderr);
            assert.equal(execFileSync("git", ["rev-list", "--count", "HEAD"], { cwd: dir, encoding: "utf8" }).trim(), "1");
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    it("are checked over a range, naming each long subject and nothing before the range", () => {
        const dir = repository();
        try {
            execFileSync("git", ["config", "core.hooksPath", "/dev/null"], { cwd: dir });
            for (const subject of ["old history that is far too long to pass the rule of seventy-two characters", "base", "short", `long ${"y".repeat(70)}`]) {
                assert.equal(commit(dir, subject).status, 0);
            }
            const problems = rangeProblems("HEAD~2..HEAD", dir);
            assert.equal(problems.length, 1, problems.join("\n"));
            assert.match(problems[0], /^[0-9a-f]{7,}: the subject has 75 characters; at most 72: "long y+"$/);
            const cli = spawnSync(process.execPath, [CHECKER, "--range", "HEAD~3..HEAD~1"], { cwd: dir, encoding: "utf8" });
            assert.equal(cli.status, 0, cli.stderr);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});
