// An image reference read in CEL the way @reference-platform/grammar's parseImageReference reads it
// (distribution's grammar and normalisation, step by step, with the same explanations), so the pack
// and the API server judge and explain a reference alike. Each step is named with `cel.bind` in
// the text below, rewritten by `withoutBind` into the standard `map` macro (celBind), since the
// API server's CEL has no bindings extension. The result is a map of strings: `problem` ('' when valid: the rest of the
// text after "it "), and for a valid reference `registry`, `repository` (normalised), `tag` and
// `digest` ('' when absent) and `hasTag` ('yes' or ''). Every character of a reference distribution
// accepts is ASCII, where CEL's and JavaScript's string positions, case and regular expressions
// agree; a non-ASCII reference is malformed for both, its explanation may differ.
import { celBind, celList } from "../admission/rule";

const PATH_COMPONENT = "^[a-z0-9]+((\\\\.|_|__|-+)[a-z0-9]+)*$";
const DOMAIN_COMPONENT = "^([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])$";
const IPV6_DOMAIN = "^\\\\[[0-9a-fA-F:]+\\\\](:[0-9]+)?$";
const TAG = "^[\\\\w][\\\\w.-]{0,127}$";
const DIGEST_LENGTHS: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };
export const MAX_REPOSITORY_LENGTH = 255;

const DIGEST_PROBLEM = "cel.bind(colon, digest.indexOf(':'), colon <= 0 ? 'digest \"' + digest + '\" is not of the form <algorithm>:<hex>' : " +
    "cel.bind(alg, digest.substring(0, colon), cel.bind(hex, digest.substring(colon + 1), " +
    `!(alg in ${celList(Object.keys(DIGEST_LENGTHS))}) ? 'digest algorithm "' + alg + '" is not one of ${Object.keys(DIGEST_LENGTHS).join(", ")}' : ` +
    "!hex.matches('^[0-9a-f]*$') ? 'digest \"' + digest + '\" is not lower-case hex' : " +
    `cel.bind(want, ${Object.entries(DIGEST_LENGTHS).map(([a, n]) => `alg == '${a}' ? ${n} : `).join("")}0, ` +
    "size(hex) != want ? 'digest \"' + digest + '\" has ' + string(size(hex)) + ' hex digits; ' + alg + ' has ' + string(want) : ''))))";

const DOMAIN_PROBLEM = `first.matches('${IPV6_DOMAIN}') ? '' : cel.bind(colon, first.lastIndexOf(':'), ` +
    "cel.bind(host, colon >= 0 ? first.substring(0, colon) : first, " +
    "colon >= 0 && !first.substring(colon + 1).matches('^[0-9]+$') ? 'registry \"' + first + '\" has an invalid port' : " +
    `!host.split('.').all(x, x.matches('${DOMAIN_COMPONENT}')) ? 'registry "' + first + '" is not a valid host name' : ''))`;

const PATH_PROBLEM = `cel.bind(bad, repository.split('/').filter(x, x.matches('[A-Z]') || !x.matches('${PATH_COMPONENT}')), ` +
    "size(bad) == 0 ? '' : bad[0].matches('[A-Z]') ? 'repository path \"' + repository + '\" has upper-case letters; it must be lower case' : " +
    "'repository path component \"' + bad[0] + '\" is not valid (lower-case letters, digits, separators . _ __ -)')";

// Every value is a string (string() over what derives from the object, which is dyn): the API
// server's checker wants homogeneous map literals.
const invalid = (problem: string) => `{'problem': string(${problem}), 'registry': '', 'repository': '', 'tag': '', 'digest': '', 'hasTag': ''}`;

/** The index of the parenthesis that closes the one opened just before `from`, skipping string literals. */
function closing(text: string, from: number): number {
    let depth = 1;
    for (let i = from; i < text.length; i++) {
        const ch = text[i];
        if (ch === "'" || ch === '"') {
            for (i++; i < text.length && text[i] !== ch; i++) if (text[i] === "\\") i++;
        } else if (ch === "(" || ch === "[" || ch === "{") depth++;
        else if (ch === ")" || ch === "]" || ch === "}") {
            if (--depth === 0) return i;
        }
    }
    throw new Error("unbalanced CEL");
}

