// Container image references, read by the grammar of the distribution reference library that
// Docker, containerd and the kubelet use, and normalised the way it resolves them:
//   reference      := name [":" tag] ["@" digest]
//   name           := [domain "/"] path-component ("/" path-component)*
//   domain         := host [":" port]              host names, IPv4 or [IPv6] literals
//   path-component := [a-z0-9]+ ((\.|_|__|-+) [a-z0-9]+)*
//   tag            := [\w][\w.-]{0,127}
//   digest         := algorithm ":" hex            sha256: 64 lower-case hex digits, sha384: 96, sha512: 128
// The first component names the registry only when it has a "." or a ":", is "localhost", or has
// upper-case letters; otherwise the image is on Docker Hub. Docker Hub is "docker.io" (the legacy
// "index.docker.io" is the same registry), and a one-component Docker Hub name is an official
// image under "library/": "nginx" and "docker.io/nginx" are both docker.io/library/nginx.

export interface ImageReference {
    /** Registry host, lower-cased (host names are case-insensitive), e.g. "docker.io", "localhost:5000". */
    registry: string;
    /** Path below the registry, e.g. "library/nginx". */
    repository: string;
    tag?: string;
    digest?: string;
}

export type ParsedImageReference = { ok: true; ref: ImageReference } | { ok: false; problem: string };

export const DOCKER_HUB = "docker.io";
const LEGACY_DOCKER_HUB = "index.docker.io";
const OFFICIAL_IMAGES = "library/";
/** distribution's limit on the repository path (after normalisation). */
export const MAX_REPOSITORY_LENGTH = 255;

const PATH_COMPONENT = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*$/;
const DOMAIN_COMPONENT = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])$/;
const IPV6_DOMAIN = /^\[[0-9a-fA-F:]+\](?::[0-9]+)?$/;
const PORT = /^[0-9]+$/;
const TAG = /^[\w][\w.-]{0,127}$/;
/** A bare image ID: distribution refuses it as a repository name. */
const IDENTIFIER = /^[a-f0-9]{64}$/;
const DIGEST_LENGTHS: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };

function domainProblem(domain: string): string | undefined {
    if (IPV6_DOMAIN.test(domain)) return undefined;
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

/** The registry part of a name, when its first component is one (distribution's rule). */
function domainOf(name: string): string | undefined {
    const slash = name.indexOf("/");
    if (slash < 0) return undefined;
    const first = name.slice(0, slash);
    return first === "localhost" || /[.:]/.test(first) || first.toLowerCase() !== first ? first : undefined;
}

/** Parses a reference exactly as given (no trimming): what the kubelet would pull, or why it cannot. */
export function parseImageReference(image: string): ParsedImageReference {
    const fail = (problem: string): ParsedImageReference => ({ ok: false, problem });
    if (image === "") return fail("is empty");
    if (/\s/.test(image)) return fail("contains whitespace");
    if (IDENTIFIER.test(image)) return fail("is a 64-hex-digit image ID, not a repository name");
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
    const domain = domainOf(rest);
    let repository = domain === undefined ? rest : rest.slice(domain.length + 1);
    if (domain !== undefined) {
        const problem = domainProblem(domain);
        if (problem) return fail(problem);
    }
    if (repository === "") return fail("names no repository");
    for (const component of repository.split("/")) {
        if (/[A-Z]/.test(component)) return fail(`repository path "${repository}" has upper-case letters; it must be lower case`);
        if (!PATH_COMPONENT.test(component)) return fail(`repository path component "${component}" is not valid (lower-case letters, digits, separators . _ __ -)`);
    }
    const registry = domain === undefined || domain === LEGACY_DOCKER_HUB ? DOCKER_HUB : domain.toLowerCase();
    if (registry === DOCKER_HUB && !repository.includes("/")) repository = OFFICIAL_IMAGES + repository;
    if (repository.length > MAX_REPOSITORY_LENGTH) return fail(`repository path is longer than ${MAX_REPOSITORY_LENGTH} characters`);
    return { ok: true, ref: { registry, repository, tag, digest } };
}

/** "docker.io/library/nginx" for "nginx:1.27". */
export function imageName(ref: ImageReference): string {
    return `${ref.registry}/${ref.repository}`;
}

/**
 * Why an image reference is not pinned to one image, or undefined when it is: a digest, or a tag
 * other than latest (a tag can move, but a version tag is the convention images are published by).
 */
export function unpinnedImageReason(image: string): string | undefined {
    const parsed = parseImageReference(image);
    if (!parsed.ok) return `is not a valid image reference: it ${parsed.problem}`;
    if (parsed.ref.digest) return undefined;
    if (!parsed.ref.tag) return "has no tag; pin a version tag or a sha256 digest";
    if (parsed.ref.tag === "latest") return 'uses the mutable tag "latest"; pin a version tag or a sha256 digest';
    return undefined;
}

export interface RegistryPrefix {
    registry: string;
    /** Leading path segments the image's repository must start with; empty for the whole registry. */
    path: string[];
}

/** A registry or registry/path prefix ("ghcr.io", "docker.io/library"), normalised like a reference's domain. */
export function parseRegistryPrefix(prefix: string): RegistryPrefix {
    const [registry, ...path] = prefix.replace(/\/+$/, "").split("/");
    const host = registry.toLowerCase();
    return { registry: host === LEGACY_DOCKER_HUB ? DOCKER_HUB : host, path };
}

/** Whether a prefix covers an image: the same registry, and its path segments as a leading part. */
export function registryPrefixCovers(prefix: RegistryPrefix, ref: ImageReference): boolean {
    if (prefix.registry !== ref.registry) return false;
    const segments = ref.repository.split("/");
    return prefix.path.length < segments.length && prefix.path.every((segment, i) => segments[i] === segment);
}
