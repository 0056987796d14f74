// Commit subjects are at most 72 characters (CONTRIBUTING, "Commits"). Two ways to hold the line:
//   node scripts/commits/checkSubjects.js --message-file FILE   the commit-msg hook (scripts/git-hooks)
//   node scripts/commits/checkSubjects.js --range BASE..HEAD     CI, over the commits a push adds
// Plain Node with no dependencies, so the hook runs before `npm ci` and in any clone. History is
// never rewritten: the range mode judges only the commits it is given.
"use strict";
const { execFileSync } = require("child_process");
const fs = require("fs");

const MAX_SUBJECT = 72;

/** The subject of a commit message as git records it: its first line that is not a comment, trimmed. */
function subjectOf(message) {
    const lines = message.split(/\r?\n/).filter((line) => !line.startsWith("#"));
    return (lines.find((line) => line.trim() !== "") ?? "").trim();
}

/** Why `subject` breaks the rule, or undefined when it keeps it. */
function subjectProblem(subject) {
    if (subject === "") return "the subject is empty";
    const length = [...subject].length;
    if (length > MAX_SUBJECT) return `the subject has ${length} characters; at most ${MAX_SUBJECT}: "${subject}"`;
    return undefined;
}

/** Problems of every commit in `range` (git rev-list syntax), one line each, naming the commit. */
function rangeProblems(range, cwd = process.cwd()) {
    const log = execFileSync("git", ["log", "--format=%h%x00%s", range], { cwd, encoding: "utf8" });
    return log.split("\n").filter(Boolean).map((line) => {
        const [hash, subject] = line.split("\0");
        const problem = subjectProblem(subject.trim());
        return problem && `${hash}: ${problem}`;
    }).filter(Boolean);
}

function main(argv) {
    const [mode, value] = argv;
    let problems;
    if (mode === "--message-file" && value) problems = [subjectProblem(subjectOf(fs.readFileSync(value, "utf8")))].filter(Boolean);
    else if (mode === "--range" && value) problems = rangeProblems(value);
    else {
        process.stderr.write("usage: checkSubjects.js --message-file FILE | --range BASE..HEAD\n");
        return 2;
    }
    for (const problem of problems) process.stderr.write(`commit subject: ${problem}\n`);
    if (problems.length > 0) process.stderr.write(`Shorten the subject to ${MAX_SUBJECT} characters or fewer; say the rest in the body (CONTRIBUTING.md, "Commits").\n`);
    return problems.length > 0 ? 1 : 0;
}

module.exports = { MAX_SUBJECT, subjectOf, subjectProblem, rangeProblems };

if (require.main === module) process.exitCode = main(process.argv.slice(2));
