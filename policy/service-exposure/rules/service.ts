// What the Service rules of `service-exposure` share: the kind, and its type as CEL reads it.
import { RuleTarget } from "../../admission/rule";

export const SERVICE: RuleTarget = { group: "", kind: "Service", resource: "services" };

/** The Service's type; '' when unset (the API server defaults it to ClusterIP, which exposes nothing). */
export const SERVICE_TYPE = {
    name: "type",
    expression: "has(object.spec) && has(object.spec.type) ? object.spec.type : ''",
} as const;
