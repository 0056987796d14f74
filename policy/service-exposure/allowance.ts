// Where `service-exposure`'s config allows an exposure (NodePort, LoadBalancer, a Gateway API
// Gateway): the settings' `allowed` entries as a CEL condition on the object, and as the text a
// violation names them by. Both are made from the settings, so the CEL carries them as literals.
import { celString } from "../admission/rule";

export const EXPOSED_TYPES = ["NodePort", "LoadBalancer"] as const;
export const ALLOWED_TYPES = [...EXPOSED_TYPES, "Gateway"] as const;

export interface AllowedExposure {
    namespace: string;
    name?: string;
    type: string;
}

export interface ServiceExposureSettings {
    allowed: AllowedExposure[];
    externalNameNamespaces: string[];
}

/** CEL true when the object (its namespace, and name where the entry pins one) is allowed as `type`. */
export function allowedCel(allowed: readonly AllowedExposure[], type: string): string {
    const terms = allowed.filter((a) => a.type === type).map((a) => `(object.metadata.namespace == ${celString(a.namespace)}` +
        (a.name === undefined ? ")" : ` && has(object.metadata.name) && object.metadata.name == ${celString(a.name)})`));
    return terms.length > 0 ? `(${terms.join(" || ")})` : "false";
}

/** Where `type` is allowed, for the message: "istio-ingress, edge/public", or "nothing". */
export const allowedText = (allowed: readonly AllowedExposure[], type: string): string =>
    allowed.filter((a) => a.type === type).map((a) => (a.name ? `${a.namespace}/${a.name}` : a.namespace)).join(", ") || "nothing";
