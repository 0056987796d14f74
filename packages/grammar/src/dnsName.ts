// DNS names as Kubernetes validates them (RFC 1123):
// - a label (namespace, Service and most object names that become a DNS label): lower-case letters,
//   digits and "-", starting and ending with a letter or digit, at most 63 characters;
// - a subdomain (names of most other objects): labels joined by ".", at most 253 characters in all.

export const DNS_LABEL_MAX_LENGTH = 63;
export const DNS_SUBDOMAIN_MAX_LENGTH = 253;
export const DNS_LABEL_RULE = "lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters";

const LABEL = "[a-z0-9](?:[-a-z0-9]*[a-z0-9])?";
const DNS_LABEL = new RegExp(`^${LABEL}$`);
const DNS_SUBDOMAIN = new RegExp(`^${LABEL}(?:\\.${LABEL})*$`);

export function isDnsLabel(value: unknown): value is string {
    return typeof value === "string" && value.length <= DNS_LABEL_MAX_LENGTH && DNS_LABEL.test(value);
}

export function isDnsSubdomain(value: unknown): value is string {
    return typeof value === "string" && value.length <= DNS_SUBDOMAIN_MAX_LENGTH && DNS_SUBDOMAIN.test(value);
}

/** A host name (RFC 1123): a subdomain whose every label is also at most 63 characters. */
export function isHostName(value: unknown): value is string {
    return isDnsSubdomain(value) && value.split(".").every(isDnsLabel);
}

export const DNS_1035_LABEL_RULE = "lowercase letters, digits and '-', starting with a letter and ending with a letter or digit, at most 63 characters";
const DNS_1035_LABEL = /^[a-z](?:[-a-z0-9]*[a-z0-9])?$/;

/**
 * A DNS-1035 label: a DNS-1123 label that starts with a letter. What a Service's name must be (its
 * name becomes a DNS label that may not look like a number).
 */
export function isDns1035Label(value: unknown): value is string {
    return typeof value === "string" && value.length <= DNS_LABEL_MAX_LENGTH && DNS_1035_LABEL.test(value);
}
