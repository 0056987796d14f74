// Names the settings hand to other systems: image references, DNS host names, repository URLs.
// Each check returns why a value is wrong, or undefined when it is acceptable.
import { isHostName, parseImageReference } from "@reference-platform/grammar";

/** Why `image` is not a valid image reference, or undefined when it is. */
export function invalidImageReason(image: string): string | undefined {
    if (image.trim() !== image) return "has leading or trailing whitespace";
    const parsed = parseImageReference(image);
    return parsed.ok ? undefined : `is not a valid image reference: it ${parsed.problem}`;
}

/** Why `host` is not a DNS name or a `*.` wildcard (what Istio Gateways and VirtualServices take). */
export function invalidHostReason(host: string): string | undefined {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(host) || host.includes("/")) return "is a URL; give only the host name, e.g. \"shop.example.com\"";
    if (!isHostName(host.startsWith("*.") ? host.slice(2) : host)) {
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
