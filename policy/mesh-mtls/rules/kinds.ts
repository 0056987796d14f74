// The Istio kinds `mesh-mtls` judges, as the pack's type tokens name them and the API server matches them.
import { RuleTarget } from "../../admission/rule";

export const PEER_AUTHENTICATION: RuleTarget = { group: "security.istio.io", kind: "PeerAuthentication", resource: "peerauthentications" };
export const DESTINATION_RULE: RuleTarget = { group: "networking.istio.io", kind: "DestinationRule", resource: "destinationrules" };
export const AUTHORIZATION_POLICY: RuleTarget = { group: "security.istio.io", kind: "AuthorizationPolicy", resource: "authorizationpolicies" };

/** CEL: the PeerAuthentication sets `spec.mtls.mode`. */
export const SETS_MTLS_MODE = "(has(object.spec) && has(object.spec.mtls) && has(object.spec.mtls.mode))";
