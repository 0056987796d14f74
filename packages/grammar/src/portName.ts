// A named port as Kubernetes validates it (IANA_SVC_NAME, RFC 6335): what a container port's and a
// Service port's `name` must be, and what a probe or a targetPort refers to by name.

export const PORT_NAME_MAX_LENGTH = 15;
export const PORT_NAME_RULE = "lowercase letters, digits and '-', at least one letter, no leading, trailing or double '-', at most 15 characters";

const PORT_NAME = /^[a-z0-9](?:-?[a-z0-9])*$/;

export function isPortName(value: unknown): value is string {
    return typeof value === "string" && value.length <= PORT_NAME_MAX_LENGTH && PORT_NAME.test(value) && /[a-z]/.test(value);
}