/** The top-level comma-separated arguments of `text`. */
function args(text: string): string[] {
    const parts: string[] = [];
    let start = 0;
    for (let i = 0; i < text.length; i++) {
        const ch = text[i];
        if (ch === "'" || ch === '"') {
            for (i++; i < text.length && text[i] !== ch; i++) if (text[i] === "\\") i++;
        } else if (ch === "(" || ch === "[" || ch === "{") i = closing(text, i + 1);
        else if (ch === ",") {
            parts.push(text.slice(start, i).trim());
            start = i + 1;
        }
    }
    parts.push(text.slice(start).trim());
    return parts;
}

/** `cel.bind(name, value, body)`, innermost first, as celBind's standard macro. */
function withoutBind(text: string): string {
    const at = text.lastIndexOf("cel.bind(");
    if (at < 0) return text;
    const open = at + "cel.bind(".length;
    const end = closing(text, open);
    const [name, value, body] = args(text.slice(open, end));
    return withoutBind(text.slice(0, at) + celBind(name, value, body) + text.slice(end + 1));
}

/** CEL: the reference `image` (a CEL string expression) parsed, as the map described above. */
export function parseImageCel(image: string): string {
    return withoutBind(parseImageWithBind(image));
}

function parseImageWithBind(image: string): string {
    return `cel.bind(img, ${image}, ` +
        `img == '' ? ${invalid("'is empty'")} : img.matches('\\\\s') ? ${invalid("'contains whitespace'")} : ` +
        `img.matches('^[a-f0-9]{64}$') ? ${invalid("'is a 64-hex-digit image ID, not a repository name'")} : ` +
        "cel.bind(at, img.indexOf('@'), cel.bind(digest, at >= 0 ? img.substring(at + 1) : '', cel.bind(rest, at >= 0 ? img.substring(0, at) : img, " +
        `cel.bind(digestProblem, at >= 0 ? ${DIGEST_PROBLEM} : '', digestProblem != '' ? ${invalid("digestProblem")} : ` +
        "cel.bind(hasTag, rest.lastIndexOf(':') > rest.lastIndexOf('/'), " +
        "cel.bind(tag, hasTag ? rest.substring(rest.lastIndexOf(':') + 1) : '', cel.bind(name, hasTag ? rest.substring(0, rest.lastIndexOf(':')) : rest, " +
        `hasTag && tag == '' ? ${invalid("'has an empty tag after \":\"'")} : ` +
        `hasTag && !tag.matches('${TAG}') ? ${invalid("'tag \"' + tag + '\" is not valid (letters, digits, \"_\", \".\" and \"-\", at most 128)'")} : ` +
        "cel.bind(first, name.indexOf('/') >= 0 ? name.substring(0, name.indexOf('/')) : '', " +
        "cel.bind(isDomain, name.indexOf('/') >= 0 && (first == 'localhost' || first.matches('[.:]') || first.matches('[A-Z]')), " +
        // CEL's grammar takes a conditional's middle branch without parentheses only if it is no conditional itself.
        `cel.bind(domainProblem, isDomain ? (${DOMAIN_PROBLEM}) : '', ` +
        "cel.bind(repository, isDomain ? name.substring(size(first) + 1) : name, " +
        `domainProblem != '' ? ${invalid("domainProblem")} : repository == '' ? ${invalid("'names no repository'")} : ` +
        `cel.bind(pathProblem, ${PATH_PROBLEM}, pathProblem != '' ? ${invalid("pathProblem")} : ` +
        "cel.bind(registry, !isDomain || first == 'index.docker.io' ? 'docker.io' : first.lowerAscii(), " +
        "cel.bind(normalised, registry == 'docker.io' && !repository.contains('/') ? 'library/' + repository : repository, " +
        `size(normalised) > ${MAX_REPOSITORY_LENGTH} ? ${invalid(`'repository path is longer than ${MAX_REPOSITORY_LENGTH} characters'`)} : ` +
        "{'problem': '', 'registry': string(registry), 'repository': string(normalised), 'tag': string(tag), 'digest': string(digest), 'hasTag': hasTag ? 'yes' : ''}" +
        // one for each cel.bind above
        ")".repeat(15);
}
