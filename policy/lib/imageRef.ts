// Container image references, parsed by the grammar of the distribution reference library that
// Docker, containerd and the kubelet use, and normalised the way they resolve them: "nginx" is
// docker.io/library/nginx, "jaegertracing/jaeger" is docker.io/jaegertracing/jaeger.
//   reference := name [":" tag] ["@" digest]
//   name      := [domain "/"] path-component ("/" path-component)*
//   domain    := host [":" port]            (a first component with "." or ":", or "localhost")
//   path-component := [a-z0-9]+ ((\.|_|__|-+) [a-z0-9]+)*
//   tag       := [\w][\w.-]{0,127}
//   digest    := algorithm ":" hex          (sha256: 64 hex digits, sha512: 128)

export interface ImageRef {
    /** Registry host, lower-cased, e.g. "docker.io", "ghcr.io", "localhost:5000". */
    registry: string;
    /** Path below the registry, e.g. "library/nginx". */
    repository: string;
    tag?: string;
    digest?: string;
}

export type ParsedImage = { ok: true; ref: ImageRef } | { ok: false; problem: string };

const DOCKER_HUB_ALIASES = ["index.docker.io", "registry-1.docker.io"];
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*$/;
const DOMAIN_COMPONENT = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])$/;
const PORT = /^[0-9]+$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST_LENGTHS: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };

function domainProblem(domain: string): string | undefined {
    if (/^\[[0-9a-fA-F:]+\](:[0-9]+)?$/.test(domain)) return undefined;
    const colon = domain.lastIndexOf(":");
    const host = colon >= 0 ? domain.slice(0, colon) : domain;
    if (colon >= 0 && !PORT.test(domain.slice(colon + 1))) return `registry "${domain}" has an invalid port`;
    if (!host.split(".").every((c) => DOMAIN_COMPONENT.test(c))) return `registry "${domain}" is not a valid host name`;
    return undefined;
}

function digestProblem(digest: string): string | undefined {
    const colon = digest.indexOf(":");
    if (colon <= 0) return `digest "${digest}" is not of the form <algorithm>:<hex>`;
    const algorithm = digest.slice(0, colon);
    const hex = digest.slice(colon + 1);
    const length = DIGEST_LENGTHS[algorithm];
    if (length === undefined) return `digest algorithm "${algorithm}" is not one of ${Object.keys(DIGEST_LENGTHS).join(", ")}`;
    if (!/^[0-9a-f]*$/.test(hex)) return `digest "${digest}" is not lower-case hex`;
    if (hex.length !== length) return `digest "${digest}" has ${hex.length} hex digits; ${algorithm} has ${length}`;
    return undefined;
}

/** Parses a reference exactly as given (no trimming): what the kubelet would pull, or why it cannot. */
export function parseImage(image: string): ParsedImage {
    const fail = (problem: string): ParsedImage => ({ ok: false, problem });
    if (image === "") return fail("is empty");
    if (/\s/.test(image)) return fail("contains whitespace");
    let rest = image;
    let digest: string | undefined;
    const at = rest.indexOf("@");
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
        const problem = digestProblem(digest);
        if (problem) return fail(problem);
    }
    let tag: string | undefined;
    const lastColon = rest.lastIndexOf(":");
    if (lastColon > rest.lastIndexOf("/")) {
        tag = rest.slice(lastColon + 1);
        rest = rest.slice(0, lastColon);
        if (tag === "") return fail("has an empty tag after \":\"");
        if (!TAG.test(tag)) return fail(`tag "${tag}" is not valid (letters, digits, "_", "." and "-", at most 128)`);
    }
    const slash = rest.indexOf("/");
    const first = slash >= 0 ? rest.slice(0, slash) : "";
    const hasDomain = slash >= 0 && (first.includes(".") || first.includes(":") || first === "localhost");
    let registry = hasDomain ? first.toLowerCase() : "docker.io";
    let repository = hasDomain ? rest.slice(slash + 1) : rest;
    if (hasDomain) {
        const problem = domainProblem(first);
        if (problem) return fail(problem);
    }
    if (repository === "") return fail("names no repository");
    for (const component of repository.split("/")) {
        if (/[A-Z]/.test(component)) return fail(`repository path "${repository}" has upper-case letters; it must be lower case`);
        if (!PATH_COMPONENT.test(component)) return fail(`repository path component "${component}" is not valid (lower-case letters, digits, separators . _ __ -)`);
    }
    if (DOCKER_HUB_ALIASES.includes(registry)) registry = "docker.io";
    if (registry === "docker.io" && !repository.includes("/")) repository = `library/${repository}`;
    return { ok: true, ref: { registry, repository, tag, digest } };
}

/** "docker.io/library/nginx" for "nginx:1.27". */
export function imageName(ref: ImageRef): string {
    return `${ref.registry}/${ref.repository}`;
}

export interface RegistryEntry {
    registry: string;
    /** Leading path segments the image's repository must start with; empty for the whole registry. */
    path: string[];
}

/** An allowed-registry entry: "ghcr.io" or "ghcr.io/stefanprodan", compared by host and whole path segments. */
export function parseRegistryEntry(entry: string): RegistryEntry {
    const [registry, ...path] = entry.replace(/\/+$/, "").split("/");
    const host = registry.toLowerCase();
    return { registry: DOCKER_HUB_ALIASES.includes(host) ? "docker.io" : host, path };
}

/** Whether an allowed-registry entry covers an image: the same host, and its path segments as a prefix. */
export function registryAllows(entry: RegistryEntry, ref: ImageRef): boolean {
    if (entry.registry !== ref.registry) return false;
    const segments = ref.repository.split("/");
    return entry.path.length < segments.length && entry.path.every((segment, i) => segments[i] === segment);
}
