// `mesh-mtls`' rules and config: each a CEL admission rule (policy/admission/rule.ts), in the order
// of the policy's controls.
import { AdmissionRuleSet } from "../admission/rule";
import { configSpec } from "../lib/config";
import { authorizationPolicyAllowAll } from "./rules/authorizationPolicyAllowAll";
import { destinationRule } from "./rules/destinationRule";
import { meshRootUnset } from "./rules/meshRootUnset";
import { peerAuthentication } from "./rules/peerAuthentication";

const rules = [peerAuthentication, meshRootUnset, destinationRule, authorizationPolicyAllowAll];

export const MESH_MTLS: AdmissionRuleSet = {
    spec: configSpec("mesh-mtls", rules.map((r) => r.control), {
        rootNamespace: {
            type: "string",
            minLength: 1,
            default: "istio-system",
            description: "Istio's mesh root namespace (meshConfig.rootNamespace): policies there without a selector apply to the whole mesh.",
        },
        minimumMode: {
            type: "string",
            enum: ["PERMISSIVE", "STRICT"],
            default: "STRICT",
            description: "The weakest PeerAuthentication mode (mesh-wide, namespace, workload or port level) allowed.",
        },
        clusterDomain: {
            type: "string",
            default: "cluster.local",
            description: "The cluster's DNS domain, to tell mesh hosts from external ones in DestinationRules.",
        },
    }),
    rules,
};
