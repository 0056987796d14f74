// Mocha's config: the options of .mocharc.json, plus the default suites when the command line
// names none. Mocha adds a config file's `spec` to the command line's, so with a fixed `spec`
// `npm test -- test/policy` or `npx mocha 'test/policy/**/*.test.ts'` would run everything.
const { aliases, types } = require("mocha/lib/cli/run-option-metadata.cjs");

const DEFAULT_SPEC = ["test/**/*.test.ts", "examples/**/test/*.test.ts"];

/** Flags that take a value ("--grep x", "-g x"), with their short aliases. */
const TAKES_VALUE = new Set([...types.array, ...types.string, ...types.number]
    .flatMap((flag) => [flag, ...(aliases[flag] ?? [])])
    .map((flag) => (flag.length === 1 ? `-${flag}` : `--${flag}`)));

function namesSuites(argv) {
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === "--") return i < argv.length - 1;
        if (arg === "--spec" || arg.startsWith("--spec=")) return true;
        if (!arg.startsWith("-")) return true;
        if (TAKES_VALUE.has(arg)) i++;
    }
    return false;
}

module.exports = {
    ...require("./.mocharc.json"),
    ...(namesSuites(process.argv.slice(2)) ? {} : { spec: DEFAULT_SPEC }),
};
