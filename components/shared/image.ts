// Container image references: registry/repository[:tag][@digest].

export interface ImageReference {
    registry: string;
    repository: string;
    tag?: string;
    digest?: string;
}

export function parseImageReference(ref: string): ImageReference {
    const [nameAndTag, digest] = ref.split("@", 2);
    const lastSlash = nameAndTag.lastIndexOf("/");
    const lastColon = nameAndTag.lastIndexOf(":");
    const hasTag = lastColon > lastSlash;
    const name = hasTag ? nameAndTag.slice(0, lastColon) : nameAndTag;
    const tag = hasTag ? nameAndTag.slice(lastColon + 1) : undefined;
    const first = name.split("/")[0];
    // Docker's rule: the first component is a registry only if it looks like a host.
    const isHost = name.includes("/") && (first.includes(".") || first.includes(":") || first === "localhost");
    return {
        registry: isHost ? first : "docker.io",
        repository: isHost ? name.slice(first.length + 1) : name.includes("/") ? name : `library/${name}`,
        tag,
        digest,
    };
}

/** Why an image reference is not pinned, or undefined when it is (a non-latest tag or a digest). */
export function unpinnedImageReason(ref: string): string | undefined {
    const image = parseImageReference(ref);
    if (image.digest) {
        return /^sha256:[a-f0-9]{64}$/.test(image.digest) ? undefined : `digest "${image.digest}" is not a sha256 digest`;
    }
    if (!image.tag) return "has no tag; pin a version tag or a sha256 digest";
    if (image.tag === "latest") return 'uses the mutable tag "latest"; pin a version tag or a sha256 digest';
    return undefined;
}
