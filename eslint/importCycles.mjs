// A lint rule against import cycles among the repository's own modules, type-only imports
// included. import-x/no-cycle skips `import type`, but a type-only cycle is still a pair of modules
// that cannot be understood, moved or published apart. The graph is built from relative imports
// and re-exports (`import ... from "./x"`, `export ... from "./x"`, `import("./x")`); a module
// reached by package name is another package and cannot close a cycle here.
import * as fs from "node:fs";
import * as path from "node:path";

const SPECIFIER = /(?:\bimport|\bexport)\s[^;]*?\bfrom\s*["'](\.{1,2}\/[^"']*)["']|\bimport\s*\(\s*["'](\.{1,2}\/[^"']*)["']\s*\)/g;
const EXTENSIONS = [".ts", ".d.ts", ".js", "/index.ts", "/index.js"];

/** The file a relative specifier names, or undefined when it names none on disk. */
function resolveRelative(from, specifier) {
    const base = path.resolve(path.dirname(from), specifier);
    // Node16 ESM specifiers name the emitted .js of a .ts source.
    const typed = /\.js$/.test(base) ? [base.replace(/\.js$/, ".ts")] : [];
    for (const candidate of [...typed, base, ...EXTENSIONS.map((ext) => base + ext)]) {
        if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
    }
    return undefined;
}

/** Strips comments, so an import quoted in a comment is not an edge. */
const withoutComments = (text) => text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:\\])\/\/.*$/gm, "$1");

const edgesCache = new Map();

/** The repository files `file` imports relatively, value and type imports alike. */
function importsOf(file, text) {
    if (text === undefined && edgesCache.has(file)) return edgesCache.get(file);
    const source = withoutComments(text ?? fs.readFileSync(file, "utf8"));
    const edges = new Set();
    for (const match of source.matchAll(SPECIFIER)) {
        const resolved = resolveRelative(file, match[1] ?? match[2]);
        if (resolved && !resolved.includes(`${path.sep}node_modules${path.sep}`)) edges.add(resolved);
    }
    const list = [...edges];
    if (text === undefined) edgesCache.set(file, list);
    return list;
}

/** A path of imports from `start` back to `target`, or undefined. */
function pathBack(start, target, seen) {
    if (start === target) return [target];
    if (seen.has(start)) return undefined;
    seen.add(start);
    for (const next of importsOf(start)) {
        const rest = pathBack(next, target, seen);
        if (rest) return [start, ...rest];
    }
    return undefined;
}

export const noImportCycle = {
    meta: {
        type: "problem",
        docs: { description: "Forbid import cycles among the repository's modules, type-only imports included." },
        schema: [],
        messages: { cycle: "import cycle: {{route}} (type-only imports count: move the shared type or value to a module both can import)" },
    },
    create(context) {
        const file = context.physicalFilename;
        const root = context.cwd;
        return {
            "Program:exit"(node) {
                edgesCache.delete(file);
                for (const imported of importsOf(file, context.sourceCode.text)) {
                    const route = pathBack(imported, file, new Set());
                    if (!route) continue;
                    const shown = [file, ...route].map((f) => path.relative(root, f)).join(" -> ");
                    context.report({ node, messageId: "cycle", data: { route: shown } });
                }
            },
        };
    },
};

export default { rules: { "no-import-cycle": noImportCycle } };
