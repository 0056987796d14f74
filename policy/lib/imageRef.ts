// Container image references, normalised the way container runtimes resolve them:
// "nginx" is docker.io/library/nginx, "jaegertracing/jaeger" is docker.io/jaegertracing/jaeger.

export interface ImageRef {
    /** Registry host, e.g. "docker.io", "ghcr.io", "localhost:5000". */
    registry: string;
    /** Path below the registry, e.g. "library/nginx". */
    repository: string;
    tag?: string;
    digest?: string;
}

const DOCKER_HUB_ALIASES = ["index.docker.io", "registry-1.docker.io"];

export function parseImageRef(image: string): ImageRef {
    let rest = image.trim();
    let digest: string | undefined;
    const at = rest.indexOf("@");
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
    }
    let tag: string | undefined;
    const lastColon = rest.lastIndexOf(":");
    if (lastColon > rest.lastIndexOf("/")) {
        tag = rest.slice(lastColon + 1);
        rest = rest.slice(0, lastColon);
    }
    const slash = rest.indexOf("/");
    const first = slash >= 0 ? rest.slice(0, slash) : "";
    const hasRegistry = slash >= 0 && (first.includes(".") || first.includes(":") || first === "localhost");
    let registry = hasRegistry ? first : "docker.io";
    let repository = hasRegistry ? rest.slice(slash + 1) : rest;
    if (DOCKER_HUB_ALIASES.includes(registry)) registry = "docker.io";
    if (registry === "docker.io" && !repository.includes("/")) repository = `library/${repository}`;
    return { registry, repository, tag, digest };
}

/** "docker.io/library/nginx" for "nginx:1.27". */
export function imageName(ref: ImageRef): string {
    return `${ref.registry}/${ref.repository}`;
}

/** Whether an allowed-registry entry ("docker.io", "ghcr.io/stefanprodan") covers an image. */
export function registryAllows(entry: string, ref: ImageRef): boolean {
    const prefix = entry.replace(/\/+$/, "");
    const name = imageName(ref);
    return name === prefix || name.startsWith(`${prefix}/`);
}
