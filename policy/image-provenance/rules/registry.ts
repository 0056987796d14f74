// `registry`: every image comes from one of the stack's allowed registries, or registry/path
// prefixes, matched by host and whole path segments (Docker Hub short names are
// docker.io/library). The allowed entries are carried into the CEL as literals.
import { parseRegistryPrefix } from "@reference-platform/grammar";
import { celString } from "../../admission/rule";
import { aboutValid, imageRule, validAnd } from "./image";

/** CEL over the parsed reference `r`: one of the entries covers it (registryPrefixCovers). */
function coveredCel(entries: readonly string[]): string {
    const terms = entries.map((entry) => {
        const prefix = parseRegistryPrefix(entry);
        const registry = `r.registry == ${celString(prefix.registry)}`;
        return prefix.path.length === 0 ? registry : `(${registry} && r.repository.startsWith(${celString(`${prefix.path.join("/")}/`)}))`;
    });
    return terms.length > 0 ? terms.join(" || ") : "false";
}

export const registry = imageRule("registry", (settings) => ({
    bad: validAnd(`!(${coveredCel(settings.allowedRegistries)})`),
    text: `'image "' + c.image + '" (' + ${aboutValid("r.registry + '/' + r.repository")} + ') is not from an allowed registry: ' + ` +
        celString(settings.allowedRegistries.join(", ") || "none configured"),
}));
