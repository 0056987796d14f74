// Names the settings hand to other systems: image references, DNS host names, repository URLs.
// Each check returns why a value is wrong, or undefined when it is acceptable.

// The reference grammar container registries implement (distribution's reference package):
// [domain[:port]/]path-component(/path-component)*[:tag][@algorithm:hex].
const PATH_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
const DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?`;
const TAG = "[\\w][\\w.-]{0,127}";
const DIGEST = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
const IMAGE_REFERENCE = new RegExp(`^(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*(?::${TAG})?(?:@${DIGEST})?$`);
const MAX_IMAGE_NAME = 255;

/** Why `image` is not a valid image reference, or undefined when it is. */
export function invalidImageReason(image: string): string | undefined {
    if (image.trim() !== image) return "has leading or trailing whitespace";
    if (/\s/.test(image)) return "contains whitespace";
    if (!IMAGE_REFERENCE.test(image)) {
        const path = image.split(/[@]/)[0].replace(/:[^/]*$/, "");
        const repository = path.includes("/") && /[.:]|^localhost$/.test(path.split("/")[0]) ? path.slice(path.indexOf("/") + 1) : path;
        if (/[A-Z]/.test(repository)) return "has uppercase letters in its repository; repositories are lowercase, e.g. \"nginx:1.25\"";
        return "is not an image reference: [registry/]repository[:tag][@sha256:digest], repository in lowercase";
    }
    const name = image.split("@")[0].replace(/:[\w][\w.-]*$/, "");
    if (name.length > MAX_IMAGE_NAME) return `has a name longer than ${MAX_IMAGE_NAME} characters`;
    return undefined;
}

const DNS_LABEL = "[a-z0-9](?:[-a-z0-9]{0,61}[a-z0-9])?";
const HOST = new RegExp(`^(?:\\*\\.)?${DNS_LABEL}(?:\\.${DNS_LABEL})*$`);

/** Why `host` is not a DNS name or a `*.` wildcard (what Istio Gateways and VirtualServices take). */
export function invalidHostReason(host: string): string | undefined {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(host) || host.includes("/")) return "is a URL; give only the host name, e.g. \"shop.example.com\"";
    if (host.length > 253 || !HOST.test(host)) {
        return "must be a lowercase DNS name such as \"shop.example.com\" or a wildcard such as \"*.example.com\" (no port)";
    }
    return undefined;
}

const CREDENTIALS_HINT = "credentials in a URL are stored in plaintext (stack config, resource inputs); " +
    "remove them and give the repository's credentials through a Secret";

/** Why a repository URL carries credentials (`https://user:token@host`), or undefined. */
export function credentialsInUrlReason(value: string): string | undefined {
    let url: URL;
    try {
        url = new URL(value);
    } catch {
        return undefined;
    }
    // ssh://git@host names the SSH user, which is no secret; a password is.
    const leaks = url.protocol === "ssh:" ? url.password !== "" : url.username !== "" || url.password !== "";
    return leaks ? CREDENTIALS_HINT : undefined;
}
